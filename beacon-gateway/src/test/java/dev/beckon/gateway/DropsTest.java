package dev.beckon.gateway;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class DropsTest {

    enum Reason { MALFORMED, TOO_LATE, UNKNOWN }

    @Test
    void everyReasonStartsAtZero() {
        Drops<Reason> drops = new Drops<>(Reason.class);

        assertThat(drops.snapshot()).containsOnlyKeys(Reason.values()).allSatisfy((reason, count) ->
                assertThat(count).isZero());
        assertThat(drops.total()).isZero();
    }

    @Test
    void dropsAreCountedPerReason() {
        Drops<Reason> drops = new Drops<>(Reason.class);

        drops.record(Reason.MALFORMED);
        drops.record(Reason.MALFORMED);
        drops.record(Reason.TOO_LATE);

        assertThat(drops.countOf(Reason.MALFORMED)).isEqualTo(2);
        assertThat(drops.countOf(Reason.TOO_LATE)).isEqualTo(1);
        assertThat(drops.countOf(Reason.UNKNOWN)).isZero();
        assertThat(drops.total()).isEqualTo(3);
        assertThat(drops.toString()).contains("MALFORMED=2");
    }

    @Test
    void countsFromManyThreadsAreNotLost() throws Exception {
        Drops<Reason> drops = new Drops<>(Reason.class);
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Reason reason = Reason.values()[t % Reason.values().length];
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        drops.record(reason);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(drops.total()).isEqualTo((long) threads * perThread);
        assertThat(drops.countOf(Reason.MALFORMED)).isEqualTo(3L * perThread);
    }
}
