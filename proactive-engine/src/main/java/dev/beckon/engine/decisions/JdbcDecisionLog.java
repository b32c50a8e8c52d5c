package dev.beckon.engine.decisions;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every guardrail decision, kept so a merchant can ask "why didn't she get it?". Written in the transaction that
 * acts on the decision, so the log and the message never disagree. Stateless and thread-safe.
 */
public final class JdbcDecisionLog {

    private static final String INSERT = """
            INSERT INTO guardrail_decision (id, shop_id, shopper_key, journey, step, message_id, guardrail,
                outcome, reason, until_at, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    public void record(Connection c, RecordedDecision d) throws SQLException {
        recordAll(c, List.of(d));
    }

    /** Records several decisions as one JDBC batch (one round trip), in their order. */
    public void recordAll(Connection c, List<RecordedDecision> decisions) throws SQLException {
        if (decisions.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (RecordedDecision d : decisions) {
                bind(insert, d);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement insert, RecordedDecision d) throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, d.shop().value());
        insert.setString(3, d.shopperKey());
        insert.setString(4, d.journey());
        insert.setString(5, d.step());
        insert.setString(6, d.messageId());
        insert.setString(7, d.guardrail());
        insert.setString(8, d.outcome());
        insert.setString(9, d.reason().length() <= 1000 ? d.reason() : d.reason().substring(0, 1000));
        Sql.setInstant(insert, 10, d.until());
        Sql.setInstant(insert, 11, d.at());
    }

    /** The decisions about one message, oldest first. */
    public List<RecordedDecision> forMessage(Connection c, String messageId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT * FROM guardrail_decision WHERE message_id = ? ORDER BY decided_at, id")) {
            select.setString(1, messageId);
            return rows(select);
        }
    }

    private static List<RecordedDecision> rows(PreparedStatement select) throws SQLException {
        List<RecordedDecision> decisions = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                decisions.add(new RecordedDecision(ShopId.of(row.getString("shop_id")), row.getString("shopper_key"),
                        row.getString("journey"), row.getString("step"), row.getString("message_id"),
                        row.getString("guardrail"), row.getString("outcome"), row.getString("reason"),
                        Sql.getInstant(row, "until_at"), Sql.getInstant(row, "decided_at")));
            }
        }
        return decisions;
    }
}
