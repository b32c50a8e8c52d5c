package dev.beckon.gateway;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;
import dev.beckon.gateway.pairing.Calibration;
import dev.beckon.gateway.pairing.PairedBeacon;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.pairing.RegisteredScanner;
import dev.beckon.gateway.pairing.ZoneDefinition;

import java.util.UUID;

/**
 * One shop's store with three zones (entrance, shoes, checkout): each zone has an ESPresense node in it (room
 * slugs {@code entrance}, {@code shoes}, {@code checkout}) and one paired iBeacon; a Theengs gateway at the
 * entrance; a roaming store-app scanner ({@code app}) and a fixed Beckon scanner ({@code door}) at the entrance.
 */
public final class StoreFixture {

    public static final ShopId SHOP = ShopId.of("shop-1");
    public static final StoreId STORE = StoreId.of("berlin-mitte");
    public static final StoreZoneId ENTRANCE = StoreZoneId.of("entrance");
    public static final StoreZoneId SHOES = StoreZoneId.of("shoes");
    public static final StoreZoneId CHECKOUT = StoreZoneId.of("checkout");
    public static final UUID STORE_UUID = UUID.fromString("2f234454-cf6d-4a0f-adf2-f4911ba9ffa6");
    public static final BeaconKey ENTRANCE_BEACON = BeaconKey.ibeacon(STORE_UUID, 1, 1);
    public static final BeaconKey SHOES_BEACON = BeaconKey.ibeacon(STORE_UUID, 1, 2);
    public static final BeaconKey CHECKOUT_BEACON = BeaconKey.ibeacon(STORE_UUID, 1, 3);
    public static final ScannerRef APP = new ScannerRef(SHOP, STORE, "app");
    public static final ScannerRef DOOR = new ScannerRef(SHOP, STORE, "door");
    public static final ScannerRef ESP_ENTRANCE = new ScannerRef(SHOP, STORE, "esp-entrance");
    public static final ScannerRef ESP_SHOES = new ScannerRef(SHOP, STORE, "esp-shoes");
    public static final ScannerRef ESP_CHECKOUT = new ScannerRef(SHOP, STORE, "esp-checkout");
    public static final ScannerRef THEENGS_ENTRANCE = new ScannerRef(SHOP, STORE, "theengs-entrance");
    /** The calibration of the ESPresense nodes: a phone at 1 m reads -59 dBm. */
    public static final Calibration NODE_CALIBRATION = new Calibration(-59.0, 2.7);

    private StoreFixture() {
    }

    public static PairingSnapshot snapshot() {
        PairingSnapshot.Builder builder = PairingSnapshot.builder().store(SHOP, STORE);
        for (StoreZoneId zone : new StoreZoneId[] {ENTRANCE, SHOES, CHECKOUT}) {
            builder.zone(new ZoneDefinition(SHOP, STORE, zone, 3.0, 6.0));
        }
        builder.beacon(new PairedBeacon(SHOP, STORE, ENTRANCE_BEACON, ENTRANCE, Calibration.DEFAULT))
                .beacon(new PairedBeacon(SHOP, STORE, SHOES_BEACON, SHOES, Calibration.DEFAULT))
                .beacon(new PairedBeacon(SHOP, STORE, CHECKOUT_BEACON, CHECKOUT, Calibration.DEFAULT))
                .scanner(new RegisteredScanner(APP, ScannerSource.BECKON, null, null, Calibration.DEFAULT))
                .scanner(new RegisteredScanner(DOOR, ScannerSource.BECKON, null, ENTRANCE, NODE_CALIBRATION))
                .scanner(new RegisteredScanner(ESP_ENTRANCE, ScannerSource.ESPRESENSE, "entrance", ENTRANCE,
                        NODE_CALIBRATION))
                .scanner(new RegisteredScanner(ESP_SHOES, ScannerSource.ESPRESENSE, "shoes", SHOES,
                        NODE_CALIBRATION))
                .scanner(new RegisteredScanner(ESP_CHECKOUT, ScannerSource.ESPRESENSE, "checkout", CHECKOUT,
                        NODE_CALIBRATION))
                .scanner(new RegisteredScanner(THEENGS_ENTRANCE, ScannerSource.THEENGS, "TheengsGateway", ENTRANCE,
                        NODE_CALIBRATION));
        return builder.build();
    }
}
