package dev.beckon.video.transcode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs transcode jobs on a fixed, small number of worker threads behind a bounded queue: an encode costs about
 * 12 CPU-seconds per 20 s clip (knowledge file §3.4), so a burst of uploads waits in line instead of starving the
 * server, and a full line refuses new work at once ({@link Admission#QUEUE_FULL}) rather than growing without
 * limit. Each step gets a wall-clock limit, after which its whole process tree is killed.
 *
 * <p>Thread-safe. {@link #submit} never blocks and never throws for a full queue, so request threads may call it.
 * The completion callback runs on a worker thread; an exception from it is logged and does not stop the worker.
 * In Payara, pass the {@code ManagedThreadFactory} so workers are container threads.
 */
public final class TranscodeQueue implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TranscodeQueue.class.getName());
    private static final int REASON_TAIL_CHARS = 600;

    /** Whether {@link #submit} took the job. */
    public enum Admission {
        /** Queued; the callback will be called exactly once. */
        QUEUED,
        /** The queue was full; the callback will not be called. */
        QUEUE_FULL,
        /** The queue was closed; the callback will not be called. */
        SHUT_DOWN
    }

    private final ProcessRunner runner;
    private final Duration stepTimeout;
    private final ThreadPoolExecutor executor;
    private final AtomicLong refused = new AtomicLong();

    /**
     * @param workers     how many jobs run at once; at least 1 (1 on a 2-vCPU box)
     * @param capacity    how many jobs may wait; at least 1
     * @param stepTimeout the wall-clock limit for each command
     */
    public TranscodeQueue(ProcessRunner runner, int workers, int capacity, Duration stepTimeout,
                          ThreadFactory threadFactory) {
        if (workers < 1 || capacity < 1) {
            throw new IllegalArgumentException("workers and capacity must be >= 1: " + workers + ", " + capacity);
        }
        if (stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException("stepTimeout must be positive: " + stepTimeout);
        }
        this.runner = Objects.requireNonNull(runner, "runner");
        this.stepTimeout = stepTimeout;
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity), Objects.requireNonNull(threadFactory, "threadFactory"),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** A queue on plain daemon threads named {@code video-transcode-N}. */
    public TranscodeQueue(ProcessRunner runner, int workers, int capacity, Duration stepTimeout) {
        this(runner, workers, capacity, stepTimeout, daemonThreads());
    }

    /** Queues {@code job}; {@code onDone} gets its result exactly once, on a worker thread, when admitted. */
    public Admission submit(TranscodeJob job, Consumer<TranscodeResult> onDone) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(onDone, "onDone");
        if (executor.isShutdown()) {
            return Admission.SHUT_DOWN;
        }
        try {
            executor.execute(() -> complete(job, onDone));
            return Admission.QUEUED;
        } catch (RejectedExecutionException e) {
            if (executor.isShutdown()) {
                return Admission.SHUT_DOWN;
            }
            refused.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "transcode queue full, job {0} refused", job.id());
            return Admission.QUEUE_FULL;
        }
    }

    /** Runs {@code job} on the calling thread; blocks until it ends. */
    public TranscodeResult runNow(TranscodeJob job) {
        List<Path> outputs = new ArrayList<>();
        for (FfmpegCommand step : job.steps()) {
            ProcessRunner.Outcome outcome;
            try {
                outcome = runner.run(step.args(), stepTimeout);
            } catch (IOException e) {
                return new TranscodeResult.Failed(step.purpose() + ": ffmpeg could not be started: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new TranscodeResult.Failed(step.purpose() + ": interrupted (server shutting down)");
            }
            if (outcome instanceof ProcessRunner.Killed) {
                deleteQuietly(step.output());
                return new TranscodeResult.TimedOut(step.purpose(), stepTimeout);
            }
            ProcessRunner.Exited exited = (ProcessRunner.Exited) outcome;
            if (exited.exitCode() != 0) {
                deleteQuietly(step.output());
                return new TranscodeResult.Failed(step.purpose() + ": ffmpeg exited with " + exited.exitCode()
                        + tail(exited.stderrTail()));
            }
            if (!nonEmptyFile(step.output())) {
                return new TranscodeResult.Failed(step.purpose() + ": ffmpeg exited with 0 but wrote no output"
                        + tail(exited.stderrTail()));
            }
            outputs.add(step.output());
        }
        return new TranscodeResult.Done(outputs);
    }

    /** How many jobs were refused because the queue was full, since start. */
    public long refusedCount() {
        return refused.get();
    }

    /** Jobs waiting (not running). */
    public int waiting() {
        return executor.getQueue().size();
    }

    /**
     * Stops taking jobs, interrupts running ones (their processes are killed) and drops waiting ones, whose
     * callbacks are not called; the videos stay in state {@code transcoding} for a restart to pick up.
     */
    @Override
    public void close() {
        List<Runnable> dropped = executor.shutdownNow();
        if (!dropped.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "transcode queue closed with {0} jobs waiting", dropped.size());
        }
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void complete(TranscodeJob job, Consumer<TranscodeResult> onDone) {
        TranscodeResult result;
        try {
            result = runNow(job);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "transcode job " + job.id() + " failed unexpectedly", e);
            result = new TranscodeResult.Failed("internal error while transcoding: " + e);
        }
        try {
            onDone.accept(result);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "completion callback of transcode job " + job.id() + " threw", e);
        }
    }

    private static String tail(String stderr) {
        if (stderr.isBlank()) {
            return "";
        }
        String text = stderr.length() > REASON_TAIL_CHARS ? "..." + stderr.substring(stderr.length() - REASON_TAIL_CHARS)
                : stderr;
        return ": " + text;
    }

    private static boolean nonEmptyFile(Path path) {
        try {
            return Files.isRegularFile(path) && Files.size(path) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete partial output {0}: {1}", path, e.getMessage());
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "video-transcode-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
