package dev.beckon.engine.shoppers;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.ShopId;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An address as a shop's frequency cap, consent record and send lock know it: the shop, the channel and the address
 * in {@linkplain ShopperKeys#recipientKey canonical form} (E.164 phone, lower-case email). Ordered, so that a batch
 * takes its recipients' locks in one order on every instance.
 */
public record RecipientKey(ShopId shop, ChannelType channel, String key) implements Comparable<RecipientKey> {

    private static final Comparator<RecipientKey> ORDER = Comparator.comparing((RecipientKey k) -> k.shop().value())
            .thenComparing(RecipientKey::channelColumn).thenComparing(RecipientKey::key);

    public RecipientKey {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(key, "key");
    }

    /** The key of {@code address} on {@code channel}; null if the address is null or blank. */
    public static RecipientKey of(ShopId shop, ChannelType channel, String address) {
        String key = ShopperKeys.recipientKey(channel, address);
        return key == null ? null : new RecipientKey(shop, channel, key);
    }

    /** The key in a row's {@code shop_id}, {@code channel} and {@code recipient_key} columns. */
    public static RecipientKey of(ResultSet row) throws SQLException {
        return new RecipientKey(ShopId.of(row.getString("shop_id")),
                ChannelType.valueOf(row.getString("channel").toUpperCase(Locale.ROOT)), row.getString("recipient_key"));
    }

    /** The channel as the {@code channel} columns store it. */
    public String channelColumn() {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(RecipientKey other) {
        return ORDER.compare(this, other);
    }

    /**
     * Binds the keys to an {@link dev.beckon.engine.persistence.Sql#inList} of {@code size} (shop, channel,
     * address) tuples from {@code from}, repeating the last key to fill it.
     *
     * @return the index after the list
     */
    public static int bind(PreparedStatement statement, int from, List<RecipientKey> keys, int size)
            throws SQLException {
        int i = from;
        for (int n = 0; n < size; n++) {
            RecipientKey key = keys.get(Math.min(n, keys.size() - 1));
            statement.setString(i++, key.shop().value());
            statement.setString(i++, key.channelColumn());
            statement.setString(i++, key.key());
        }
        return i;
    }
}
