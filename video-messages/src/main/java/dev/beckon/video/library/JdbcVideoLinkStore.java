package dev.beckon.video.library;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.links.LinkToken;
import dev.beckon.video.links.LinkTokens;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code video_link} table: landing-page links by token hash (the token itself is never stored). Thread-safe;
 * every method blocks on the database and throws {@link DatabaseException} only when it fails.
 */
public final class JdbcVideoLinkStore {

    private final Transactions transactions;

    public JdbcVideoLinkStore(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Stores a link issued with {@link LinkTokens}; the video must exist for the same shop. */
    public void insert(VideoLink link) {
        insert(link, null);
    }

    /**
     * Stores a link made for one shopper, so an erasure request for that shopper ({@link #deleteForShopper})
     * finds it; the video must exist for the same shop.
     *
     * @param shopperRef the shop's own reference for the shopper (e.g. the platform's customer id); null for none
     */
    public void insert(VideoLink link, String shopperRef) {
        transactions.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO video_link (token_hash, video_id, "
                    + "shop_id, first_name, order_id, created_at, expires_at, revoked_at, shopper_ref) "
                    + "SELECT ?, id, shop_id, ?, ?, ?, ?, ?, ? FROM video WHERE id = ? AND shop_id = ?")) {
                insert.setString(1, link.token().tokenHash());
                insert.setString(2, link.firstName().orElse(null));
                insert.setString(3, link.orderId().orElse(null));
                Sql.setInstant(insert, 4, link.token().createdAt());
                Sql.setInstant(insert, 5, link.token().expiresAt());
                Sql.setInstant(insert, 6, link.token().revokedAt());
                insert.setString(7, shopperRef);
                insert.setString(8, link.video().toString());
                insert.setString(9, link.shop().value());
                if (insert.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no video " + link.video() + " in shop " + link.shop());
                }
                return null;
            }
        });
    }

    /**
     * The link for a token as presented in a URL; check it with {@code link.token().checkAt(now)}.
     *
     * @param presented anything, null included
     * @return empty when the token is malformed or unknown
     */
    public Optional<VideoLink> findByToken(String presented) {
        Optional<String> hash = LinkTokens.hashOf(presented);
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT token_hash, video_id, shop_id, first_name, "
                    + "order_id, created_at, expires_at, revoked_at FROM video_link WHERE token_hash = ?")) {
                select.setString(1, hash.get());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Revokes the link from {@code at} on; revoking again keeps the first time.
     *
     * @return false when the shop has no such link
     */
    public boolean revoke(ShopId shop, String tokenHash, Instant at) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE video_link SET revoked_at = "
                    + "COALESCE(revoked_at, ?) WHERE shop_id = ? AND token_hash = ?")) {
                Sql.setInstant(update, 1, at);
                update.setString(2, shop.value());
                update.setString(3, tokenHash);
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Deletes the links (and their view events) of these orders: Shopify {@code customers/redact}.
     *
     * @return how many links were deleted
     */
    public int deleteForOrders(ShopId shop, Collection<String> orderIds) {
        return transactions.inTransaction(c -> {
            int deleted = 0;
            for (String orderId : orderIds) {
                try (PreparedStatement events = c.prepareStatement("DELETE FROM video_view_event WHERE shop_id = ? "
                        + "AND token_hash IN (SELECT token_hash FROM video_link WHERE shop_id = ? AND order_id = ?)");
                     PreparedStatement links = c.prepareStatement(
                             "DELETE FROM video_link WHERE shop_id = ? AND order_id = ?")) {
                    events.setString(1, shop.value());
                    events.setString(2, shop.value());
                    events.setString(3, orderId);
                    events.executeUpdate();
                    links.setString(1, shop.value());
                    links.setString(2, orderId);
                    deleted += links.executeUpdate();
                }
            }
            return deleted;
        });
    }

    /** How many links and view events {@link #deleteForShopper} deleted. */
    public record Deleted(int links, int events) {
    }

    /**
     * Deletes the links made for this shopper or for these orders, and their view events: an erasure request.
     */
    public Deleted deleteForShopper(ShopId shop, String shopperRef, Collection<String> orderIds) {
        return transactions.inTransaction(c -> {
            int links = 0;
            int events = 0;
            String byShopper = "shop_id = ? AND shopper_ref = ?";
            events += deleteEvents(c, byShopper, shop, shopperRef);
            links += deleteLinks(c, byShopper, shop, shopperRef);
            for (String orderId : orderIds) {
                String byOrder = "shop_id = ? AND order_id = ?";
                events += deleteEvents(c, byOrder, shop, orderId);
                links += deleteLinks(c, byOrder, shop, orderId);
            }
            return new Deleted(links, events);
        });
    }

    private static int deleteEvents(java.sql.Connection c, String where, ShopId shop, String value)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM video_view_event WHERE shop_id = ? "
                + "AND token_hash IN (SELECT token_hash FROM video_link WHERE " + where + ")")) {
            delete.setString(1, shop.value());
            delete.setString(2, shop.value());
            delete.setString(3, value);
            return delete.executeUpdate();
        }
    }

    private static int deleteLinks(java.sql.Connection c, String where, ShopId shop, String value)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM video_link WHERE " + where)) {
            delete.setString(1, shop.value());
            delete.setString(2, value);
            return delete.executeUpdate();
        }
    }

    private static VideoLink read(ResultSet row) throws SQLException {
        LinkToken token = new LinkToken(row.getString("token_hash"), Sql.getInstant(row, "created_at"),
                Sql.getInstant(row, "expires_at"), Sql.getInstant(row, "revoked_at"));
        return new VideoLink(token, new VideoId(java.util.UUID.fromString(row.getString("video_id"))),
                new ShopId(row.getString("shop_id")), Optional.ofNullable(row.getString("first_name")),
                Optional.ofNullable(row.getString("order_id")));
    }
}
