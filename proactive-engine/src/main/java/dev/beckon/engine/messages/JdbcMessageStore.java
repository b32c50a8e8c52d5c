package dev.beckon.engine.messages;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;
import dev.beckon.engine.shoppers.RecipientKey;
import dev.beckon.engine.shoppers.ShopperKeys;

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
import java.util.TreeSet;
import java.util.Optional;
import java.util.UUID;

/**
 * Message rows: the outbox the dispatcher drains and the log the merchant reads. A message's idempotency key is
 * unique, so a journey step creates at most one message however often its trigger is delivered. All methods run
 * inside the caller's transaction. Stateless and thread-safe.
 */
public final class JdbcMessageStore {

    private static final String COLUMNS = """
            id, shop_id, run_id, journey, step, channel, recipient, body, state, reason, idempotency_key,
            provider_message_id, attempts, due_at, created_at, updated_at, sent_at, subject, html_body, segments,
            encoding, purpose""";

    /**
     * Creates a scheduled message for a journey step.
     *
     * @return the new message id
     */
    public String schedule(Connection c, ShopId shop, String runId, String journey, String step, ChannelType channel,
                           String recipient, String idempotencyKey, Instant dueAt, Instant now) throws SQLException {
        return schedule(c, shop, runId, journey, step, channel, recipient, null, idempotencyKey, dueAt, now);
    }

    /**
     * Creates a scheduled marketing message for a journey step, for a known shopper.
     *
     * @param shopperKey the shopper ({@link dev.beckon.engine.shoppers.ShopperKeys}); null if unknown
     * @return the new message id
     */
    public String schedule(Connection c, ShopId shop, String runId, String journey, String step, ChannelType channel,
                           String recipient, String shopperKey, String idempotencyKey, Instant dueAt, Instant now)
            throws SQLException {
        return schedule(c, shop, runId, journey, step, channel, recipient, shopperKey, Consent.Purpose.MARKETING,
                idempotencyKey, dueAt, now);
    }

    /**
     * Creates a scheduled message for a journey step; transactional messages do not count towards frequency caps.
     *
     * @param shopperKey the shopper ({@link dev.beckon.engine.shoppers.ShopperKeys}); null if unknown
     * @return the new message id
     */
    public String schedule(Connection c, ShopId shop, String runId, String journey, String step, ChannelType channel,
                           String recipient, String shopperKey, Consent.Purpose purpose, String idempotencyKey,
                           Instant dueAt, Instant now) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = c.prepareStatement(INSERT_SCHEDULED)) {
            bindScheduled(insert, id, shop, runId, journey, step, channel, recipient, shopperKey, purpose,
                    idempotencyKey, dueAt, now);
            insert.executeUpdate();
        }
        return id;
    }

    /**
     * Shows a step's message as scheduled for {@code dueAt}: creates it if the step has none (one statement, the
     * usual case), or moves it if it is still {@code scheduled}; a message already decided (deferred, queued, sent,
     * skipped...) is left as it is.
     */
    public void scheduleOrMove(Connection c, ShopId shop, String runId, String journey, String step,
                               ChannelType channel, String recipient, String shopperKey, Consent.Purpose purpose,
                               String idempotencyKey, Instant dueAt, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT_SCHEDULED + " ON CONFLICT DO NOTHING")) {
            bindScheduled(insert, UUID.randomUUID().toString(), shop, runId, journey, step, channel, recipient,
                    shopperKey, purpose, idempotencyKey, dueAt, now);
            if (insert.executeUpdate() > 0) {
                return;
            }
        }
        reschedule(c, runId, step, recipient, dueAt, now);
    }

    private static final String INSERT_SCHEDULED = """
            INSERT INTO message (id, shop_id, run_id, journey, step, channel, recipient, state, idempotency_key,
                attempts, due_at, created_at, updated_at, shopper_key, recipient_key, purpose)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, 0, ?, ?, ?, ?, ?, ?)""";

    private static void bindScheduled(PreparedStatement insert, String id, ShopId shop, String runId, String journey,
                                      String step, ChannelType channel, String recipient, String shopperKey,
                                      Consent.Purpose purpose, String idempotencyKey, Instant dueAt, Instant now)
            throws SQLException {
        insert.setString(1, id);
        insert.setString(2, shop.value());
        insert.setString(3, runId);
        insert.setString(4, journey);
        insert.setString(5, step);
        insert.setString(6, channel.name().toLowerCase(Locale.ROOT));
        insert.setString(7, recipient);
        insert.setString(8, idempotencyKey);
        Sql.setInstant(insert, 9, dueAt);
        Sql.setInstant(insert, 10, now);
        Sql.setInstant(insert, 11, now);
        insert.setString(12, shopperKey);
        insert.setString(13, ShopperKeys.recipientKey(channel, recipient));
        insert.setString(14, purpose.name().toLowerCase(Locale.ROOT));
    }

    /** Moves a still-scheduled message of the run and step to a new due time and recipient. */
    public void reschedule(Connection c, String runId, String step, String recipient, Instant dueAt, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE message SET due_at = ?, recipient = ?, updated_at = ?
                WHERE run_id = ? AND step = ? AND state = 'scheduled'""")) {
            Sql.setInstant(update, 1, dueAt);
            update.setString(2, recipient);
            Sql.setInstant(update, 3, now);
            update.setString(4, runId);
            update.setString(5, step);
            update.executeUpdate();
        }
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE message SET recipient_key = ? WHERE run_id = ? AND step = ? AND state = 'scheduled'
                  AND channel IN ('sms', 'whatsapp')""")) {
            update.setString(1, ShopperKeys.recipientKey(ChannelType.SMS, recipient));
            update.setString(2, runId);
            update.setString(3, step);
            update.executeUpdate();
        }
    }

    /** Sets the shopper on the run's messages that do not have one yet (a guest who gave her email later). */
    public void tagShopper(Connection c, String runId, String shopperKey) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE message SET shopper_key = ? WHERE run_id = ? AND shopper_key IS NULL")) {
            update.setString(1, shopperKey);
            update.setString(2, runId);
            update.executeUpdate();
        }
    }

    /** The scheduled (or deferred) message of a run's step, if any. */
    public Optional<String> scheduledId(Connection c, String runId, String step) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM message WHERE run_id = ? AND step = ? AND state IN ('scheduled', 'deferred')")) {
            select.setString(1, runId);
            select.setString(2, step);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** The scheduled or deferred message of a run's step, with its content if it was rendered. */
    public Optional<PendingMessage> pending(Connection c, String runId, String step) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT id, state, channel, purpose, recipient, subject, body, html_body FROM message
                WHERE run_id = ? AND step = ? AND state IN ('scheduled', 'deferred')""")) {
            select.setString(1, runId);
            select.setString(2, step);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(pendingMessage(row)) : Optional.empty();
            }
        }
    }

    /**
     * The scheduled and deferred messages of the runs, by run and step, in one query: what {@link #pending} answers
     * for each of their steps, for a batch.
     */
    public Map<String, Map<String, PendingMessage>> pendingOfRuns(Connection c, Collection<String> runIds)
            throws SQLException {
        Map<String, Map<String, PendingMessage>> found = new HashMap<>();
        if (runIds.isEmpty()) {
            return found;
        }
        List<String> ids = List.copyOf(runIds);
        int size = Sql.inListSize(ids.size());
        try (PreparedStatement select = c.prepareStatement("""
                SELECT run_id, step, id, state, channel, purpose, recipient, subject, body, html_body FROM message
                WHERE state IN ('scheduled', 'deferred') AND run_id IN """ + Sql.inList(size, 1))) {
            Sql.setStrings(select, 1, ids, size);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.computeIfAbsent(row.getString("run_id"), run -> new HashMap<>())
                            .put(row.getString("step"), pendingMessage(row));
                }
            }
        }
        return found;
    }

    private static PendingMessage pendingMessage(ResultSet row) throws SQLException {
        String body = row.getString("body");
        return new PendingMessage(row.getString("id"), MessageState.ofColumn(row.getString("state")),
                ChannelType.valueOf(row.getString("channel").toUpperCase(Locale.ROOT)),
                Consent.Purpose.valueOf(row.getString("purpose").toUpperCase(Locale.ROOT)),
                row.getString("recipient"), body == null ? null : new MessageContent(row.getString("subject"),
                body, row.getString("html_body"), null));
    }

    /** Holds a rendered message back until {@code until} (quiet hours), keeping its content for when it wakes. */
    public void defer(Connection c, String id, String recipient, MessageContent content, String reason, Instant until,
                      Instant now) throws SQLException {
        setStateDue(c, id, MessageState.DEFERRED, reason, until, now);
        setContent(c, id, recipient, content);
    }

    /** Records a guardrail's skip, with what would have been sent. */
    public void skip(Connection c, String id, String recipient, MessageContent content, String reason, Instant now)
            throws SQLException {
        setState(c, id, MessageState.SKIPPED, reason, now);
        setContent(c, id, recipient, content);
    }

    private static void setContent(Connection c, String id, String recipient, MessageContent content)
            throws SQLException {
        if (content == null) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE message SET recipient = ?, subject = ?, body = ?, html_body = ?, segments = ?, encoding = ?
                WHERE id = ?""")) {
            bindContent(update, recipient, content);
            update.setString(7, id);
            update.executeUpdate();
        }
    }

    /** The message with this idempotency key, in any state. */
    public Optional<String> idByKey(Connection c, String idempotencyKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM message WHERE idempotency_key = ?")) {
            select.setString(1, idempotencyKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Whether any message of the run went past {@code scheduled} (the guardrails or a stale timer decided it). */
    public boolean anyDecided(Connection c, String runId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM message WHERE run_id = ? AND state <> 'scheduled' LIMIT 1")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Cancels every message of the run that has not gone to a provider yet. */
    public int cancelPending(Connection c, String runId, String reason, Instant now) throws SQLException {
        return cancelWhere(c, "run_id", runId, reason, now);
    }

    /** Cancels every not-yet-sent message of a shop (uninstall). */
    public int cancelAllPending(Connection c, ShopId shop, String reason, Instant now) throws SQLException {
        return cancelWhere(c, "shop_id", shop.value(), reason, now);
    }

    private static int cancelWhere(Connection c, String column, String value, String reason, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE message SET state = 'cancelled', reason = ?,"
                + " updated_at = ? WHERE " + column + " = ? AND state IN ('scheduled', 'deferred', 'queued')")) {
            update.setString(1, reason);
            Sql.setInstant(update, 2, now);
            update.setString(3, value);
            return update.executeUpdate();
        }
    }

    /** Holds a message back until {@code until} (quiet hours); its timer wakes it again. */
    public void defer(Connection c, String id, String reason, Instant until, Instant now) throws SQLException {
        setStateDue(c, id, MessageState.DEFERRED, reason, until, now);
    }

    /** Records a guardrail's skip. */
    public void skip(Connection c, String id, String reason, Instant now) throws SQLException {
        setState(c, id, MessageState.SKIPPED, reason, now);
    }

    /**
     * Hands a cleared, rendered message to the dispatcher. From now on it counts towards the address's frequency
     * cap.
     */
    public void queue(Connection c, String id, String recipient, String body, Instant now) throws SQLException {
        queue(c, id, recipient, MessageContent.text(body), now);
    }

    /**
     * Hands a cleared, rendered message to the dispatcher. From now on it counts towards the address's frequency
     * cap.
     */
    public void queue(Connection c, String id, String recipient, MessageContent content, Instant now)
            throws SQLException {
        String body = content.body();
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE message SET state = 'queued', recipient = ?, body = ?, reason = NULL, due_at = ?, updated_at = ?,
                    cleared_at = ?, recipient_key = ?
                WHERE id = ?""")) {
            update.setString(1, recipient);
            update.setString(2, body);
            Sql.setInstant(update, 3, now);
            Sql.setInstant(update, 4, now);
            Sql.setInstant(update, 5, now);
            update.setString(6, recipientKeyFor(c, id, recipient));
            update.setString(7, id);
            update.executeUpdate();
        }
        setContent(c, id, recipient, content);
    }

    /**
     * Hands a cleared, rendered message on a known channel to the dispatcher, in one statement. From now on it counts
     * towards the address's frequency cap.
     */
    public void queue(Connection c, String id, ChannelType channel, String recipient, MessageContent content,
                      Instant now) throws SQLException {
        clear(c, QUEUE, id, channel, recipient, content, now);
    }

    /**
     * Hands a cleared, rendered message on a known channel straight to the caller's own dispatch, in one statement:
     * it is committed as {@code sending} (one attempt counted, the send lease running from {@code now}) with the
     * caller's transaction, and the caller calls the provider after that commit. One update instead of
     * {@code queued} and then the dispatcher's claim; the crash window is the claim's: committed before the provider
     * is called, failed as "outcome unknown" after the lease if the caller stops first, and never claimed by another
     * dispatcher. From now on it counts towards the address's frequency cap.
     */
    public void queueClaimed(Connection c, String id, ChannelType channel, String recipient, MessageContent content,
                             Instant now) throws SQLException {
        clear(c, QUEUE_CLAIMED, id, channel, recipient, content, now);
    }

    private static final String QUEUE = "UPDATE message SET state = 'queued', ";
    private static final String QUEUE_CLAIMED = "UPDATE message SET state = 'sending', attempts = attempts + 1, ";
    private static final String CLEARED = """
            recipient = ?, subject = ?, body = ?, html_body = ?, segments = ?,
                encoding = ?, reason = NULL, due_at = ?, updated_at = ?, cleared_at = ?, recipient_key = ?
            WHERE id = ?""";

    private static void clear(Connection c, String updateState, String id, ChannelType channel, String recipient,
                              MessageContent content, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(updateState + CLEARED)) {
            bindCleared(update, new Clearance(id, channel, recipient, content, now));
            update.executeUpdate();
        }
    }

    /** A message cleared by the guardrails, for {@link #queueClaimedAll}: as {@link #queueClaimed} takes it. */
    public record Clearance(String id, ChannelType channel, String recipient, MessageContent content, Instant at) {
    }

    /** {@link #queueClaimed} for each message, in order, as one JDBC batch. */
    public void queueClaimedAll(Connection c, List<Clearance> cleared) throws SQLException {
        if (cleared.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement(QUEUE_CLAIMED + CLEARED)) {
            for (Clearance message : cleared) {
                bindCleared(update, message);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void bindCleared(PreparedStatement update, Clearance message) throws SQLException {
        bindContent(update, message.recipient(), message.content());
        Sql.setInstant(update, 7, message.at());
        Sql.setInstant(update, 8, message.at());
        Sql.setInstant(update, 9, message.at());
        update.setString(10, ShopperKeys.recipientKey(message.channel(), message.recipient()));
        update.setString(11, message.id());
    }

    private static String recipientKeyFor(Connection c, String id, String recipient) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT channel FROM message WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? ShopperKeys.recipientKey(ChannelType.valueOf(row.getString(1)
                        .toUpperCase(Locale.ROOT)), recipient) : null;
            }
        }
    }

    /**
     * Takes the per-(shop, channel, address) lock until the caller's transaction ends, so that the frequency cap
     * check and the queueing of a message happen one sender at a time for each address, across threads and suite
     * instances. A second caller for the same address waits here. Works on PostgreSQL and H2.
     */
    public void lockRecipient(Connection c, RecipientKey recipient) throws SQLException {
        lockRecipients(c, List.of(recipient));
    }

    /**
     * Takes the send locks of several addresses at once, as {@link #lockRecipient} does for one, in their
     * {@linkplain RecipientKey natural order}, so two batches sharing addresses wait for each other instead of
     * deadlocking: one insert of the missing lock rows, and one locking select of the others if any existed.
     */
    public void lockRecipients(Connection c, Collection<RecipientKey> recipients) throws SQLException {
        if (recipients.isEmpty()) {
            return;
        }
        List<RecipientKey> keys = new ArrayList<>(new TreeSet<>(recipients));
        int size = Sql.inListSize(keys.size());
        int inserted;
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO recipient_lock (shop_id, channel, recipient_key) VALUES """ + Sql.rows(size, 3)
                + " ON CONFLICT DO NOTHING")) {
            RecipientKey.bind(insert, 1, keys, size); // a repeated last row conflicts with itself: nothing
            inserted = insert.executeUpdate();
        }
        if (inserted == keys.size()) {
            return; // rows this transaction inserted are its own until it ends: others wait on the keys
        }
        try (PreparedStatement lock = c.prepareStatement("""
                SELECT recipient_key FROM recipient_lock WHERE (shop_id, channel, recipient_key) IN """
                + Sql.inList(size, 3) + " ORDER BY shop_id, channel, recipient_key FOR UPDATE")) {
            RecipientKey.bind(lock, 1, keys, size);
            int locked = 0;
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    locked++;
                }
            }
            if (locked != keys.size()) {
                throw new SQLException("recipient lock rows vanished: " + locked + " of " + keys.size());
            }
        }
    }

    /**
     * When marketing messages to each of the addresses were cleared for sending, since {@code since}, in one query:
     * what {@link #recentSends(Connection, RecipientKey, Instant)} answers for each, for a batch. Every
     * address has an entry (empty if nothing was cleared).
     */
    public Map<RecipientKey, List<Instant>> recentSends(Connection c, Collection<RecipientKey> recipients,
                                                        Instant since) throws SQLException {
        Map<RecipientKey, List<Instant>> sends = new HashMap<>();
        if (recipients.isEmpty()) {
            return sends;
        }
        List<RecipientKey> keys = new ArrayList<>(recipients);
        keys.forEach(key -> sends.put(key, new ArrayList<>()));
        int size = Sql.inListSize(keys.size());
        try (PreparedStatement select = c.prepareStatement("""
                SELECT shop_id, channel, recipient_key, cleared_at FROM message
                WHERE purpose = 'marketing' AND state IN ('queued', 'sending', 'sent', 'delivered') AND cleared_at > ?
                  AND (shop_id, channel, recipient_key) IN """ + Sql.inList(size, 3) + " ORDER BY cleared_at")) {
            Sql.setInstant(select, 1, since);
            RecipientKey.bind(select, 2, keys, size);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    RecipientKey key = RecipientKey.of(rows);
                    sends.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(Sql.getInstant(rows, "cleared_at"));
                }
            }
        }
        return sends;
    }

    /**
     * When marketing messages on the channel to the address were cleared for sending, since {@code since}:
     * queued, being sent, sent or delivered ones (failed, skipped and cancelled ones do not count).
     */
    public List<Instant> recentSends(Connection c, RecipientKey recipient, Instant since) throws SQLException {
        return recentSends(c, List.of(recipient), since).get(recipient);
    }

    /**
     * Records the shopper's first click on the message's link; later clicks keep the first time.
     *
     * @return false if there is no such message
     */
    public boolean recordClick(Connection c, String id, Instant at) throws SQLException {
        return touch(c, id, "clicked_at", at);
    }

    /**
     * Records the provider's delivery receipt; the message shows as {@code delivered}.
     *
     * @return false if there is no such message
     */
    public boolean recordDelivery(Connection c, String id, Instant at) throws SQLException {
        boolean found = touch(c, id, "delivered_at", at);
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE message SET state = 'delivered', updated_at = ? WHERE id = ? AND state = 'sent'")) {
            Sql.setInstant(update, 1, at);
            update.setString(2, id);
            update.executeUpdate();
        }
        return found;
    }

    private static boolean touch(Connection c, String id, String column, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE message SET " + column + " = CASE WHEN " + column
                + " IS NULL OR " + column + " > ? THEN ? ELSE " + column + " END WHERE id = ?")) {
            Sql.setInstant(update, 1, at);
            Sql.setInstant(update, 2, at);
            update.setString(3, id);
            return update.executeUpdate() > 0;
        }
    }

    /**
     * Locks up to {@code limit} queued messages that are due, earliest first, skipping those another dispatcher
     * holds, and marks them {@code sending} (one query and one batched update). The caller commits before calling
     * any provider.
     *
     * @return the claimed messages as they were before the claim (their {@code attempts} not yet counted)
     */
    public List<MessageView> claimDue(Connection c, Instant now, int limit) throws SQLException {
        List<MessageView> claimed = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM message"
                + " WHERE state = 'queued' AND due_at <= ? ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            Sql.setInstant(select, 1, now);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.add(view(rows));
                }
            }
        }
        if (claimed.isEmpty()) {
            return claimed;
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE message SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?")) {
            for (MessageView message : claimed) {
                Sql.setInstant(update, 1, now);
                update.setString(2, message.id());
                update.addBatch();
            }
            update.executeBatch();
        }
        return claimed;
    }

    /** A provider's acceptance of a message, for {@link #markSent(Connection, List)}. */
    public record Accepted(String id, String providerMessageId, Instant at) {
    }

    /** Marks messages sent with their provider ids, in one batch. */
    public void markSent(Connection c, List<Accepted> accepted) throws SQLException {
        if (accepted.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE message SET state = 'sent', provider_message_id = ?, reason = NULL, sent_at = ?, updated_at = ?
                WHERE id = ?""")) {
            for (Accepted message : accepted) {
                update.setString(1, message.providerMessageId());
                Sql.setInstant(update, 2, message.at());
                Sql.setInstant(update, 3, message.at());
                update.setString(4, message.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Puts a message back in the queue for a later attempt, keeping the last error as its reason. */
    public void retryLater(Connection c, String id, String reason, Instant dueAt, Instant now) throws SQLException {
        setStateDue(c, id, MessageState.QUEUED, reason, dueAt, now);
    }

    public void markFailed(Connection c, String id, String reason, Instant now) throws SQLException {
        setState(c, id, MessageState.FAILED, reason, now);
    }

    /**
     * Messages left in {@code sending} since before {@code claimedBefore}: the instance that claimed them stopped
     * while calling the provider.
     */
    public List<String> interrupted(Connection c, Instant claimedBefore, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM message WHERE state = 'sending' AND updated_at < ? ORDER BY updated_at LIMIT ?")) {
            Sql.setInstant(select, 1, claimedBefore);
            select.setInt(2, limit);
            return Sql.ids(select);
        }
    }

    /** The shop's messages, newest first. */
    public List<MessageView> list(Connection c, ShopId shop, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM message WHERE shop_id = ? ORDER BY created_at DESC, id LIMIT ?")) {
            select.setString(1, shop.value());
            select.setInt(2, limit);
            List<MessageView> messages = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messages.add(view(rows));
                }
            }
            return messages;
        }
    }

    private void setState(Connection c, String id, MessageState state, String reason, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE message SET state = ?, reason = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, state.column());
            update.setString(2, truncate(reason));
            Sql.setInstant(update, 3, now);
            update.setString(4, id);
            update.executeUpdate();
        }
    }

    private void setStateDue(Connection c, String id, MessageState state, String reason, Instant dueAt, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE message SET state = ?, reason = ?, due_at = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, state.column());
            update.setString(2, truncate(reason));
            Sql.setInstant(update, 3, dueAt);
            Sql.setInstant(update, 4, now);
            update.setString(5, id);
            update.executeUpdate();
        }
    }

    private static MessageView view(ResultSet row) throws SQLException {
        return new MessageView(row.getString("id"), ShopId.of(row.getString("shop_id")), row.getString("journey"), row.getString("step"),
                row.getString("channel"), row.getString("recipient"), MessageState.ofColumn(row.getString("state")),
                row.getString("reason"), row.getString("body"), row.getString("provider_message_id"),
                row.getInt("attempts"), Sql.getInstant(row, "due_at"), Sql.getInstant(row, "created_at"),
                Sql.getInstant(row, "updated_at"), Sql.getInstant(row, "sent_at"), row.getString("subject"),
                row.getString("html_body"), row.getObject("segments") == null ? null : row.getInt("segments"),
                row.getString("encoding"),
                Consent.Purpose.valueOf(row.getString("purpose").toUpperCase(Locale.ROOT)));
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }

    /** Binds parameters 1 to 6: recipient, subject, body, HTML body, SMS segments and encoding. */
    private static void bindContent(PreparedStatement update, String recipient, MessageContent content)
            throws SQLException {
        update.setString(1, recipient);
        update.setString(2, content.subject());
        update.setString(3, content.body());
        update.setString(4, content.html());
        if (content.segments() == null) {
            update.setNull(5, java.sql.Types.INTEGER);
            update.setString(6, null);
        } else {
            update.setInt(5, content.segments().segments());
            update.setString(6, content.segments().encoding().name());
        }
    }
}
