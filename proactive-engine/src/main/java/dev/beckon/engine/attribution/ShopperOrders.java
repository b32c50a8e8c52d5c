package dev.beckon.engine.attribution;

import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.inbox.EventCodec;
import dev.beckon.engine.persistence.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The orders a shopper placed in a span of time, read from the stored {@code OrderPlaced} events: what another
 * module's attribution (a video watched, then an order) needs from the engine. Thread-safe.
 */
public final class ShopperOrders {

    /** One order: its id, total and when it was placed. */
    public record Placed(OrderId order, Money total, Instant at) {

        public Placed {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(at, "at");
        }
    }

    private final EventCodec codec;

    public ShopperOrders(EventCodec codec) {
        this.codec = Objects.requireNonNull(codec);
    }

    /** Shopper keys per query: an IN list this long stays well inside every database's parameter limit. */
    private static final int KEYS_PER_QUERY = 500;

    /** Orders placed in {@code [from, to)}, oldest first; each order once (a redelivery is not a second order). */
    public List<Placed> placed(Connection c, ShopId shop, String shopperKey, Instant from, Instant to)
            throws SQLException {
        return placed(c, shop, List.of(shopperKey), from, to).getOrDefault(shopperKey, List.of());
    }

    /**
     * The orders each of the shoppers placed in {@code [from, to)}, oldest first, each order once: one query per
     * {@value #KEYS_PER_QUERY} shoppers instead of one per shopper.
     *
     * @return by shopper key; shoppers without an order are absent
     */
    public Map<String, List<Placed>> placed(Connection c, ShopId shop, Collection<String> shopperKeys, Instant from,
                                            Instant to) throws SQLException {
        Map<String, List<Placed>> orders = new HashMap<>();
        List<String> keys = List.copyOf(new LinkedHashSet<>(shopperKeys));
        for (int at = 0; at < keys.size(); at += KEYS_PER_QUERY) {
            List<String> chunk = keys.subList(at, Math.min(keys.size(), at + KEYS_PER_QUERY));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = c.prepareStatement("SELECT shopper_key, payload FROM inbox_event"
                    + " WHERE shop_id = ? AND shopper_key IN (" + marks + ") AND event_type = 'OrderPlaced'"
                    + " AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at")) {
                int i = 1;
                select.setString(i++, shop.value());
                for (String key : chunk) {
                    select.setString(i++, key);
                }
                Sql.setInstant(select, i++, from);
                Sql.setInstant(select, i, to);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        OrderPlaced order = (OrderPlaced) codec.read("OrderPlaced", rows.getString(2));
                        List<Placed> placed = orders.computeIfAbsent(rows.getString(1), k -> new ArrayList<>());
                        if (placed.stream().noneMatch(o -> o.order().equals(order.order()))) {
                            placed.add(new Placed(order.order(), order.total(), order.placedAt()));
                        }
                    }
                }
            }
        }
        return orders;
    }
}
