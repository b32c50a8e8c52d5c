package dev.beckon.engine.privacy;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.shoppers.ShopperKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Erases what the engine holds on one shopper, or on a whole shop, when the platform or the merchant asks (Shopify
 * {@code customers/redact} and {@code shop/redact}, the merchant's erase endpoint).
 *
 * <p>A shopper is every key they may be stored under: the customer id, and the guest keys of their email and
 * phone ({@link ShopperKeys}), because a guest who later signed in left events under both. Their events, journey
 * runs with their timers, guardrail decisions and consent records are deleted. Their messages stay as counted rows
 * for the journey statistics, but lose the address, the text and the shopper key; a message still waiting is
 * cancelled. Conversions keep only an order id and an amount, no personal data, and stay. The erasure request
 * itself stays in the inbox as the record that it was honoured. Idempotent: a second erasure finds nothing.
 */
public final class ShopperErasure {

    static final String ERASED = "[erased]";
    private static final String REASON = "erased at the shopper's request";

    /** What one erasure removed. */
    public record Erased(int events, int runs, int timers, int decisions, int consents, int messages) {

        public int total() {
            return events + runs + timers + decisions + consents + messages;
        }
    }

    /**
     * @param customer the platform customer id; null if unknown
     * @param email    null if unknown
     * @param phone    in any form libphonenumber reads (US if no country code); null if unknown
     */
    public Erased eraseShopper(Connection c, ShopId shop, CustomerId customer, String email, String phone,
                               Instant now) throws SQLException {
        Set<String> shopperKeys = ShopperKeys.all(customer, email, phone);
        Set<String> recipientKeys = new LinkedHashSet<>();
        addIfPresent(recipientKeys, ShopperKeys.recipientKey(ChannelType.EMAIL, email));
        addIfPresent(recipientKeys, ShopperKeys.recipientKey(ChannelType.SMS, phone));
        if (shopperKeys.isEmpty() && recipientKeys.isEmpty()) {
            return new Erased(0, 0, 0, 0, 0, 0);
        }
        List<String> keys = new ArrayList<>(shopperKeys);
        List<String> addresses = new ArrayList<>(recipientKeys);
        String byShopper = in("shopper_key", keys);
        String byAddress = in("recipient_key", addresses);

        update(c, "UPDATE message SET state = 'cancelled', reason = ? WHERE shop_id = ?"
                        + " AND state IN ('scheduled', 'deferred', 'queued') AND (" + byShopper + " OR " + byAddress + ")",
                List.of(REASON, shop.value()), keys, addresses);
        int messages = update(c, "UPDATE message SET recipient = NULL, recipient_key = NULL, shopper_key = NULL,"
                        + " body = ?, subject = NULL, html_body = NULL, updated_at = ?"
                        + " WHERE shop_id = ? AND (" + byShopper + " OR " + byAddress + ")",
                List.of(ERASED, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), shop.value()), keys, addresses);
        String runs = "SELECT id FROM journey_run WHERE shop_id = ? AND " + byShopper;
        int timers = update(c, "DELETE FROM timer WHERE run_id IN (" + runs + ")", List.of(shop.value()), keys,
                List.of());
        update(c, "DELETE FROM journey_run_key WHERE run_id IN (" + runs + ")", List.of(shop.value()), keys,
                List.of());
        int runCount = update(c, "DELETE FROM journey_run WHERE shop_id = ? AND " + byShopper, List.of(shop.value()),
                keys, List.of());
        int decisions = update(c, "DELETE FROM guardrail_decision WHERE shop_id = ? AND " + byShopper,
                List.of(shop.value()), keys, List.of());
        int events = update(c, "DELETE FROM inbox_event WHERE shop_id = ? AND " + byShopper, List.of(shop.value()),
                keys, List.of());
        int consents = update(c, "DELETE FROM address_consent WHERE shop_id = ? AND " + byAddress,
                List.of(shop.value()), List.of(), addresses);
        update(c, "DELETE FROM recipient_lock WHERE shop_id = ? AND " + byAddress, List.of(shop.value()), List.of(),
                addresses);
        return new Erased(events, runCount, timers, decisions, consents, messages);
    }

    /**
     * Everything of the shop (Shopify's {@code shop/redact}, 48 hours after an uninstall), except the erasure
     * request being handled, {@code keepEventId}.
     */
    public Erased eraseShop(Connection c, ShopId shop, String keepEventId) throws SQLException {
        List<Object> shopOnly = List.of(shop.value());
        int timers = update(c, "DELETE FROM timer WHERE shop_id = ?", shopOnly, List.of(), List.of());
        update(c, "DELETE FROM journey_run_key WHERE shop_id = ?", shopOnly, List.of(), List.of());
        int runs = update(c, "DELETE FROM journey_run WHERE shop_id = ?", shopOnly, List.of(), List.of());
        int decisions = update(c, "DELETE FROM guardrail_decision WHERE shop_id = ?", shopOnly, List.of(), List.of());
        int consents = update(c, "DELETE FROM address_consent WHERE shop_id = ?", shopOnly, List.of(), List.of());
        update(c, "DELETE FROM recipient_lock WHERE shop_id = ?", shopOnly, List.of(), List.of());
        update(c, "DELETE FROM conversion WHERE shop_id = ?", shopOnly, List.of(), List.of());
        int messages = update(c, "DELETE FROM message WHERE shop_id = ?", shopOnly, List.of(), List.of());
        int events = update(c, "DELETE FROM inbox_event WHERE shop_id = ? AND id <> ?",
                List.of(shop.value(), keepEventId), List.of(), List.of());
        return new Erased(events, runs, timers, decisions, consents, messages);
    }

    private static void addIfPresent(Set<String> keys, String key) {
        if (key != null) {
            keys.add(key);
        }
    }

    /** {@code column IN (?, ?)}, or a condition that matches nothing for an empty list. */
    private static String in(String column, List<String> values) {
        return values.isEmpty() ? "1 = 0" : column + " IN (" + String.join(", ", values.stream().map(v -> "?")
                .toList()) + ")";
    }

    /** Binds the leading parameters, then the shopper keys, then the addresses, in the order the SQL names them. */
    private static int update(Connection c, String sql, List<Object> leading, List<String> keys,
                              List<String> addresses) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            int i = 1;
            for (Object value : leading) {
                statement.setObject(i++, value);
            }
            for (String key : keys) {
                statement.setString(i++, key);
            }
            for (String address : addresses) {
                statement.setString(i++, address);
            }
            return statement.executeUpdate();
        }
    }
}
