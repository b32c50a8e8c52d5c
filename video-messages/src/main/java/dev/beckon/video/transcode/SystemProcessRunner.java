package dev.beckon.video.transcode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs programs with {@link ProcessBuilder}: an argument array (no shell), standard input from nothing, standard
 * output and standard error each drained by a helper thread into bounded buffers (so a chatty process can neither
 * block on a full pipe nor fill the heap). On timeout, every descendant is killed first, then the process itself,
 * so a wrapper script cannot leave an orphaned encoder running. Thread-safe and stateless.
 */
public final class SystemProcessRunner implements ProcessRunner {

    /** How much of standard error is kept for the failure reason. */
    static final int STDERR_TAIL_BYTES = 4096;

    @Override
    public Outcome run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .start();
        BoundedCapture stdout = new BoundedCapture(process.getInputStream());
        BoundedCapture stderr = new BoundedCapture(process.getErrorStream());
        Thread drainOut = drain(stdout, "stdout-" + process.pid());
        Thread drainErr = drain(stderr, "stderr-" + process.pid());
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                drainOut.join(1000);
                drainErr.join(1000);
                return new Exited(process.exitValue(), stdout.head(), stderr.tail());
            }
            killTree(process);
            drainErr.join(1000);
            return new Killed(timeout, stderr.tail());
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
    }

    private static Thread drain(BoundedCapture capture, String name) {
        Thread thread = new Thread(capture, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Kills the descendants (deepest first is not needed: each is killed outright), then the process. */
    static void killTree(Process process) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** Reads a stream to its end, keeping its first and its last {@link #STDERR_TAIL_BYTES} bytes. */
    private static final class BoundedCapture implements Runnable {

        private final InputStream in;
        private final byte[] ring = new byte[STDERR_TAIL_BYTES];
        private final byte[] first = new byte[STDERR_TAIL_BYTES];
        private long written;

        BoundedCapture(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[1024];
            try (in) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    synchronized (this) {
                        for (int i = 0; i < n; i++) {
                            if (written < first.length) {
                                first[(int) written] = buffer[i];
                            }
                            ring[(int) (written++ % ring.length)] = buffer[i];
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed or closed its end: what was read so far is the tail
            }
        }

        synchronized String head() {
            return new String(first, 0, (int) Math.min(written, first.length), StandardCharsets.UTF_8).strip();
        }

        synchronized String tail() {
            int length = (int) Math.min(written, ring.length);
            byte[] out = new byte[length];
            int start = (int) ((written - length) % ring.length);
            for (int i = 0; i < length; i++) {
                out[i] = ring[(start + i) % ring.length];
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        }
    }
}
