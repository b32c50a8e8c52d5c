package dev.beckon.gateway.zones;

import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.gateway.decode.BeaconKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreLayoutTest {

    static final BeaconKey SHOES = BeaconKey.parse("ibeacon:fda50693-a4e2-4fb1-afcf-c6eb07647825:1:1").orElseThrow();
    static final BeaconKey SHOES_2 = BeaconKey.parse("ibeacon:fda50693-a4e2-4fb1-afcf-c6eb07647825:1:2").orElseThrow();
    static final BeaconKey BAGS = BeaconKey.parse("ibeacon:fda50693-a4e2-4fb1-afcf-c6eb07647825:2:1").orElseThrow();
    static final BeaconKey STRANGER = BeaconKey.parse("ibeacon:a495bb10-c5b1-4b44-b512-1370f02d74de:68:1016")
            .orElseThrow();

    final Zone shoes = Zone.of(StoreZoneId.of("shoes"), SHOES, SHOES_2);
    final Zone bags = Zone.of(StoreZoneId.of("bags"), BAGS);
    final StoreLayout layout = StoreLayout.of(StoreId.of("store-1"), shoes, bags);

    @Test
    void eachBeaconGivesItsZoneAndThatZonesPositionInTheLayout() {
        assertThat(layout.zoneOf(SHOES_2)).contains(shoes);
        assertThat(layout.zoneIndexOf(SHOES)).isZero();
        assertThat(layout.zoneIndexOf(SHOES_2)).isZero();
        assertThat(layout.zoneIndexOf(BAGS)).isEqualTo(1);
        assertThat(layout.zones().get(layout.zoneIndexOf(BAGS))).isEqualTo(bags);
    }

    @Test
    void aBeaconOfNoZoneHasNoPosition() {
        assertThat(layout.zoneOf(STRANGER)).isEmpty();
        assertThat(layout.zoneIndexOf(STRANGER)).isEqualTo(-1);
    }

    @Test
    void aBeaconInTwoZonesIsRefused() {
        assertThatThrownBy(() -> StoreLayout.of(StoreId.of("store-1"), shoes, Zone.of(StoreZoneId.of("x"), SHOES)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two zones");
    }
}
