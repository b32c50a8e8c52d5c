package dev.beckon.engine.inbox;

import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.model.EventId;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;
import dev.beckon.engine.persistence.StorageException;
import dev.beckon.engine.persistence.Transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The durable inbox between the webhook edge and the engine. {@link #store} runs on request threads and only
 * inserts (a unique key on shop and dedup key makes a redelivery a no-op); the engine claims pending events with
 * {@code FOR UPDATE SKIP LOCKED}, so several suite instances can drain one inbox. Thread-safe.
 */
public final class EventInbox {

    private static final System.Logger LOG = System.getLogger(EventInbox.class.getName());
    static final int MAX_ATTEMPTS = 5;

    private final Transactions tx;
    private final EventCodec codec;
    private final Clock clock;

    public EventInbox(Transactions tx, EventCodec codec, Clock clock) {
        this.tx = Objects.requireNonNull(tx);
        this.codec = Objects.requireNonNull(codec);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Stores the events of one delivery; duplicates are counted, not stored. Blocks on the database. */
    public InboxReceipt store(List<EventEnvelope> events) {
        int stored = 0;
        int duplicates = 0;
        for (EventEnvelope event : events) {
            if (insert(event)) {
                stored++;
            } else {
                duplicates++;
                LOG.log(System.Logger.Level.DEBUG, "shop {0}: duplicate delivery of {1} ignored",
                        event.shop(), event.dedupKey());
            }
        }
        return new InboxReceipt(stored, duplicates);
    }

    private boolean insert(EventEnvelope event) {
        String payload = codec.write(event.payload());
        try {
            return tx.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO inbox_event (id, shop_id, source, source_topic, event_type, dedup_key,
                            occurred_at, received_at, payload, state, attempts)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0)""")) {
                    insert.setString(1, event.id().value());
                    insert.setString(2, event.shop().value());
                    insert.setString(3, event.source());
                    insert.setString(4, truncate(event.sourceTopic(), 128));
                    insert.setString(5, event.type());
                    insert.setString(6, truncate(event.dedupKey(), 512));
                    Sql.setInstant(insert, 7, event.occurredAt());
                    Sql.setInstant(insert, 8, event.receivedAt());
                    insert.setString(9, payload);
                    insert.executeUpdate();
                    return true;
                }
            });
        } catch (StorageException e) {
            if (e.getCause() instanceof SQLException sql && Sql.isUniqueViolation(sql)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Claims up to {@code limit} pending events in arrival order (received-at, then the order they were stored)
     * and hands each to the handler inside the claiming transaction, so an event is marked processed exactly when
     * its effects commit. An event whose handler throws is retried on later calls and parked as {@code failed}
     * after {@value #MAX_ATTEMPTS} attempts; it never blocks the events behind it.
     *
     * @return how many events were handled
     */
    public int drain(int limit, EventHandler handler) {
        List<String> ids = tx.inTransaction(c -> pendingIds(c, limit));
        int handled = 0;
        for (String id : ids) {
            if (handleOne(id, handler)) {
                handled++;
            }
        }
        return handled;
    }

    /** Handles one stored event inside the transaction that claims it. */
    @FunctionalInterface
    public interface EventHandler {
        void handle(Connection connection, InboxEvent event) throws SQLException;
    }

    private List<String> pendingIds(Connection c, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT id FROM inbox_event WHERE state = 'pending' ORDER BY received_at, arrival LIMIT ?""")) {
            select.setInt(1, limit);
            return Sql.ids(select);
        }
    }

    private boolean handleOne(String id, EventHandler handler) {
        try {
            return tx.inTransaction(c -> {
                InboxEvent event = claim(c, id);
                if (event == null) {
                    return false; // another instance has it, or it is done
                }
                handler.handle(c, event);
                markProcessed(c, id);
                return true;
            });
        } catch (RuntimeException e) {
            recordFailure(id, e);
            return false;
        }
    }

    private InboxEvent claim(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT id, shop_id, source, source_topic, event_type, dedup_key, occurred_at, received_at, payload,
                       attempts
                FROM inbox_event WHERE id = ? AND state = 'pending' FOR UPDATE SKIP LOCKED""")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                EventEnvelope envelope = new EventEnvelope(EventId.of(row.getString("id")),
                        ShopId.of(row.getString("shop_id")), row.getString("source"), row.getString("source_topic"),
                        Sql.getInstant(row, "occurred_at"), Sql.getInstant(row, "received_at"),
                        row.getString("dedup_key"), codec.read(row.getString("event_type"), row.getString("payload")));
                return new InboxEvent(envelope, row.getInt("attempts"));
            }
        }
    }

    private void markProcessed(Connection c, String id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE inbox_event SET state = 'processed', processed_at = ?, attempts = attempts + 1, error = NULL
                WHERE id = ?""")) {
            Sql.setInstant(update, 1, clock.instant());
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    private void recordFailure(String id, RuntimeException error) {
        String reason = truncate(String.valueOf(error.getMessage()), 1000);
        tx.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE inbox_event
                    SET attempts = attempts + 1, error = ?,
                        state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE state END
                    WHERE id = ?""")) {
                update.setString(1, reason);
                update.setInt(2, MAX_ATTEMPTS);
                update.setString(3, id);
                return update.executeUpdate();
            }
        });
        LOG.log(System.Logger.Level.WARNING, "inbox event {0} could not be processed: {1}", id, reason);
    }

    /** The shop's events, newest first. */
    public List<StoredEvent> list(ShopId shop, int limit) {
        return tx.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT id, event_type, source, source_topic, dedup_key, occurred_at, received_at, state, error,
                           payload
                    FROM inbox_event WHERE shop_id = ? ORDER BY received_at DESC, arrival DESC LIMIT ?""")) {
                select.setString(1, shop.value());
                select.setInt(2, limit);
                List<StoredEvent> events = new java.util.ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        events.add(new StoredEvent(row.getString("id"), row.getString("event_type"),
                                row.getString("source"), row.getString("source_topic"), row.getString("dedup_key"),
                                Sql.getInstant(row, "occurred_at"), Sql.getInstant(row, "received_at"),
                                row.getString("state"), row.getString("error"), row.getString("payload")));
                    }
                }
                return events;
            }
        });
    }

    /** Counts per state, for health and metrics. */
    public long count(String state) {
        return tx.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM inbox_event WHERE state = ?")) {
                select.setString(1, state);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
