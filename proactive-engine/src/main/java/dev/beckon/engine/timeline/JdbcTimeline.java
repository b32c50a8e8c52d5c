package dev.beckon.engine.timeline;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.messages.MessageState;
import dev.beckon.engine.persistence.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shopper's timeline: her events, journey entries and exits, every guardrail decision and every message with its
 * state, merged by time. Reads only. Stateless and thread-safe.
 */
public final class JdbcTimeline {

    /** The last {@code limit} entries of the shopper's timeline, oldest first. */
    public List<TimelineEntry> forShopper(Connection c, ShopId shop, String shopperKey, int limit)
            throws SQLException {
        List<TimelineEntry> entries = new ArrayList<>();
        events(c, shop, shopperKey, limit, entries);
        journeys(c, shop, shopperKey, limit, entries);
        decisions(c, shop, shopperKey, limit, entries);
        messages(c, shop, shopperKey, limit, entries);
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparingInt(JdbcTimeline::rank));
        return List.copyOf(entries.subList(Math.max(0, entries.size() - limit), entries.size()));
    }

    private static void events(Connection c, ShopId shop, String key, int limit, List<TimelineEntry> out)
            throws SQLException {
        try (PreparedStatement select = prepare(c, """
                SELECT id, event_type, source, source_topic, occurred_at, received_at, state FROM inbox_event
                WHERE shop_id = ? AND shopper_key = ? ORDER BY received_at DESC, arrival DESC LIMIT ?""", shop, key,
                limit); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("eventId", row.getString("id"));
                details.put("type", row.getString("event_type"));
                details.put("source", row.getString("source") + " " + row.getString("source_topic"));
                put(details, "occurredAt", Sql.getInstant(row, "occurred_at"));
                details.put("state", row.getString("state"));
                out.add(new TimelineEntry(TimelineEntry.Kind.EVENT, Sql.getInstant(row, "received_at"),
                        row.getString("event_type") + " from " + row.getString("source"), details));
            }
        }
    }

    private static void journeys(Connection c, ShopId shop, String key, int limit, List<TimelineEntry> out)
            throws SQLException {
        try (PreparedStatement select = prepare(c, """
                SELECT id, journey, subject, state, created_at, ended_at, end_reason FROM journey_run
                WHERE shop_id = ? AND shopper_key = ? ORDER BY created_at DESC LIMIT ?""", shop, key, limit);
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String journey = row.getString("journey");
                String state = row.getString("state");
                Map<String, String> details = new LinkedHashMap<>();
                details.put("runId", row.getString("id"));
                details.put("journey", journey);
                details.put("subject", row.getString("subject"));
                details.put("state", state);
                if (!"not_entered".equals(state)) {
                    out.add(new TimelineEntry(TimelineEntry.Kind.JOURNEY_ENTERED, Sql.getInstant(row, "created_at"),
                            "entered " + journey + " (" + row.getString("subject") + ")", details));
                }
                Instant ended = Sql.getInstant(row, "ended_at");
                if (ended != null) {
                    Map<String, String> exit = new LinkedHashMap<>(details);
                    put(exit, "reason", row.getString("end_reason"));
                    String verb = "not_entered".equals(state) ? "not entered into " : "left ";
                    out.add(new TimelineEntry(TimelineEntry.Kind.JOURNEY_EXITED, ended,
                            verb + journey + ": " + row.getString("end_reason"), exit));
                }
            }
        }
    }

    private static void decisions(Connection c, ShopId shop, String key, int limit, List<TimelineEntry> out)
            throws SQLException {
        try (PreparedStatement select = prepare(c, """
                SELECT journey, step, message_id, guardrail, outcome, reason, until_at, decided_at
                FROM guardrail_decision WHERE shop_id = ? AND shopper_key = ?
                ORDER BY decided_at DESC, id LIMIT ?""", shop, key, limit); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("journey", row.getString("journey"));
                put(details, "step", row.getString("step"));
                put(details, "messageId", row.getString("message_id"));
                details.put("guardrail", row.getString("guardrail"));
                details.put("outcome", row.getString("outcome"));
                details.put("reason", row.getString("reason"));
                put(details, "until", Sql.getInstant(row, "until_at"));
                out.add(new TimelineEntry(TimelineEntry.Kind.DECISION, Sql.getInstant(row, "decided_at"),
                        row.getString("outcome") + " by " + row.getString("guardrail") + ": "
                                + row.getString("reason"), details));
            }
        }
    }

    private static void messages(Connection c, ShopId shop, String key, int limit, List<TimelineEntry> out)
            throws SQLException {
        try (PreparedStatement select = prepare(c, """
                SELECT m.id, m.journey, m.step, m.channel, m.state, m.reason, m.due_at, m.created_at, m.sent_at,
                       m.delivered_at, m.clicked_at, v.order_id, v.order_name, v.revenue_amount, v.revenue_currency
                FROM message m LEFT JOIN conversion v ON v.message_id = m.id
                WHERE m.shop_id = ? AND m.shopper_key = ? ORDER BY m.created_at DESC, m.id LIMIT ?""", shop, key,
                limit); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String state = MessageState.ofColumn(row.getString("state")).wireName();
                Map<String, String> details = new LinkedHashMap<>();
                details.put("messageId", row.getString("id"));
                details.put("journey", row.getString("journey"));
                details.put("step", row.getString("step"));
                details.put("channel", row.getString("channel"));
                details.put("state", state);
                put(details, "reason", row.getString("reason"));
                put(details, "dueAt", Sql.getInstant(row, "due_at"));
                put(details, "sentAt", Sql.getInstant(row, "sent_at"));
                put(details, "deliveredAt", Sql.getInstant(row, "delivered_at"));
                put(details, "clickedAt", Sql.getInstant(row, "clicked_at"));
                put(details, "convertedOrder", row.getString("order_name") == null || row.getString("order_name")
                        .isEmpty() ? row.getString("order_id") : row.getString("order_name"));
                if (row.getBigDecimal("revenue_amount") != null) {
                    details.put("revenue", new dev.beckon.api.model.Money(row.getBigDecimal("revenue_amount"),
                            java.util.Currency.getInstance(row.getString("revenue_currency"))).toString());
                }
                out.add(new TimelineEntry(TimelineEntry.Kind.MESSAGE, Sql.getInstant(row, "created_at"),
                        row.getString("channel") + " " + row.getString("journey") + "/" + row.getString("step")
                                + ": " + state, details));
            }
        }
    }

    /** Within one instant: the event, the entry, the message it scheduled, the decision, the exit. */
    private static int rank(TimelineEntry entry) {
        return switch (entry.kind()) {
            case EVENT -> 0;
            case JOURNEY_ENTERED -> 1;
            case MESSAGE -> 2;
            case DECISION -> 3;
            case JOURNEY_EXITED -> 4;
        };
    }

    private static PreparedStatement prepare(Connection c, String sql, ShopId shop, String key, int limit)
            throws SQLException {
        PreparedStatement select = c.prepareStatement(sql);
        select.setString(1, shop.value());
        select.setString(2, key);
        select.setInt(3, limit);
        return select;
    }

    private static void put(Map<String, String> details, String name, Object value) {
        if (value != null) {
            details.put(name, value.toString());
        }
    }
}
