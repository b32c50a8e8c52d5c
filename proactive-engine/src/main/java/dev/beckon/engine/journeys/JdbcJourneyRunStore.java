package dev.beckon.engine.journeys;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Journey runs in the database. All methods run inside the caller's transaction. Stateless and thread-safe. */
final class JdbcJourneyRunStore {

    private static final String COLUMNS = """
            id, shop_id, journey, subject, state, first_name, phone, email, sms_consent, sms_consent_source,
            recovery_url, cart_token, subject_updated_at, shopper_key""";

    /** Finds and locks the run, so concurrent events for one subject apply one after the other. */
    Optional<JourneyRun> findForUpdate(Connection c, ShopId shop, String journey, String subject) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + " FROM journey_run WHERE shop_id = ? AND journey = ? AND subject = ? FOR UPDATE")) {
            select.setString(1, shop.value());
            select.setString(2, journey);
            select.setString(3, subject);
            return one(select);
        }
    }

    /** Finds and locks the waiting run started from this cart, for orders that name the cart but not the checkout. */
    Optional<JourneyRun> findWaitingByCart(Connection c, ShopId shop, String journey, String cartToken)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + " FROM journey_run WHERE shop_id = ? AND journey = ? AND cart_token = ? AND state = 'waiting'"
                + " FOR UPDATE")) {
            select.setString(1, shop.value());
            select.setString(2, journey);
            select.setString(3, cartToken);
            return one(select);
        }
    }

    Optional<JourneyRun> findById(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM journey_run WHERE id = ? FOR UPDATE")) {
            select.setString(1, id);
            return one(select);
        }
    }

    /** @throws SQLException with SQLState 23505 if the subject already has a run (a concurrent insert) */
    void insert(Connection c, JourneyRun run, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO journey_run (" + COLUMNS
                + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = bind(insert, run);
            Sql.setInstant(insert, i, now);
            Sql.setInstant(insert, i + 1, now);
            insert.executeUpdate();
        }
    }

    void update(Connection c, JourneyRun run, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE journey_run SET state = ?, first_name = ?, phone = ?, email = ?, sms_consent = ?,
                    sms_consent_source = ?, recovery_url = ?, cart_token = ?, subject_updated_at = ?, updated_at = ?,
                    shopper_key = ?
                WHERE id = ?""")) {
            update.setString(1, run.state().name().toLowerCase(Locale.ROOT));
            update.setString(2, run.firstName());
            update.setString(3, run.phone());
            update.setString(4, run.email());
            update.setString(5, run.smsConsent() == null ? null : run.smsConsent().state().name());
            update.setString(6, run.smsConsent() == null ? null : run.smsConsent().source());
            update.setString(7, run.recoveryUrl());
            update.setString(8, run.cartToken());
            Sql.setInstant(update, 9, run.subjectUpdatedAt());
            Sql.setInstant(update, 10, now);
            update.setString(11, run.shopperKey());
            update.setString(12, run.id());
            update.executeUpdate();
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

    /** Ids of the runs (any state) of the subject or, if {@code cartToken} is given, started from that cart. */
    java.util.List<String> ids(Connection c, ShopId shop, String journey, String subject, String cartToken)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT id FROM journey_run WHERE shop_id = ? AND journey = ? AND (subject = ? OR cart_token = ?)""")) {
            select.setString(1, shop.value());
            select.setString(2, journey);
            select.setString(3, subject == null ? "" : subject);
            select.setString(4, cartToken == null ? "" : cartToken);
            return Sql.ids(select);
        }
    }

    /** Sets the SMS marketing consent of the shop's waiting runs for this shopper key or phone number. */
    int updateSmsConsent(Connection c, ShopId shop, String shopperKey, java.util.List<String> phones,
                         dev.beckon.api.model.Consent consent, Instant now) throws SQLException {
        StringBuilder phoneMatch = new StringBuilder();
        for (int i = 0; i < phones.size(); i++) {
            phoneMatch.append(" OR phone = ?");
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE journey_run SET sms_consent = ?,"
                + " sms_consent_source = ?, updated_at = ? WHERE shop_id = ? AND state = 'waiting'"
                + " AND (shopper_key = ?" + phoneMatch + ")")) {
            int i = 1;
            update.setString(i++, consent.state().name());
            update.setString(i++, consent.source());
            Sql.setInstant(update, i++, now);
            update.setString(i++, shop.value());
            update.setString(i++, shopperKey == null ? "" : shopperKey);
            for (String phone : phones) {
                update.setString(i++, phone);
            }
            return update.executeUpdate();
        }
    }

    /** Records why and when the run left the journey (its state is already updated). */
    void ended(Connection c, String runId, String reason, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE journey_run SET ended_at = ?, end_reason = ? WHERE id = ?")) {
            Sql.setInstant(update, 1, now);
            update.setString(2, reason.length() <= 1000 ? reason : reason.substring(0, 1000));
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

    private static int bind(PreparedStatement s, JourneyRun run) throws SQLException {
        s.setString(1, run.id());
        s.setString(2, run.shop().value());
        s.setString(3, run.journey());
        s.setString(4, run.subject());
        s.setString(5, run.state().name().toLowerCase(Locale.ROOT));
        s.setString(6, run.firstName());
        s.setString(7, run.phone());
        s.setString(8, run.email());
        s.setString(9, run.smsConsent() == null ? null : run.smsConsent().state().name());
        s.setString(10, run.smsConsent() == null ? null : run.smsConsent().source());
        s.setString(11, run.recoveryUrl());
        s.setString(12, run.cartToken());
        Sql.setInstant(s, 13, run.subjectUpdatedAt());
        s.setString(14, run.shopperKey());
        return 15;
    }

    private static Optional<JourneyRun> one(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            Instant updatedAt = Sql.getInstant(row, "subject_updated_at");
            return Optional.of(new JourneyRun(row.getString("id"), ShopId.of(row.getString("shop_id")),
                    row.getString("journey"), row.getString("subject"),
                    JourneyRun.RunState.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
                    row.getString("first_name"), row.getString("phone"), row.getString("email"),
                    JourneyRun.smsConsent(row.getString("sms_consent"), row.getString("sms_consent_source"), updatedAt),
                    row.getString("recovery_url"), row.getString("cart_token"), updatedAt,
                    row.getString("shopper_key")));
        }
    }
}
