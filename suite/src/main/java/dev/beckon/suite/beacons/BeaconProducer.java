package dev.beckon.suite.beacons;

import dev.beckon.gateway.acl.JdbcCredentialStore;
import dev.beckon.gateway.apps.InstallDevices;
import dev.beckon.gateway.apps.JdbcAppInstalls;
import dev.beckon.gateway.offers.MqttAppOfferChannel;
import dev.beckon.gateway.ownership.StoreLeaseSettings;
import dev.beckon.gateway.ownership.StoreLeases;
import dev.beckon.gateway.pairing.JdbcPairingStore;
import dev.beckon.gateway.pairing.PairingRegistry;
import dev.beckon.gateway.visits.JdbcVisitStore;
import dev.beckon.suite.config.SuiteSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Wires the beacon gateway's settings (the {@code beckon.gateway.*} keys), pairing registry, MQTT credentials,
 * visit store and the app-offer channel.
 */
@ApplicationScoped
public class BeaconProducer {

    private static final System.Logger LOG = System.getLogger(BeaconProducer.class.getName());

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

    @Produces
    @Singleton
    JdbcCredentialStore credentialStore(DataSource dataSource, Clock clock) {
        return new JdbcCredentialStore(dataSource, clock);
    }

    @Produces
    @Singleton
    JdbcVisitStore visitStore(DataSource dataSource) {
        return new JdbcVisitStore(dataSource);
    }

    @Produces
    @Singleton
    JdbcAppInstalls appInstalls(DataSource dataSource) {
        return new JdbcAppInstalls(dataSource);
    }

    /** The app installs' device keys in memory; the gateway loads them at start, the opt-in endpoint updates them. */
    @Produces
    @Singleton
    InstallDevices installDevices() {
        return new InstallDevices();
    }

    /**
     * This instance's store leases (one owner per store across suite instances), named by the gateway's MQTT client
     * id, which is unique per instance; timing from {@code beckon.gateway.ownership.ttl} and {@code .renew}.
     * {@link BeaconGateway} claims, renews and releases them.
     */
    @Produces
    @Singleton
    StoreLeases storeLeases(DataSource dataSource, Clock clock, GatewaySettings settings) {
        Config config = ConfigProvider.getConfig();
        StoreLeaseSettings leases = StoreLeaseSettings.from(key -> config.getOptionalValue(key, String.class)
                .orElse(null));
        return new StoreLeases(dataSource, clock, leases, settings.mqtt().clientId());
    }

    /**
     * The {@code app} channel (type APP): offers to a shopper's app install with QoS 1, connected with the
     * suite's MQTT account to the gateway's broker. Connects when produced (without waiting; a send waits up to
     * {@code beckon.gateway.offers.send-timeout} for the connection) and disconnects when the application stops.
     */
    @Produces
    @Singleton
    MqttAppOfferChannel appOfferChannel(GatewaySettings settings) {
        MqttAppOfferChannel channel = new MqttAppOfferChannel(settings.mqtt(), settings.offerSendTimeout());
        channel.start();
        LOG.log(System.Logger.Level.INFO, "app offer channel {0} publishing to {1}", MqttAppOfferChannel.ID,
                settings.mqtt().brokerUrl());
        return channel;
    }

    void closeAppOfferChannel(@Disposes MqttAppOfferChannel channel) {
        channel.close();
    }
}
