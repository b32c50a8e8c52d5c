package dev.beckon.video.library;

import dev.beckon.api.model.ShopId;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code video_view_event} table: play, progress and CTA beacons per link. Thread-safe; every method blocks
 * on the database and throws {@link DatabaseException} only when it fails.
 */
public final class JdbcViewEventStore {

    private final Transactions transactions;

    public JdbcViewEventStore(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Records one beacon for the link; the shop is taken from the link, so a beacon cannot name another shop. */
    public void record(VideoLink link, ViewEventKind kind, Instant at, UserAgentClass userAgent) {
        transactions.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO video_view_event (token_hash, shop_id, "
                    + "kind, occurred_at, user_agent_class) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, link.token().tokenHash());
                insert.setString(2, link.shop().value());
                insert.setString(3, kind.column());
                Sql.setInstant(insert, 4, at);
                insert.setString(5, userAgent.column());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * For each kind, how many of the video's links reported it at least once (bots left out): "12 links played,
     * 7 completed". Kinds nobody reported are 0.
     */
    public Map<ViewEventKind, Long> linksReaching(ShopId shop, VideoId video) {
        return transactions.inTransaction(c -> {
            Map<ViewEventKind, Long> counts = new EnumMap<>(ViewEventKind.class);
            for (ViewEventKind kind : ViewEventKind.values()) {
                counts.put(kind, 0L);
            }
            try (PreparedStatement select = c.prepareStatement("SELECT e.kind, COUNT(DISTINCT e.token_hash) "
                    + "FROM video_view_event e JOIN video_link l ON l.token_hash = e.token_hash "
                    + "WHERE e.shop_id = ? AND l.shop_id = ? AND l.video_id = ? AND e.user_agent_class <> ? "
                    + "GROUP BY e.kind")) {
                select.setString(1, shop.value());
                select.setString(2, shop.value());
                select.setString(3, video.toString());
                select.setString(4, UserAgentClass.BOT.column());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(ViewEventKind.ofColumn(rows.getString(1)), rows.getLong(2));
                    }
                }
            }
            return counts;
        });
    }
}
