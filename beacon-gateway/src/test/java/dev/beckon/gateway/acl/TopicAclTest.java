package dev.beckon.gateway.acl;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;
import dev.beckon.gateway.pairing.PairingSnapshot;
import org.junit.jupiter.api.Test;

import static dev.beckon.gateway.StoreFixture.SHOP;
import static dev.beckon.gateway.StoreFixture.STORE;
import static org.assertj.core.api.Assertions.assertThat;

class TopicAclTest {

    private final PairingSnapshot snapshot = StoreFixture.snapshot();
    private final TopicAcl acl = new TopicAcl(() -> snapshot);
    private final ClientIdentity door = new ClientIdentity.Scanner(StoreFixture.DOOR, ScannerSource.BECKON, null);
    private final ClientIdentity shoesNode = new ClientIdentity.Scanner(StoreFixture.ESP_SHOES,
            ScannerSource.ESPRESENSE, "shoes");
    private final ClientIdentity theengs = new ClientIdentity.Scanner(StoreFixture.THEENGS_ENTRANCE,
            ScannerSource.THEENGS, "TheengsGateway");
    private final ClientIdentity app = new ClientIdentity.AppInstall(SHOP, "install-42");

    @Test
    void aBeckonScannerPublishesOnlyItsOwnSightingTopic() {
        assertThat(acl.canPublish(door, "beckon/shop-1/stores/berlin-mitte/scanners/door/sightings")).isTrue();
        assertThat(acl.canPublish(door, "beckon/shop-1/stores/berlin-mitte/scanners/app/sightings"))
                .as("another scanner of the same store").isFalse();
        assertThat(acl.canPublish(door, "beckon/shop-1/stores/paris/scanners/door/sightings"))
                .as("another store").isFalse();
        assertThat(acl.canPublish(door, "beckon/shop-2/stores/berlin-mitte/scanners/door/sightings"))
                .as("another shop").isFalse();
        assertThat(acl.canPublish(door, "espresense/devices/phone/shoes")).isFalse();
        assertThat(acl.canSubscribe(door, "beckon/#")).isFalse();
        assertThat(acl.canSubscribe(door, "beckon/shop-1/stores/berlin-mitte/scanners/door/sightings")).isFalse();
    }

    @Test
    void anEspresenseNodePublishesUnderItsRoomAndReadsItsSettings() {
        assertThat(acl.canPublish(shoesNode, "espresense/devices/apple:iphone12-3/shoes")).isTrue();
        assertThat(acl.canPublish(shoesNode, "espresense/devices/apple:iphone12-3/shoes/1")).isTrue();
        assertThat(acl.canPublish(shoesNode, "espresense/rooms/shoes/telemetry")).isTrue();
        assertThat(acl.canPublish(shoesNode, "espresense/devices/apple:iphone12-3/checkout"))
                .as("another room's topic").isFalse();
        assertThat(acl.canPublish(shoesNode, "beckon/shop-1/stores/berlin-mitte/scanners/esp-shoes/sightings"))
                .isFalse();

        assertThat(acl.canSubscribe(shoesNode, "espresense/rooms/shoes/+/set")).isTrue();
        assertThat(acl.canSubscribe(shoesNode, "espresense/rooms/*/+/set")).isTrue();
        assertThat(acl.canSubscribe(shoesNode, "espresense/settings/+/config")).isTrue();
        assertThat(acl.canSubscribe(shoesNode, "espresense/devices/#")).as("other nodes' sightings").isFalse();
        assertThat(acl.canSubscribe(shoesNode, "espresense/rooms/+/+/set")).as("every room's settings").isFalse();
    }

    @Test
    void aTheengsGatewayStaysUnderItsOwnName() {
        assertThat(acl.canPublish(theengs, "home/TheengsGateway/BTtoMQTT/C47C8D6A2E11")).isTrue();
        assertThat(acl.canPublish(theengs, "home/OtherGateway/BTtoMQTT/C47C8D6A2E11")).isFalse();
        assertThat(acl.canSubscribe(theengs, "home/TheengsGateway/commands")).isTrue();
        assertThat(acl.canSubscribe(theengs, "home/+/BTtoMQTT/#")).isFalse();
    }

    @Test
    void anAppInstallReadsOnlyItsOwnOffersAndReportsOnlyAsARoamingScannerOfItsShop() {
        assertThat(acl.canSubscribe(app, "beckon/shop-1/apps/install-42/offers")).isTrue();
        assertThat(acl.canSubscribe(app, "beckon/shop-1/apps/install-43/offers")).isFalse();
        assertThat(acl.canSubscribe(app, "beckon/shop-1/apps/+/offers")).isFalse();
        assertThat(acl.canSubscribe(app, "beckon/shop-2/apps/install-42/offers")).isFalse();

        assertThat(acl.canPublish(app, "beckon/shop-1/stores/berlin-mitte/scanners/app/sightings")).isTrue();
        assertThat(acl.canPublish(app, "beckon/shop-1/stores/berlin-mitte/scanners/door/sightings"))
                .as("a fixed scanner's topic").isFalse();
        assertThat(acl.canPublish(app, "beckon/shop-1/stores/berlin-mitte/scanners/ghost/sightings"))
                .as("an unregistered scanner").isFalse();
        assertThat(acl.canPublish(app, "beckon/shop-1/apps/install-42/offers")).as("forging its own offers")
                .isFalse();
    }

    @Test
    void theSuiteMayDoAnything() {
        ClientIdentity suite = new ClientIdentity.Suite();
        assertThat(acl.canSubscribe(suite, "beckon/+/stores/+/scanners/+/sightings")).isTrue();
        assertThat(acl.canSubscribe(suite, "$share/gateway/espresense/devices/+/+")).isTrue();
        assertThat(acl.canPublish(suite, "beckon/shop-1/apps/install-42/offers")).isTrue();
    }

    @Test
    void idsThatCouldWidenTheirPatternGetNoRights() {
        ClientIdentity wildcardRoom = new ClientIdentity.Scanner(new ScannerRef(SHOP, STORE, "esp-x"),
                ScannerSource.ESPRESENSE, "+");
        ClientIdentity wildcardShop = new ClientIdentity.AppInstall(ShopId.of("#"), "install-42");
        ClientIdentity slashStore = new ClientIdentity.Scanner(new ScannerRef(SHOP, StoreId.of("a/b"), "door"),
                ScannerSource.BECKON, null);

        assertThat(acl.canPublish(wildcardRoom, "espresense/devices/phone/kitchen")).isFalse();
        assertThat(acl.canSubscribe(wildcardRoom, "espresense/rooms/kitchen/max_distance/set")).isFalse();
        assertThat(acl.canSubscribe(wildcardShop, "beckon/#/apps/install-42/offers")).isFalse();
        assertThat(acl.canPublish(slashStore, "beckon/shop-1/stores/a/b/scanners/door/sightings")).isFalse();
    }

    @Test
    void malformedTopicsAndSystemTopicsAreDenied() {
        assertThat(acl.canPublish(door, null)).isFalse();
        assertThat(acl.canPublish(door, "")).isFalse();
        assertThat(acl.canPublish(door, "beckon/shop-1/stores/berlin-mitte/scanners/+/sightings")).isFalse();
        assertThat(acl.canSubscribe(shoesNode, "espresense/rooms/shoes/#/set")).isFalse();
        assertThat(acl.canSubscribe(shoesNode, "espresense/rooms/sho+/x/set")).isFalse();
        assertThat(acl.canSubscribe(app, "$SYS/#")).isFalse();
        assertThat(acl.canPublish(null, "beckon/shop-1/apps/install-42/offers")).isFalse();
    }
}
