package dev.beckon.engine.attribution;

import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.LineItem;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Last-touch attribution: an order goes to the message that last touched the shopper within its channel's window
 * (a click, or the delivery itself where the channel counts it), with the order's total as revenue. One order is
 * attributed at most once. All methods run inside the caller's transaction. Stateless and thread-safe.
 */
public final class JdbcAttribution {

    private static final System.Logger LOG = System.getLogger(JdbcAttribution.class.getName());

    /**
     * The message an order was attributed to.
     *
     * @param messageId never null
     * @param touch     {@code click} or {@code delivery}
     * @param touchedAt when that touch happened
     */
    public record Conversion(String messageId, String journey, String step, String touch, Instant touchedAt) {
    }

    private record Touch(String messageId, String journey, String step, String kind, Instant at) {
    }

    private final AttributionWindows windows;

    public JdbcAttribution(AttributionWindows windows) {
        this.windows = Objects.requireNonNull(windows, "windows");
    }

    /**
     * Attributes an order to the shopper's last touch, looking at messages to the shopper and messages of the
     * abandoned-checkout run of the order's checkout.
     *
     * @param shopperKey the ordering shopper; null if unknown (then only the checkout's messages count)
     * @param runIds     journey runs the order ends (their messages count even without a shopper key)
     * @return the conversion, or empty if no message touched the shopper within its window
     */
    public Optional<Conversion> onOrder(Connection c, ShopId shop, String shopperKey, List<String> runIds,
                                        OrderPlaced order, Instant now) throws SQLException {
        Instant placed = order.placedAt();
        List<Touch> touches = touches(c, shop, shopperKey, runIds, placed);
        Optional<Touch> last = touches.stream().max(Comparator.comparing(Touch::at));
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Touch touch = last.get();
        Money revenue = revenue(order);
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO conversion (shop_id, order_id, message_id, journey, step, touch, order_name,
                    revenue_amount, revenue_currency, converted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, shop.value());
            insert.setString(2, order.order().value());
            insert.setString(3, touch.messageId());
            insert.setString(4, touch.journey());
            insert.setString(5, touch.step());
            insert.setString(6, touch.kind());
            insert.setString(7, order.name());
            insert.setBigDecimal(8, revenue == null ? null : revenue.amount());
            insert.setString(9, revenue == null ? null : revenue.currency().getCurrencyCode());
            Sql.setInstant(insert, 10, placed);
            if (insert.executeUpdate() == 0) {
                return Optional.empty(); // already attributed
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "shop {0}: order {1} attributed to message {2} ({3} at {4})", shop,
                order.order(), touch.messageId(), touch.kind(), touch.at());
        return Optional.of(new Conversion(touch.messageId(), touch.journey(), touch.step(), touch.kind(), touch.at()));
    }

    private List<Touch> touches(Connection c, ShopId shop, String shopperKey, List<String> runIds, Instant placed)
            throws SQLException {
        StringBuilder where = new StringBuilder("shopper_key = ?");
        for (int i = 0; i < runIds.size(); i++) {
            where.append(" OR run_id = ?");
        }
        List<Touch> touches = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT id, journey, step, channel, sent_at, delivered_at, clicked_at FROM message
                WHERE shop_id = ? AND sent_at IS NOT NULL AND sent_at <= ? AND sent_at > ? AND (""" + where + ")")) {
            int i = 1;
            select.setString(i++, shop.value());
            Sql.setInstant(select, i++, placed);
            Sql.setInstant(select, i++, placed.minus(windows.longest()));
            select.setString(i++, shopperKey == null ? "" : shopperKey);
            for (String run : runIds) {
                select.setString(i++, run);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ChannelType channel = ChannelType.valueOf(row.getString("channel").toUpperCase(Locale.ROOT));
                    Instant clicked = Sql.getInstant(row, "clicked_at");
                    Instant delivered = Sql.getInstant(row, "delivered_at");
                    Instant reached = delivered != null ? delivered : Sql.getInstant(row, "sent_at");
                    Touch best = null;
                    if (clicked != null && within(clicked, placed, windows.clickWindow(channel))) {
                        best = new Touch(row.getString("id"), row.getString("journey"), row.getString("step"),
                                "click", clicked);
                    }
                    if (within(reached, placed, windows.deliveryWindow(channel))
                            && (best == null || reached.isAfter(best.at()))) {
                        best = new Touch(row.getString("id"), row.getString("journey"), row.getString("step"),
                                "delivery", reached);
                    }
                    if (best != null) {
                        touches.add(best);
                    }
                }
            }
        }
        return touches;
    }

    private static boolean within(Instant touch, Instant placed, Optional<Duration> window) {
        return window.isPresent() && !touch.isAfter(placed) && Duration.between(touch, placed).compareTo(window.get()) <= 0;
    }

    /** The order's total, else the sum of its lines; null if neither is known or the lines mix currencies. */
    static Money revenue(OrderPlaced order) {
        if (order.total() != null) {
            return order.total();
        }
        Money sum = null;
        for (LineItem line : order.lines()) {
            if (line.unitPrice() == null) {
                return null;
            }
            Money amount = line.unitPrice().times(line.quantity());
            if (sum != null && !sum.currency().equals(amount.currency())) {
                return null;
            }
            sum = sum == null ? amount : sum.plus(amount);
        }
        return sum;
    }

    /** Sent, delivered, clicked, converted and revenue for each step of the journey, by step id. */
    public List<StepStats> journeyStats(Connection c, ShopId shop, String journey) throws SQLException {
        Map<String, long[]> counts = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT step, COUNT(sent_at) AS sent,
                       SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END) AS delivered,
                       SUM(CASE WHEN clicked_at IS NOT NULL THEN 1 ELSE 0 END) AS clicked
                FROM message WHERE shop_id = ? AND journey = ? GROUP BY step ORDER BY step""")) {
            select.setString(1, shop.value());
            select.setString(2, journey);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString("step"), new long[] {row.getLong("sent"), row.getLong("delivered"),
                            row.getLong("clicked"), 0});
                }
            }
        }
        Map<String, List<Money>> revenue = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT step, revenue_currency, COUNT(*) AS orders, SUM(revenue_amount) AS revenue
                FROM conversion WHERE shop_id = ? AND journey = ? GROUP BY step, revenue_currency
                ORDER BY step, revenue_currency""")) {
            select.setString(1, shop.value());
            select.setString(2, journey);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String step = row.getString("step");
                    counts.computeIfAbsent(step, s -> new long[4])[3] += row.getLong("orders");
                    String currency = row.getString("revenue_currency");
                    BigDecimal amount = row.getBigDecimal("revenue");
                    if (currency != null && amount != null) {
                        revenue.computeIfAbsent(step, s -> new ArrayList<>())
                                .add(new Money(amount, Currency.getInstance(currency)));
                    }
                }
            }
        }
        List<StepStats> stats = new ArrayList<>();
        counts.forEach((step, n) -> stats.add(new StepStats(step, n[0], n[1], n[2], n[3],
                revenue.getOrDefault(step, List.of()))));
        return stats;
    }
}
