package dev.beckon.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The runnable suite ({@code target/beckon.jar}) as a child process of the test JVM, the way an operator runs it:
 * {@code java -jar beckon.jar --port N} with its configuration in environment variables. Its output goes to a log
 * file, shown when it fails to get ready. Not thread-safe: one test drives it.
 */
final class SuiteProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "beckon.jar");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private SuiteProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the suite and waits until {@code /health/ready} answers 200.
     *
     * @param env variables set for the child on top of the test JVM's own; a null value removes one
     */
    static SuiteProcess start(Map<String, String> env, Path log, Duration readyWithin) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: it is built in the package phase");
        }
        int port = SuiteClient.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString(), "--port",
                String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        SuiteProcess suite;
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            // a test JVM that ends without closing it (a failsafe timeout, ^C) still takes the suite down
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-suite-" + process.pid()));
            suite = new SuiteProcess(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + JAR, e);
        }
        try {
            await().atMost(readyWithin).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!suite.process.isAlive()) {
                    throw new IllegalStateException("the suite exited with " + suite.process.exitValue());
                }
                return suite.ready();
            });
        } catch (RuntimeException | Error e) {
            String output = suite.logTail(150);
            suite.close();
            throw new IllegalStateException("the suite did not get ready within " + readyWithin + " (alive: "
                    + suite.process.isAlive() + "); last lines of " + log + ":\n" + output, e);
        }
        return suite;
    }

    URL base() {
        try {
            return URI.create("http://localhost:" + port + "/").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** {@code kill -9}: no shutdown hook, no pool drained, no transaction finished. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the suite (pid " + process.pid() + ") survived kill -9 for 30 s");
        }
    }

    /** The last {@code lines} lines of the suite's output. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean ready() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }
}
