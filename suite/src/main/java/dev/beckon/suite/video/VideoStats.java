package dev.beckon.suite.video;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.attribution.ShopperOrders;
import dev.beckon.engine.definitions.Goal;
import dev.beckon.video.library.Transactions;
import dev.beckon.video.library.UserAgentClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a shop's videos do: for the whole shop and per journey, how many links were made, played (at least once),
 * watched to the end and clicked through, with bots and link-preview fetchers left out; and, per journey, the orders
 * the shopper placed after first playing their video, within the journey's goal window (or {@link #DEFAULT_WINDOW},
 * Klaviyo's click window, when the journey has no goal), each order once per journey. Per video the same counts are
 * on {@code GET /api/shops/{id}/videos/{videoId}}.
 */
@ApplicationScoped
public class VideoStats {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(5);

    /** Counts for one set of links. */
    public record Counts(long links, long plays, long completions, long ctaClicks) {

        /** Completions per play; 0 without plays. */
        public double completionRate() {
            return plays == 0 ? 0 : (double) completions / plays;
        }
    }

    /** One journey's links and the orders that followed a play. */
    public record JourneyStats(String journey, Counts counts, Duration window, int attributedOrders,
                               Map<String, BigDecimal> revenue) {
    }

    /** The shop's totals and its journeys. */
    public record ShopStats(Counts shop, List<JourneyStats> journeys) {
    }

    private static final String COUNTS = "COUNT(DISTINCT l.token_hash), "
            + "COUNT(DISTINCT CASE WHEN e.kind = 'play' THEN e.token_hash END), "
            + "COUNT(DISTINCT CASE WHEN e.kind = '100' THEN e.token_hash END), "
            + "COUNT(DISTINCT CASE WHEN e.kind = 'cta' THEN e.token_hash END)";
    private static final String EVENTS = " LEFT JOIN video_view_event e ON e.token_hash = l.token_hash"
            + " AND e.user_agent_class <> ?";

    @Inject
    DataSource dataSource;

    @Inject
    ProactiveEngine engine;

    public ShopStats of(ShopId shop) {
        Transactions tx = new Transactions(dataSource);
        Counts total = tx.inTransaction(c -> shopCounts(c, shop));
        Map<String, Counts> byJourney = tx.inTransaction(c -> journeyCounts(c, shop));
        Map<String, List<FirstPlay>> plays = tx.inTransaction(c -> firstPlays(c, shop));
        List<JourneyStats> journeys = new ArrayList<>();
        for (Map.Entry<String, Counts> journey : byJourney.entrySet()) {
            Duration window = engine.journey(shop, journey.getKey()).map(j -> j.goal()).map(Goal::within)
                    .orElse(DEFAULT_WINDOW);
            Set<String> orders = new HashSet<>();
            Map<String, BigDecimal> revenue = new TreeMap<>();
            List<FirstPlay> played = plays.getOrDefault(journey.getKey(), List.of());
            Map<String, List<ShopperOrders.Placed>> placed = ordersAfter(shop, played, window);
            for (FirstPlay play : played) {
                Instant until = play.at().plus(window);
                for (ShopperOrders.Placed order : placed.getOrDefault(play.shopperRef(), List.of())) {
                    if (!order.at().isBefore(play.at()) && order.at().isBefore(until)
                            && !order.order().value().equals(play.orderId()) && orders.add(order.order().value())
                            && order.total() != null) {
                        revenue.merge(order.total().currency().getCurrencyCode(), order.total().amount(),
                                BigDecimal::add);
                    }
                }
            }
            journeys.add(new JourneyStats(journey.getKey(), journey.getValue(), window, orders.size(), revenue));
        }
        return new ShopStats(total, journeys);
    }

    /** The orders of every shopper who played, from the first play to the last play's window end: one query. */
    private Map<String, List<ShopperOrders.Placed>> ordersAfter(ShopId shop, List<FirstPlay> plays, Duration window) {
        if (plays.isEmpty()) {
            return Map.of();
        }
        Instant from = plays.stream().map(FirstPlay::at).min(Instant::compareTo).orElseThrow();
        Instant to = plays.stream().map(FirstPlay::at).max(Instant::compareTo).orElseThrow().plus(window);
        return engine.ordersPlaced(shop, plays.stream().map(FirstPlay::shopperRef).toList(), from, to);
    }

    private record FirstPlay(String shopperRef, String orderId, Instant at) {
    }

    private static Counts shopCounts(Connection c, ShopId shop) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COUNTS + " FROM video_link l" + EVENTS
                + " WHERE l.shop_id = ?")) {
            select.setString(1, UserAgentClass.BOT.column());
            select.setString(2, shop.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return counts(row, 1);
            }
        }
    }

    private static Map<String, Counts> journeyCounts(Connection c, ShopId shop) throws SQLException {
        Map<String, Counts> counts = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT j.journey, " + COUNTS
                + " FROM suite_video_journey_link j JOIN video_link l ON l.token_hash = j.token_hash" + EVENTS
                + " WHERE j.shop_id = ? GROUP BY j.journey ORDER BY j.journey")) {
            select.setString(1, UserAgentClass.BOT.column());
            select.setString(2, shop.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), counts(rows, 2));
                }
            }
        }
        return counts;
    }

    /** Per journey, each played link's shopper and the time of its first play. */
    private static Map<String, List<FirstPlay>> firstPlays(Connection c, ShopId shop) throws SQLException {
        Map<String, List<FirstPlay>> plays = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT j.journey, l.shopper_ref, l.order_id,"
                + " MIN(e.occurred_at) FROM suite_video_journey_link j"
                + " JOIN video_link l ON l.token_hash = j.token_hash"
                + " JOIN video_view_event e ON e.token_hash = l.token_hash AND e.kind = 'play'"
                + " AND e.user_agent_class <> ?"
                + " WHERE j.shop_id = ? AND l.shopper_ref IS NOT NULL"
                + " GROUP BY j.journey, l.token_hash, l.shopper_ref, l.order_id")) {
            select.setString(1, UserAgentClass.BOT.column());
            select.setString(2, shop.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    plays.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(new FirstPlay(
                            rows.getString(2), rows.getString(3),
                            rows.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return plays;
    }

    private static Counts counts(ResultSet row, int first) throws SQLException {
        return new Counts(row.getLong(first), row.getLong(first + 1), row.getLong(first + 2), row.getLong(first + 3));
    }
}
