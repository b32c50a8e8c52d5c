package dev.beckon.gateway.apps;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.EspresenseWalk;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.pairing.GatewaySchema;
import dev.beckon.gateway.pipeline.RecordingSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * App installs: registration, and zone events of the phone a fixed scanner heard renamed to the install. H2 and
 * PostgreSQL extend it.
 */
abstract class AppInstallsContract {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final ShopId SHOP = StoreFixture.SHOP;
    private static final String PHONE_KEY = "ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:7";

    private JdbcAppInstalls installs;

    protected abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        DataSource dataSource = dataSource();
        GatewaySchema.migrate(dataSource);
        installs = new JdbcAppInstalls(dataSource);
    }

    @Test
    void theIdsScannersReportForAnAdvertisedIBeaconShareOneDeviceKey() {
        assertThat(InstallDevices.deviceKey(EspresenseWalk.PHONE)).isEqualTo(PHONE_KEY);
        assertThat(InstallDevices.deviceKey("IBEACON:E2C56DB5DFFB48D2B060D0F5A71096E0:100:7")).isEqualTo(PHONE_KEY);
        assertThat(InstallDevices.deviceKey(" C4:7C:8D:6A:2E:11 ")).isEqualTo("c4:7c:8d:6a:2e:11");
        assertThat(InstallDevices.deviceKey(" ")).isNull();
    }

    @Test
    void aRegistrationIsStoredReplacedAndItsDeviceBelongsToOneInstallOfTheShop() {
        assertThat(installs.register(new AppInstall(SHOP, "install-42", PHONE_KEY, true, T0)))
                .isEqualTo(JdbcAppInstalls.Outcome.REGISTERED);
        assertThat(installs.register(new AppInstall(SHOP, "install-43", PHONE_KEY, true, T0)))
                .isEqualTo(JdbcAppInstalls.Outcome.DEVICE_CLAIMED);
        assertThat(installs.register(new AppInstall(ShopId.of("other-shop"), "install-43", PHONE_KEY, true, T0)))
                .isEqualTo(JdbcAppInstalls.Outcome.REGISTERED);
        assertThat(installs.register(new AppInstall(SHOP, "install-42", PHONE_KEY, false, T0.plusSeconds(60))))
                .isEqualTo(JdbcAppInstalls.Outcome.REGISTERED);

        AppInstall withdrawn = installs.find(SHOP, "install-42").orElseThrow();
        assertThat(withdrawn.optedIn()).isFalse();
        assertThat(withdrawn.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(installs.find(SHOP, "install-43")).isEmpty();
        assertThat(installs.all()).extracting(AppInstall::installId).containsExactly("install-43", "install-42");
        assertThatThrownBy(() -> new AppInstall(SHOP, "a/b", null, true, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zoneEventsOfAClaimedPhoneNameTheInstallAndOthersPassUnchanged() {
        installs.register(new AppInstall(SHOP, "install-42", PHONE_KEY, true, T0));
        InstallDevices devices = new InstallDevices();
        devices.replaceAll(installs.all());
        RecordingSink recorded = new RecordingSink();
        InstallResolvingSink sink = new InstallResolvingSink(devices, recorded);
        VisitId visit = VisitId.of("v-1");
        DeviceId heard = DeviceId.of(EspresenseWalk.PHONE);
        DeviceId stranger = DeviceId.of("irk:0123456789abcdef");

        sink.accept(SHOP, new ZoneDwelled(StoreFixture.STORE, StoreFixture.SHOES, visit, heard, Duration.ofSeconds(30),
                T0));
        sink.accept(ShopId.of("other-shop"), new VisitEnded(StoreFixture.STORE, visit, heard, T0, T0));
        sink.accept(SHOP, new VisitEnded(StoreFixture.STORE, visit, stranger, T0, T0));
        devices.put(new AppInstall(SHOP, "install-42", null, true, T0));
        sink.accept(SHOP, new VisitEnded(StoreFixture.STORE, visit, heard, T0, T0.plusSeconds(40)));

        List<ProximityEvent> events = recorded.events();
        assertThat(events).extracting(e -> e.device().value()).containsExactly("install-42", EspresenseWalk.PHONE,
                stranger.value(), EspresenseWalk.PHONE);
        assertThat(events.get(0)).isEqualTo(new ZoneDwelled(StoreFixture.STORE, StoreFixture.SHOES, visit,
                DeviceId.of("install-42"), Duration.ofSeconds(30), T0));
    }
}
