package dev.beckon.suite.conversations;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.library.Sql;
import dev.beckon.video.library.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The shop's conversations inbox: what shoppers wrote back. Today one source feeds it, the reply box of the video
 * landing page; each message keeps the link it came through, so the merchant sees whose video and which order it is
 * about. Thread-safe; blocks on the database.
 */
@ApplicationScoped
public class JdbcConversations {

    /** Longest reply kept, in characters. */
    public static final int MAX_LENGTH = 2000;
    /** Replies one link may send: a shopper writes a few lines, a script more. */
    public static final int MAX_PER_LINK = 20;

    /** One message in the inbox. */
    public record Message(String id, String channel, String shopperRef, String firstName, String orderId, String body,
                          Instant receivedAt) {
    }

    @Inject
    DataSource dataSource;

    /**
     * Keeps a landing-page reply.
     *
     * @return false (nothing kept) when the link has sent {@link #MAX_PER_LINK} replies already
     */
    public boolean addVideoReply(ShopId shop, String tokenHash, String body, Instant at) {
        return new Transactions(dataSource).inTransaction(c -> {
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT COUNT(*) FROM suite_video_reply WHERE token_hash = ?")) {
                count.setString(1, tokenHash);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getInt(1) >= MAX_PER_LINK) {
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO suite_video_reply (id, shop_id,"
                    + " token_hash, body, received_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, shop.value());
                insert.setString(3, tokenHash);
                insert.setString(4, body);
                Sql.setInstant(insert, 5, at);
                insert.executeUpdate();
            }
            return true;
        });
    }

    /** The shop's messages, newest first. */
    public List<Message> list(ShopId shop, int limit) {
        return new Transactions(dataSource).inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT r.id, l.shopper_ref, l.first_name,"
                    + " l.order_id, r.body, r.received_at FROM suite_video_reply r"
                    + " JOIN video_link l ON l.token_hash = r.token_hash"
                    + " WHERE r.shop_id = ? ORDER BY r.received_at DESC, r.id LIMIT ?")) {
                select.setString(1, shop.value());
                select.setInt(2, limit);
                List<Message> messages = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        messages.add(new Message(rows.getString(1), "video", rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), Sql.getInstant(rows, "received_at")));
                    }
                }
                return messages;
            }
        });
    }
}
