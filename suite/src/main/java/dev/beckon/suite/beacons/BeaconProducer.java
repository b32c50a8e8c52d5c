package dev.beckon.suite.beacons;

import dev.beckon.gateway.pairing.JdbcPairingStore;
import dev.beckon.gateway.pairing.PairingRegistry;
import dev.beckon.suite.config.SuiteSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.time.Clock;

/** Wires the beacon gateway's settings and pairing registry (the {@code beckon.gateway.*} keys). */
@ApplicationScoped
public class BeaconProducer {

    @Produces
    @Singleton
    GatewaySettings gatewaySettings(SuiteSettings suite) {
        Config config = ConfigProvider.getConfig();
        return GatewaySettings.from(key -> GatewaySettings.KEYS.contains(key)
                ? config.getOptionalValue(key, String.class).orElse(null) : null, suite);
    }

    @Produces
    @Singleton
    JdbcPairingStore pairingStore(DataSource dataSource, Clock clock) {
        return new JdbcPairingStore(dataSource, clock);
    }

    @Produces
    @Singleton
    PairingRegistry pairingRegistry(JdbcPairingStore store) {
        return new PairingRegistry(store);
    }
}
