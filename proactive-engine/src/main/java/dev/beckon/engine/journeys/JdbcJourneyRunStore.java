package dev.beckon.engine.journeys;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.definitions.RunState;
import dev.beckon.engine.definitions.SubjectKey;
import dev.beckon.engine.persistence.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Journey runs in the database. A run's trigger event lives apart in {@code journey_run_trigger}, written when the
 * run starts and again only when a newer update of the subject replaces it, so the steps' updates of the run row stay
 * small. All methods run inside the caller's transaction. Stateless and thread-safe.
 */
final class JdbcJourneyRunStore {

    private static final String COLUMNS = """
            id, shop_id, journey, subject, state, first_name, phone, email, device, recovery_url, cart_token,
            subject_updated_at, shopper_key, run_state""";

    /** The columns and the run's trigger event (a scalar subquery, so {@code FOR UPDATE} locks the run row only). */
    private static final String SELECT = "SELECT " + COLUMNS + ", (SELECT t.trigger_event FROM journey_run_trigger t"
            + " WHERE t.run_id = journey_run.id) AS trigger_event FROM journey_run";

    private final RunStateJson json;

    JdbcJourneyRunStore(RunStateJson json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Finds and locks the run, so concurrent events for one subject apply one after the other. */
    Optional<JourneyRun> findForUpdate(Connection c, ShopId shop, String journey, String subject) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT
                + " WHERE shop_id = ? AND journey = ? AND subject = ? FOR UPDATE")) {
            select.setString(1, shop.value());
            select.setString(2, journey);
            select.setString(3, subject);
            return one(c, select);
        }
    }

    Optional<JourneyRun> findById(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT + " WHERE id = ? FOR UPDATE")) {
            select.setString(1, id);
            return one(c, select);
        }
    }

    /**
     * Finds and locks the runs, in id order (so two batches sharing runs wait for each other instead of
     * deadlocking), in one query: what {@link #findById} answers for each, for a batch. A missing run has no entry.
     */
    Map<String, JourneyRun> findAllById(Connection c, Collection<String> ids) throws SQLException {
        Map<String, JourneyRun> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<String> list = List.copyOf(ids);
        int size = Sql.inListSize(list.size());
        List<JourneyRun> beforeV7 = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SELECT + " WHERE id IN " + Sql.inList(size, 1)
                + " ORDER BY id FOR UPDATE")) {
            Sql.setStrings(select, 1, list, size);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    JourneyRun run = read(row);
                    found.put(run.id(), run);
                    if (storedBeforeV7(row, run)) {
                        beforeV7.add(run);
                    }
                }
            }
        }
        for (JourneyRun run : beforeV7) {
            insertTrigger(c, run.id(), json.writeTrigger(run.interpreter()));
        }
        return found;
    }

    /**
     * Stores a new run and the keys of its trigger.
     *
     * @throws SQLException with SQLState 23505 if the subject already has a run (a concurrent insert)
     */
    void insert(Connection c, JourneyRun run, Map<SubjectKey, String> keys, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO journey_run (" + COLUMNS
                + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, run.id());
            insert.setString(2, run.shop().value());
            insert.setString(3, run.journey());
            insert.setString(4, run.subject());
            int i = bind(insert, 5, run);
            Sql.setInstant(insert, i, now);
            Sql.setInstant(insert, i + 1, now);
            insert.executeUpdate();
        }
        putKeys(c, run, keys);
        if (run.interpreter() != null && run.interpreter().trigger() != null) {
            insertTrigger(c, run.id(), json.writeTrigger(run.interpreter()));
        }
    }

    void update(Connection c, JourneyRun run, Instant now) throws SQLException {
        update(c, run, null, now);
    }

    private static final String UPDATE_ROW = """
            UPDATE journey_run SET state = ?, first_name = ?, phone = ?, email = ?, device = ?, recovery_url = ?,
                cart_token = ?, subject_updated_at = ?, shopper_key = ?, run_state = ?, updated_at = ?
            WHERE id = ?""";

    /**
     * Stores the run; its trigger keys and its trigger event are rewritten only if they differ from those of
     * {@code stored}, the state it was loaded with (null: unknown, both always rewritten).
     */
    void update(Connection c, JourneyRun run, RunState stored, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE_ROW)) {
            bindRow(update, run, now);
            update.executeUpdate();
        }
        RunState state = run.interpreter();
        if (state != null && (stored == null || !state.keys().equals(stored.keys()))) {
            putKeys(c, run, state.keys());
        }
        if (state != null && (stored == null || state.trigger() != stored.trigger())) {
            putTrigger(c, run.id(), json.writeTrigger(state));
        }
    }

    /**
     * Whether {@link #update(Connection, JourneyRun, RunState, Instant)} of the run loaded with {@code stored} would
     * write its row only, its keys and trigger being unchanged: then {@link #updateRows} may write it.
     */
    static boolean rowOnly(JourneyRun run, RunState stored) {
        RunState state = run.interpreter();
        return state == null || stored != null && state.keys().equals(stored.keys())
                && state.trigger() == stored.trigger();
    }

    /** A run's row to write with {@link #updateRows}, as {@link #update} writes it at {@code at}. */
    record RowUpdate(JourneyRun run, Instant at) {
    }

    /** Writes the runs' rows, in order, as one JDBC batch (only runs whose keys and trigger are unchanged). */
    void updateRows(Connection c, List<RowUpdate> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement(UPDATE_ROW)) {
            for (RowUpdate row : updates) {
                bindRow(update, row.run(), row.at());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private void bindRow(PreparedStatement update, JourneyRun run, Instant now) throws SQLException {
        int i = bind(update, 1, run);
        Sql.setInstant(update, i, now);
        update.setString(i + 1, run.id());
    }

    private static void insertTrigger(Connection c, String runId, String triggerJson) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO journey_run_trigger (run_id, trigger_event) VALUES (?, ?)")) {
            insert.setString(1, runId);
            insert.setString(2, triggerJson);
            insert.executeUpdate();
        }
    }

    /** Replaces the run's trigger event (null: removes it). The caller holds the run's row lock. */
    private static void putTrigger(Connection c, String runId, String triggerJson) throws SQLException {
        if (triggerJson == null) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM journey_run_trigger WHERE run_id = ?")) {
                delete.setString(1, runId);
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE journey_run_trigger SET trigger_event = ? WHERE run_id = ?")) {
            update.setString(1, triggerJson);
            update.setString(2, runId);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        insertTrigger(c, runId, triggerJson);
    }

    private static void putKeys(Connection c, JourneyRun run, Map<SubjectKey, String> keys) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM journey_run_key WHERE run_id = ?")) {
            delete.setString(1, run.id());
            delete.executeUpdate();
        }
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO journey_run_key (run_id, shop_id, key_name, key_value) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<SubjectKey, String> key : keys.entrySet()) {
                insert.setString(1, run.id());
                insert.setString(2, run.shop().value());
                insert.setString(3, key.getKey().json());
                insert.setString(4, truncate(key.getValue(), 512));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Ids of the shop's runs of these journeys whose trigger had one of the keys, oldest first.
     *
     * @param waitingOnly only runs that have not ended
     */
    List<String> idsByKeys(Connection c, ShopId shop, Collection<String> journeys, Map<SubjectKey, String> keys,
                           boolean waitingOnly) throws SQLException {
        if (journeys.isEmpty() || keys.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT DISTINCT r.id, r.created_at FROM journey_run r"
                + " JOIN journey_run_key k ON k.run_id = r.id WHERE k.shop_id = ? AND r.journey IN (");
        sql.append("?, ".repeat(journeys.size()), 0, journeys.size() * 3 - 2).append(") AND (");
        sql.append("(k.key_name = ? AND k.key_value = ?) OR ".repeat(keys.size()));
        sql.setLength(sql.length() - 4);
        sql.append(")");
        if (waitingOnly) {
            sql.append(" AND r.state = 'waiting'");
        }
        sql.append(" ORDER BY r.created_at, r.id");
        try (PreparedStatement select = c.prepareStatement(sql.toString())) {
            int i = 1;
            select.setString(i++, shop.value());
            for (String journey : journeys) {
                select.setString(i++, journey);
            }
            for (Map.Entry<SubjectKey, String> key : keys.entrySet()) {
                select.setString(i++, key.getKey().json());
                select.setString(i++, truncate(key.getValue(), 512));
            }
            return Sql.ids(select);
        }
    }

    /** The shopper's most recently known contact from her other runs; {@link JourneyRun.Contact#NONE} if none. */
    JourneyRun.Contact latestContact(Connection c, ShopId shop, String shopperKey) throws SQLException {
        if (shopperKey == null) {
            return JourneyRun.Contact.NONE;
        }
        try (PreparedStatement select = c.prepareStatement("""
                SELECT first_name, phone, email FROM journey_run
                WHERE shop_id = ? AND shopper_key = ? AND (phone IS NOT NULL OR email IS NOT NULL)
                ORDER BY updated_at DESC LIMIT 1""")) {
            select.setString(1, shop.value());
            select.setString(2, shopperKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new JourneyRun.Contact(row.getString(1), row.getString(2), row.getString(3),
                        null, null, null) : JourneyRun.Contact.NONE;
            }
        }
    }

    /** Cancels every waiting run of the shop. */
    int cancelAll(Connection c, ShopId shop, String reason, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE journey_run SET state = 'cancelled', updated_at = ?, ended_at = ?, end_reason = ?
                WHERE shop_id = ? AND state = 'waiting'""")) {
            Sql.setInstant(update, 1, now);
            Sql.setInstant(update, 2, now);
            update.setString(3, reason);
            update.setString(4, shop.value());
            return update.executeUpdate();
        }
    }

    /** Records why and when the run left the journey (its state is already updated). */
    void ended(Connection c, String runId, String reason, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE journey_run SET ended_at = ?, end_reason = ? WHERE id = ?")) {
            Sql.setInstant(update, 1, now);
            update.setString(2, truncate(reason, 1000));
            update.setString(3, runId);
            update.executeUpdate();
        }
    }

    /** When the shopper last entered the journey (runs kept out by the cooldown do not count); null if never. */
    Instant lastEntered(Connection c, ShopId shop, String journey, String shopperKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT MAX(created_at) AS entered FROM journey_run
                WHERE shop_id = ? AND journey = ? AND shopper_key = ? AND state <> 'not_entered'""")) {
            select.setString(1, shop.value());
            select.setString(2, journey);
            select.setString(3, shopperKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Sql.getInstant(row, "entered") : null;
            }
        }
    }

    private int bind(PreparedStatement s, int from, JourneyRun run) throws SQLException {
        int i = from;
        JourneyRun.Contact contact = run.contact();
        s.setString(i++, run.status().name().toLowerCase(Locale.ROOT));
        s.setString(i++, truncate(contact.firstName(), 255));
        s.setString(i++, truncate(contact.phone(), 64));
        s.setString(i++, truncate(contact.email(), 320));
        s.setString(i++, truncate(contact.device(), 255));
        s.setString(i++, truncate(contact.recoveryUrl(), 2048));
        s.setString(i++, truncate(contact.cartToken(), 255));
        Sql.setInstant(s, i++, run.subjectUpdatedAt());
        s.setString(i++, run.shopperKey());
        s.setString(i++, run.interpreter() == null ? null : json.write(run.interpreter()));
        return i;
    }

    /** Reads the selected run; a run stored with its trigger inside {@code run_state} gets its trigger row now. */
    private Optional<JourneyRun> one(Connection c, PreparedStatement select) throws SQLException {
        JourneyRun run;
        boolean beforeV7;
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            run = read(row);
            beforeV7 = storedBeforeV7(row, run);
        }
        if (beforeV7) {
            insertTrigger(c, run.id(), json.writeTrigger(run.interpreter()));
        }
        return Optional.of(run);
    }

    private JourneyRun read(ResultSet row) throws SQLException {
        String state = row.getString("run_state");
        return new JourneyRun(row.getString("id"), ShopId.of(row.getString("shop_id")),
                row.getString("journey"), row.getString("subject"),
                JourneyRun.Status.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
                new JourneyRun.Contact(row.getString("first_name"), row.getString("phone"),
                        row.getString("email"), row.getString("device"), row.getString("recovery_url"),
                        row.getString("cart_token")),
                Sql.getInstant(row, "subject_updated_at"), row.getString("shopper_key"),
                state == null ? null : json.read(state, row.getString("trigger_event")));
    }

    /** Whether the run was stored with its trigger inside {@code run_state} (before V7), so it has no trigger row. */
    private static boolean storedBeforeV7(ResultSet row, JourneyRun run) throws SQLException {
        return row.getString("trigger_event") == null && run.interpreter() != null
                && run.interpreter().trigger() != null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
