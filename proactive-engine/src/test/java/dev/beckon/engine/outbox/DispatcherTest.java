package dev.beckon.engine.outbox;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.plugin.PluginRegistry;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.messages.JdbcMessageStore;
import dev.beckon.engine.persistence.Sql;
import dev.beckon.engine.persistence.Transactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox dispatcher on H2: batches claimed and committed before the calls, sent concurrently, each answer kept. */
class DispatcherTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    DataSource db;
    Transactions tx;
    ExecutorService sends;

    @BeforeEach
    void start() {
        db = TestDatabases.h2();
        ProactiveEngine.migrate(db);
        tx = new Transactions(db);
        sends = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() {
        sends.shutdownNow();
    }

    @Test
    void aBatchIsSentConcurrentlyAndEveryAnswerIsRecorded() throws Exception {
        queue(8);
        CountDownLatch allInFlight = new CountDownLatch(8);
        // each call waits until all 8 are in flight: sent one after the other, the first would wait in vain
        FakeChannel sms = new FakeChannel(message -> {
            allInFlight.countDown();
            return await(allInFlight) ? new DeliveryReceipt.Sent("SM-" + message.idempotencyKey(), "queued")
                    : DeliveryReceipt.Failed.permanent("the batch was not sent concurrently");
        });

        int sent = dispatcher(sms, sends).dispatch(50);

        assertThat(sent).isEqualTo(8);
        assertThat(states()).containsOnlyKeys(ids(8).toArray(String[]::new)).allSatisfy((id, row) -> {
            assertThat(row).startsWith("sent SM-" + id);
        });
    }

    @Test
    void claimsAreCommittedBeforeAnyProviderIsCalled() throws Exception {
        queue(3);
        Map<String, String> seenDuringCalls = new ConcurrentHashMap<>();
        FakeChannel sms = new FakeChannel(message -> {
            seenDuringCalls.put(message.idempotencyKey(), String.join(",", statesFromAnotherConnection()));
            return new DeliveryReceipt.Sent("SM-" + message.idempotencyKey(), "queued");
        });

        dispatcher(sms, sends).dispatch(50);

        assertThat(seenDuringCalls).hasSize(3).allSatisfy((id, states) -> {
            assertThat(states).isEqualTo("sending,sending,sending");
        });
    }

    @Test
    void aChannelThatThrowsFailsOnlyItsOwnMessageAndItIsRetriedLater() throws Exception {
        queue(4);
        FakeChannel sms = new FakeChannel(message -> {
            if (message.idempotencyKey().equals("m-2")) {
                throw new IllegalStateException("provider client bug");
            }
            return new DeliveryReceipt.Sent("SM-" + message.idempotencyKey(), "queued");
        });

        dispatcher(sms, sends).dispatch(50);

        Map<String, String> states = states();
        assertThat(states.get("m-2")).startsWith("queued").contains("channel error");
        states.remove("m-2");
        assertThat(states).hasSize(3).allSatisfy((id, row) -> assertThat(row).startsWith("sent SM-" + id));
    }

    @Test
    void twoDispatchersRacingSendEveryMessageExactlyOnce() throws Exception {
        queue(40);
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        FakeChannel sms = new FakeChannel(message -> {
            calls.merge(message.idempotencyKey(), 1, Integer::sum);
            return new DeliveryReceipt.Sent("SM-" + message.idempotencyKey(), "queued");
        });
        Dispatcher first = dispatcher(sms, sends);
        Dispatcher second = dispatcher(sms, sends);
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (Dispatcher dispatcher : List.of(first, second)) {
                runs.add(racers.submit(() -> {
                    int total = 0;
                    for (int n = dispatcher.dispatch(7); n > 0; n = dispatcher.dispatch(7)) {
                        total += n;
                    }
                    return total;
                }));
            }
            assertThat(runs.get(0).get(30, TimeUnit.SECONDS) + runs.get(1).get(30, TimeUnit.SECONDS)).isEqualTo(40);
        } finally {
            racers.shutdownNow();
        }
        assertThat(calls).hasSize(40).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(states().values()).allSatisfy(row -> assertThat(row).startsWith("sent "));
    }

    @Test
    void aDirectExecutorSendsOneAfterTheOther() throws Exception {
        queue(3);
        List<String> order = new ArrayList<>();
        FakeChannel sms = new FakeChannel(message -> {
            order.add(Thread.currentThread().getName() + ":" + message.idempotencyKey());
            return new DeliveryReceipt.Sent("SM-" + message.idempotencyKey(), "queued");
        });

        dispatcher(sms, Runnable::run).dispatch(50);

        String caller = Thread.currentThread().getName();
        assertThat(order).containsExactly(caller + ":m-0", caller + ":m-1", caller + ":m-2");
    }

    private Dispatcher dispatcher(Channel channel, java.util.concurrent.Executor executor) {
        return new Dispatcher(tx, new JdbcMessageStore(), PluginRegistry.of("channel", List.of(channel)),
                new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 5), Duration.ofMinutes(10),
                Clock.fixed(NOW, ZoneOffset.UTC), RandomGenerator.of("L64X128MixRandom"), executor);
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("m-" + i);
        }
        return ids;
    }

    /** Queued SMS messages m-0 … m-(n-1), due one second apart before NOW, with their id as idempotency key. */
    private void queue(int count) {
        tx.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO message (id, shop_id, journey, step, channel, recipient, body, state, idempotency_key,
                        attempts, due_at, created_at, updated_at, purpose)
                    VALUES (?, 'shop-1', 'abandoned-checkout', 'sms-1h', 'sms', '+14155550100', 'Hi', 'queued', ?, 0,
                        ?, ?, ?, 'marketing')""")) {
                for (int i = 0; i < count; i++) {
                    String id = "m-" + i;
                    insert.setString(1, id);
                    insert.setString(2, id);
                    Sql.setInstant(insert, 3, NOW.minusSeconds(count - i));
                    Sql.setInstant(insert, 4, NOW.minusSeconds(60));
                    Sql.setInstant(insert, 5, NOW.minusSeconds(60));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Each message as "state provider-id reason". */
    private Map<String, String> states() throws SQLException {
        Map<String, String> states = new TreeMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT id, state, provider_message_id, reason FROM message ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                states.put(rows.getString(1), rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4));
            }
        }
        return states;
    }

    private List<String> statesFromAnotherConnection() {
        try {
            return states().values().stream().map(row -> row.split(" ")[0]).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An SMS channel answering with the given function (called concurrently). */
    private record FakeChannel(Function<OutboundMessage, DeliveryReceipt> answer) implements Channel {

        @Override
        public String id() {
            return "sms";
        }

        @Override
        public ChannelType type() {
            return ChannelType.SMS;
        }

        @Override
        public DeliveryReceipt send(OutboundMessage message) {
            return answer.apply(message);
        }
    }
}
