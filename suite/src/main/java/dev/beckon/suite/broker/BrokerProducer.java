package dev.beckon.suite.broker;

import dev.beckon.gateway.acl.BrokerAuthenticator;
import dev.beckon.gateway.acl.JdbcCredentialStore;
import dev.beckon.gateway.acl.TopicAcl;
import dev.beckon.gateway.pairing.PairingRegistry;
import dev.beckon.suite.beacons.GatewaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The embedded broker's guard: the suite's service account (the gateway's MQTT username and password, see
 * {@link GatewaySettings}), the issued credentials and the topic ACL over the current pairing snapshot.
 */
@ApplicationScoped
public class BrokerProducer {

    private static final System.Logger LOG = System.getLogger(BrokerProducer.class.getName());

    @Produces
    @Singleton
    BrokerSecurity brokerSecurity(GatewaySettings settings, JdbcCredentialStore credentials,
                                  PairingRegistry registry, MetricRegistry metrics) {
        if (!settings.hasSuiteAccount()) {
            throw new IllegalStateException("the embedded MQTT broker needs the suite's MQTT username and password"
                    + " (beckon.gateway.mqtt.username and beckon.gateway.mqtt.password)");
        }
        BrokerSecurity security = new BrokerSecurity(new BrokerAuthenticator(credentials,
                settings.mqtt().username(), settings.mqtt().password()), new TopicAcl(registry));
        try {
            metrics.gauge("beckon_broker_connections_refused", security, BrokerSecurity::refusedConnections);
            metrics.gauge("beckon_broker_publishes_denied", security, BrokerSecurity::deniedPublishes);
            metrics.gauge("beckon_broker_subscriptions_denied", security, BrokerSecurity::deniedSubscriptions);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "broker metrics not registered: {0}", e.getMessage());
        }
        return security;
    }
}
