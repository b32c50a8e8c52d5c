package dev.beckon.engine.scheduler;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Durable timers: one row per (journey run, step) with a due time. Nothing is held on the heap, so timers
 * survive restarts, and due timers are claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances can
 * share them. All methods run inside the caller's transaction. Stateless and thread-safe.
 */
public final class JdbcTimerStore {

    /**
     * Sets the step's timer to {@code dueAt}, creating it or moving it. Creating is tried first: a fired timer's
     * next step has none yet, so the usual case is one statement.
     */
    public void schedule(Connection c, ShopId shop, String runId, String step, Instant dueAt) throws SQLException {
        scheduleAll(c, List.of(new Wake(shop, runId, step, dueAt)));
    }

    /** A step's timer to set. */
    public record Wake(ShopId shop, String runId, String step, Instant dueAt) {
    }

    /**
     * Sets several steps' timers as {@link #schedule} would one after the other: the inserts as one JDBC batch, then
     * a move, in order, for each timer that existed already.
     */
    public void scheduleAll(Connection c, List<Wake> wakes) throws SQLException {
        if (wakes.isEmpty()) {
            return;
        }
        List<Wake> existing = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO timer (id, shop_id, run_id, step, due_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Wake w : wakes) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, w.shop().value());
                insert.setString(3, w.runId());
                insert.setString(4, w.step());
                Sql.setInstant(insert, 5, w.dueAt());
                insert.addBatch();
            }
            int[] inserted = insert.executeBatch();
            for (int i = 0; i < wakes.size(); i++) {
                // 0: the timer existed; SUCCESS_NO_INFO (a driver rewriting batches): unknown, so move it anyway
                if (inserted[i] == 0 || inserted[i] == Statement.SUCCESS_NO_INFO) {
                    existing.add(wakes.get(i));
                }
            }
        }
        if (existing.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE timer SET due_at = ? WHERE run_id = ? AND step = ?")) {
            for (Wake w : existing) {
                Sql.setInstant(update, 1, w.dueAt());
                update.setString(2, w.runId());
                update.setString(3, w.step());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Removes every timer of the run. */
    public void cancel(Connection c, String runId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM timer WHERE run_id = ?")) {
            delete.setString(1, runId);
            delete.executeUpdate();
        }
    }

    /** Ids of timers due at {@code now}, earliest first. Claim each with {@link #claim}. */
    public List<String> dueIds(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM timer WHERE due_at <= ? ORDER BY due_at, id LIMIT ?")) {
            Sql.setInstant(select, 1, now);
            select.setInt(2, limit);
            return Sql.ids(select);
        }
    }

    /**
     * Locks and deletes up to {@code limit} due timers, earliest first, skipping those another instance holds: one
     * query and one delete for the lot. The caller's transaction decides: if it rolls back, they are due
     * again.
     *
     * @return the claimed timers, earliest first; empty if none is due or free
     */
    public List<DueTimer> claimDue(Connection c, Instant now, int limit) throws SQLException {
        List<DueTimer> due = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, shop_id, run_id, step, due_at FROM timer"
                + " WHERE due_at <= ? ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            Sql.setInstant(select, 1, now);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new DueTimer(rows.getString("id"), ShopId.of(rows.getString("shop_id")),
                            rows.getString("run_id"), rows.getString("step"), Sql.getInstant(rows, "due_at")));
                }
            }
        }
        if (due.isEmpty()) {
            return due;
        }
        List<String> ids = due.stream().map(DueTimer::id).toList();
        int size = Sql.inListSize(ids.size());
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM timer WHERE id IN " + Sql.inList(size, 1))) {
            Sql.setStrings(delete, 1, ids, size);
            delete.executeUpdate();
        }
        return due;
    }

    /**
     * Locks and deletes one due timer, skipping it if another instance holds it or it was moved or removed
     * meanwhile. The caller's transaction decides: if it rolls back, the timer is due again.
     *
     * @return the timer, or null if it is no longer due or someone else has it
     */
    public DueTimer claim(Connection c, String id, Instant now) throws SQLException {
        DueTimer timer;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, shop_id, run_id, step, due_at FROM timer WHERE id = ? AND due_at <= ? FOR UPDATE SKIP LOCKED")) {
            select.setString(1, id);
            Sql.setInstant(select, 2, now);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                timer = new DueTimer(row.getString("id"), ShopId.of(row.getString("shop_id")), row.getString("run_id"),
                        row.getString("step"), Sql.getInstant(row, "due_at"));
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM timer WHERE id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
        return timer;
    }
}
