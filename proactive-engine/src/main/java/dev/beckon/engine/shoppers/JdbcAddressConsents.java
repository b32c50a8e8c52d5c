package dev.beckon.engine.shoppers;

import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The latest marketing consent reported for an address (a STOP reply, an unsubscribe, an app's offer opt-in), so a
 * journey step decided later sees it even if its trigger event said otherwise. An older report never replaces a
 * newer one. All methods run inside the caller's transaction. Stateless and thread-safe.
 */
public final class JdbcAddressConsents {

    /**
     * Records a consent change for an address; ignored if the address is blank or a newer one is on record.
     *
     * @param now when the change arrived, used when the consent does not say when it changed
     *
     * @return true if it was recorded
     */
    public boolean record(Connection c, ShopId shop, String address, Consent consent, java.time.Instant now)
            throws SQLException {
        java.time.Instant at = consent.updatedAt() != null ? consent.updatedAt() : now;
        String key = ShopperKeys.recipientKey(consent.channel(), address);
        if (key == null || consent.purpose() != Consent.Purpose.MARKETING) {
            return false;
        }
        String channel = consent.channel().name().toLowerCase(Locale.ROOT);
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE address_consent SET state = ?, source = ?, updated_at = ?
                WHERE shop_id = ? AND channel = ? AND recipient_key = ? AND updated_at <= ?""")) {
            update.setString(1, consent.state().name());
            update.setString(2, consent.source());
            Sql.setInstant(update, 3, at);
            update.setString(4, shop.value());
            update.setString(5, channel);
            update.setString(6, key);
            Sql.setInstant(update, 7, at);
            if (update.executeUpdate() > 0) {
                return true;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO address_consent (shop_id, channel, recipient_key, state, source, updated_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, shop.value());
            insert.setString(2, channel);
            insert.setString(3, key);
            insert.setString(4, consent.state().name());
            insert.setString(5, consent.source());
            Sql.setInstant(insert, 6, at);
            return insert.executeUpdate() > 0;
        }
    }

    /** The latest marketing consent on record for the address; empty if none. */
    public Optional<Consent> latest(Connection c, RecipientKey address) throws SQLException {
        return Optional.ofNullable(latest(c, List.of(address)).get(address));
    }

    /**
     * The latest marketing consent on record for each of the addresses, in one query: what {@link #latest} answers
     * for each, for a batch. An address without a record has no entry.
     */
    public Map<RecipientKey, Consent> latest(Connection c, Collection<RecipientKey> addresses) throws SQLException {
        Map<RecipientKey, Consent> found = new HashMap<>();
        if (addresses.isEmpty()) {
            return found;
        }
        List<RecipientKey> keys = new ArrayList<>(addresses);
        int size = Sql.inListSize(keys.size());
        try (PreparedStatement select = c.prepareStatement("""
                SELECT shop_id, channel, recipient_key, state, source, updated_at FROM address_consent
                WHERE (shop_id, channel, recipient_key) IN """ + Sql.inList(size, 3))) {
            RecipientKey.bind(select, 1, keys, size);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    RecipientKey key = RecipientKey.of(row);
                    found.put(key, Consent.marketing(key.channel(), Consent.State.valueOf(row.getString("state")),
                            row.getString("source"), Sql.getInstant(row, "updated_at")));
                }
            }
        }
        return found;
    }
}
