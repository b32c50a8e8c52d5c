package dev.beckon.suite.broker;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import jakarta.enterprise.inject.spi.CDI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The MQTT broker a newcomer gets without installing one: Moquette on a loopback address, no persistence, no
 * telemetry, no error reporting to third parties. Production points the suite at Mosquitto, EMQX or HiveMQ
 * instead ({@code BECKON_MQTT_EMBEDDED=false}).
 *
 * <p>Anonymous clients are refused. Every CONNECT, PUBLISH and SUBSCRIBE goes through {@link BrokerSecurity}: the
 * suite's own service account may do anything, a scanner or app install only what the gateway's topic ACL grants
 * its issued credential (docs/BEACONS.md section 3). A denied PUBLISH is dropped by the broker: no subscriber gets
 * it.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedBroker.class.getName());

    private final Server server = new Server();
    private final String host;
    private final int port;
    private final Supplier<BrokerSecurity> security;
    private volatile boolean running;

    /** A broker guarded by the application's {@link BrokerSecurity} bean (looked up when it starts). */
    public EmbeddedBroker(String host, int port) {
        this(host, port, () -> CDI.current().select(BrokerSecurity.class).get());
    }

    /** A broker guarded by {@code security}. */
    public EmbeddedBroker(String host, int port, BrokerSecurity security) {
        this(host, port, () -> security);
        Objects.requireNonNull(security, "security");
    }

    private EmbeddedBroker(String host, int port, Supplier<BrokerSecurity> security) {
        this.host = host;
        this.port = port;
        this.security = security;
    }

    /**
     * @throws UncheckedIOException with the address if the port is taken
     * @throws IllegalStateException when there is no {@link BrokerSecurity} (the broker never runs unguarded)
     */
    public void start() {
        BrokerSecurity guard;
        try {
            guard = Objects.requireNonNull(security.get(), "security");
        } catch (RuntimeException e) {
            throw new IllegalStateException("the embedded MQTT broker did not start: its authenticator is not"
                    + " available (" + e.getMessage() + ")", e);
        }
        Properties properties = new Properties();
        properties.setProperty("host", host);
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("allow_anonymous", "false");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("use_bugsnag", "false");
        try {
            server.startServer(new MemoryConfig(properties), List.of(), null, guard, guard);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("the embedded MQTT broker cannot listen on " + host + ":" + port
                    + " (set BECKON_MQTT_PORT, or BECKON_MQTT_EMBEDDED=false to use an external broker)",
                    e instanceof IOException io ? io : new IOException(e));
        }
        running = true;
        LOG.log(System.Logger.Level.INFO, "embedded MQTT broker listening on {0}:{1} (no anonymous clients)", host,
                Integer.toString(port));
    }

    public boolean running() {
        return running;
    }

    public String address() {
        return host + ":" + port;
    }

    @Override
    public void close() {
        if (running) {
            running = false;
            server.stopServer();
        }
    }
}
