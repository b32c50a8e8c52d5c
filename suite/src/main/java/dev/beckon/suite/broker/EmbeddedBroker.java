package dev.beckon.suite.broker;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The MQTT broker a newcomer gets without installing one: Moquette on a loopback address, no persistence, no
 * telemetry, no error reporting to third parties. Production points the suite at Mosquitto, EMQX or HiveMQ
 * instead ({@code BECKON_MQTT_EMBEDDED=false}).
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedBroker.class.getName());

    private final Server server = new Server();
    private final String host;
    private final int port;
    private volatile boolean running;

    public EmbeddedBroker(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** @throws UncheckedIOException with the address if the port is taken */
    public void start() {
        Properties properties = new Properties();
        properties.setProperty("host", host);
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("allow_anonymous", "true");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("use_bugsnag", "false");
        try {
            server.startServer(new MemoryConfig(properties));
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("the embedded MQTT broker cannot listen on " + host + ":" + port
                    + " (set BECKON_MQTT_PORT, or BECKON_MQTT_EMBEDDED=false to use an external broker)",
                    e instanceof IOException io ? io : new IOException(e));
        }
        running = true;
        LOG.log(System.Logger.Level.INFO, "embedded MQTT broker listening on {0}:{1}", host, Integer.toString(port));
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
