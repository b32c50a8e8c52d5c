package dev.beckon.gateway.mqtt;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto started by a test: the system's {@code mosquitto} binary with a configuration written to the test's
 * temporary directory, logging everything to {@link #log()}. {@link #start} waits until every listener accepts
 * connections; {@link #close()} stops the process (SIGTERM, then SIGKILL after 5 s). A missing binary skips the test
 * visibly, and fails it under {@code CI=true} (as {@link MosquittoIngestTest} does for a missing broker).
 */
public final class MosquittoProcess implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MosquittoProcess.class.getName());

    private final Process process;
    private final Path log;

    private MosquittoProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mosquitto -c <dir>/mosquitto.conf} with {@code config} after the lines that keep it in the
     * foreground as the current user with everything logged to {@link #log()}, and waits for {@code ports}.
     */
    public static MosquittoProcess start(Path dir, String config, List<Integer> ports) {
        String binary = requireTool("mosquitto");
        Path log = dir.resolve("mosquitto.log");
        Path conf = dir.resolve("mosquitto.conf");
        try {
            Files.writeString(conf, "# written by " + MosquittoProcess.class.getSimpleName() + "\n"
                    + "user " + System.getProperty("user.name") + "\n"
                    + "persistence false\n"
                    + "log_dest file " + log + "\n"
                    + "log_type all\n"
                    + "log_timestamp_format %H:%M:%S\n"
                    + config);
            Process process = new ProcessBuilder(binary, "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
            MosquittoProcess mosquitto = new MosquittoProcess(process, log);
            mosquitto.awaitPorts(ports, dir);
            return mosquitto;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary + " with " + conf, e);
        }
    }

    private void awaitPorts(List<Integer> ports, Path dir) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int port : ports) {
            while (true) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    break;
                } catch (IOException notYet) {
                    if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                        String output = read(dir.resolve("mosquitto.out")) + read(log);
                        close();
                        throw new IllegalStateException("mosquitto did not listen on " + port + ":\n" + output);
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted waiting for mosquitto", e);
                    }
                }
            }
        }
    }

    /** {@code count} ports that were free a moment ago on 127.0.0.1. */
    public static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new IllegalStateException("no free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // it was only a probe
                }
            }
        }
    }

    /**
     * The path of {@code tool} on the {@code PATH} (or in {@code /usr/sbin}, where Debian puts mosquitto). When it is
     * missing, aborts the calling test (a visible skip), or fails it under {@code CI=true}.
     */
    public static String requireTool(String tool) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin"));
        Optional<Path> found = dirs.stream().filter(d -> !d.isBlank()).map(d -> Path.of(d, tool))
                .filter(Files::isExecutable).findFirst();
        if (found.isPresent()) {
            return found.get().toString();
        }
        String reason = "'" + tool + "' is not installed (apt-get install mosquitto mosquitto-clients openssl)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + ". CI must have it.");
        }
        LOG.log(System.Logger.Level.WARNING, "SKIPPING: " + reason);
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    /** The broker's log so far. */
    public String log() {
        return read(log);
    }

    private static String read(Path path) {
        try {
            return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + path + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
