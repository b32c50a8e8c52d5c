package dev.beckon.bench.video;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent seeking clients against one video URL, as browsers seek: each client loops, picking a random offset
 * and asking {@code Range: bytes=offset-(offset+chunk-1)}, reading the whole 206 body over a kept-alive
 * connection. Every answer is checked (206, exact Content-Length, bytes read). Prints throughput and latency
 * percentiles as one line of key=value pairs. JDK only, so it runs with the source launcher:
 *
 * <pre>java VideoRangeLoad.java URL FILE_SIZE CLIENTS SECONDS CHUNK_BYTES</pre>
 */
public final class VideoRangeLoad {

    private VideoRangeLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: VideoRangeLoad URL FILE_SIZE CLIENTS SECONDS CHUNK_BYTES");
            System.exit(2);
        }
        URL url = URI.create(args[0]).toURL();
        long size = Long.parseLong(args[1]);
        int clients = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        int chunk = Integer.parseInt(args[4]);
        System.setProperty("http.maxConnections", Integer.toString(clients * 2));

        long warmupEnd = System.nanoTime() + 2_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        AtomicLong bytes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[200_000];
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[64 * 1024];
                int n = 0;
                while (true) {
                    long now = System.nanoTime();
                    if (now >= end) {
                        break;
                    }
                    long offset = ThreadLocalRandom.current().nextLong(Math.max(1, size - chunk));
                    long last = Math.min(size - 1, offset + chunk - 1);
                    long started = System.nanoTime();
                    long read = 0;
                    try {
                        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
                        connection.setRequestProperty("Range", "bytes=" + offset + "-" + last);
                        int status = connection.getResponseCode();
                        long expected = last - offset + 1;
                        try (InputStream in = status == 206 ? connection.getInputStream()
                                : connection.getErrorStream()) {
                            int r;
                            while (in != null && (r = in.read(buffer)) != -1) {
                                read += r;
                            }
                        }
                        if (status != 206 || read != expected
                                || connection.getContentLengthLong() != expected) {
                            errors.incrementAndGet();
                            continue;
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    long finished = System.nanoTime();
                    if (started >= warmupEnd && n < mine.length) {
                        mine[n++] = finished - started;
                        bytes.addAndGet(read);
                    }
                }
                mine[mine.length - 1] = n; // count in the last slot
            }, "client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int total = 0;
        for (long[] mine : latencies) {
            total += (int) mine[mine.length - 1];
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] mine : latencies) {
            int n = (int) mine[mine.length - 1];
            System.arraycopy(mine, 0, all, at, n);
            at += n;
        }
        Arrays.sort(all);
        double mib = bytes.get() / 1024.0 / 1024.0;
        System.out.printf(Locale.ROOT, "requests=%d errors=%d seconds=%d MiB=%.1f MiB/s=%.1f req/s=%.0f "
                        + "p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n", total, errors.get(), seconds, mib, mib / seconds,
                total / (double) seconds, pct(all, 0.50), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
