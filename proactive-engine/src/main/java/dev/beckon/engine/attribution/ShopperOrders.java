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
import java.util.List;
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

    /** Orders placed in {@code [from, to)}, oldest first; each order once (a redelivery is not a second order). */
    public List<Placed> placed(Connection c, ShopId shop, String shopperKey, Instant from, Instant to)
            throws SQLException {
        List<Placed> orders = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT payload FROM inbox_event WHERE shop_id = ?"
                + " AND shopper_key = ? AND event_type = 'OrderPlaced' AND occurred_at >= ? AND occurred_at < ?"
                + " ORDER BY occurred_at")) {
            select.setString(1, shop.value());
            select.setString(2, shopperKey);
            Sql.setInstant(select, 3, from);
            Sql.setInstant(select, 4, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OrderPlaced order = (OrderPlaced) codec.read("OrderPlaced", rows.getString(1));
                    if (orders.stream().noneMatch(o -> o.order().equals(order.order()))) {
                        orders.add(new Placed(order.order(), order.total(), order.placedAt()));
                    }
                }
            }
        }
        return orders;
    }
}
