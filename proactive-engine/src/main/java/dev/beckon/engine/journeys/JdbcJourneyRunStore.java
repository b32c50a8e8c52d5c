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
            recovery_url, cart_token, subject_updated_at""";

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
                + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = bind(insert, run);
            Sql.setInstant(insert, i, now);
            Sql.setInstant(insert, i + 1, now);
            insert.executeUpdate();
        }
    }

    void update(Connection c, JourneyRun run, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE journey_run SET state = ?, first_name = ?, phone = ?, email = ?, sms_consent = ?,
                    sms_consent_source = ?, recovery_url = ?, cart_token = ?, subject_updated_at = ?, updated_at = ?
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
            update.setString(11, run.id());
            update.executeUpdate();
        }
    }

    /** Cancels every waiting run of the shop. */
    int cancelAll(Connection c, ShopId shop, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE journey_run SET state = 'cancelled', updated_at = ? WHERE shop_id = ? AND state = 'waiting'")) {
            Sql.setInstant(update, 1, now);
            update.setString(2, shop.value());
            return update.executeUpdate();
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
        return 14;
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
                    row.getString("recovery_url"), row.getString("cart_token"), updatedAt));
        }
    }
}
