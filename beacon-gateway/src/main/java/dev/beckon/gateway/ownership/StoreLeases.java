package dev.beckon.gateway.ownership;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.gateway.pairing.PairingStorageException;
import dev.beckon.gateway.pairing.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Store ownership from leases in the shared database ({@code gateway_store_lease}): a store is owned by the instance
 * holding its unexpired lease. Each instance, named by a unique {@code owner} id (the suite uses the gateway's MQTT
 * client id), takes free, expired or released leases, renews its own every {@link StoreLeaseSettings#renew()} for
 * {@link StoreLeaseSettings#ttl()}, and releases them on shutdown, so another instance takes its stores over at its
 * next round instead of after the ttl.
 *
 * <p>{@link #term} answers from memory: a store counts as owned until the expiry this instance last wrote, by its
 * own clock, so an instance that cannot renew (database down, long pause) stops acting on its stores by the time
 * another may take them. Clocks of the instances must agree to well within the ttl. A store asked about but not
 * owned is remembered (at most {@value #MAX_WANTED}) and claimed at the next {@link #renew()} round, at most
 * {@link StoreLeaseSettings#maxClaimsPerRound()} a round; the first instance to claim a free store keeps it until
 * it stops or fails to renew (no rebalancing).
 *
 * <p>A take-over is one atomic {@code UPDATE ... WHERE expires_at <= now} (or an insert that does nothing when the
 * row appeared meanwhile), so of two instances claiming at once exactly one wins. Every take-over increments the
 * store's term.
 *
 * <p>Thread-safe: {@link #term} is lock-free and never touches the database; {@link #renew}, {@link #claim} and
 * {@link #release} block on the database, serialised among themselves, and throw {@link PairingStorageException}
 * when it fails (the leases held stay valid in memory until they expire).
 */
public final class StoreLeases implements StoreOwnership {

    private static final System.Logger LOG = System.getLogger(StoreLeases.class.getName());
    /** Stores seen but not owned, waiting for a claim round; more are not remembered until the next round. */
    static final int MAX_WANTED = 100_000;
    private static final String UNIQUE_VIOLATION = "23505";

    private record Lease(long term, Instant expiresAt) {
    }

    private final Transactions transactions;
    private final Clock clock;
    private final StoreLeaseSettings settings;
    private final String owner;
    private final Map<StoreKey, Lease> owned = new ConcurrentHashMap<>();
    private final Set<StoreKey> wanted = ConcurrentHashMap.newKeySet();
    private boolean released;

    /**
     * @param dataSource the gateway database, migrated; never null
     * @param clock      the gateway's clock; never null
     * @param settings   never null
     * @param owner      this instance's id, unique among the instances sharing the database; never null or blank
     */
    public StoreLeases(DataSource dataSource, Clock clock, StoreLeaseSettings settings, String owner) {
        this.transactions = new Transactions(Objects.requireNonNull(dataSource, "dataSource"), "store lease");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("owner must not be blank");
        }
        this.owner = owner;
    }

    /** The ttl, renew interval and claim bound. */
    public StoreLeaseSettings settings() {
        return settings;
    }

    /** This instance's id in the lease table. */
    public String owner() {
        return owner;
    }

    @Override
    public long term(ShopId shop, StoreId store) {
        StoreKey key = new StoreKey(shop, store);
        Lease lease = owned.get(key);
        if (lease != null && clock.instant().isBefore(lease.expiresAt())) {
            return lease.term();
        }
        if (wanted.size() < MAX_WANTED) {
            wanted.add(key);
        }
        return NOT_OWNED;
    }

    /** Whether this instance owns the store now (from memory). */
    public boolean owns(ShopId shop, StoreId store) {
        Lease lease = owned.get(new StoreKey(shop, store));
        return lease != null && clock.instant().isBefore(lease.expiresAt());
    }

    /** The stores whose lease this instance holds now (from memory). */
    public Set<StoreKey> owned() {
        Instant now = clock.instant();
        Set<StoreKey> stores = new HashSet<>();
        owned.forEach((key, lease) -> {
            if (now.isBefore(lease.expiresAt())) {
                stores.add(key);
            }
        });
        return Set.copyOf(stores);
    }

    /**
     * One round of the renew loop: extends every lease this instance holds by the ttl (dropping from memory those
     * another instance took), then claims the stores asked about since the last round that nobody holds.
     * Does nothing after {@link #release()}.
     */
    public synchronized LeaseRound renew() {
        if (released) {
            return new LeaseRound(0, 0, 0);
        }
        Instant now = clock.instant();
        Instant expiry = now.plus(settings.ttl());
        Map<StoreKey, Long> mine = transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE gateway_store_lease SET expires_at = ? WHERE owner = ?")) {
                update.setObject(1, time(expiry));
                update.setString(2, owner);
                update.executeUpdate();
            }
            Map<StoreKey, Long> rows = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT shop_id, store_id, term FROM gateway_store_lease WHERE owner = ?")) {
                select.setString(1, owner);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.put(new StoreKey(ShopId.of(row.getString(1)), StoreId.of(row.getString(2))),
                                row.getLong(3));
                    }
                }
            }
            return rows;
        });
        int lost = 0;
        for (Map.Entry<StoreKey, Lease> held : owned.entrySet()) {
            Long term = mine.get(held.getKey());
            if (term == null || term != held.getValue().term()) {
                lost++;
                LOG.log(System.Logger.Level.WARNING, "store {0}/{1} was taken over by another instance; {2} no"
                        + " longer runs it", held.getKey().shop(), held.getKey().store(), owner);
            }
        }
        owned.keySet().retainAll(mine.keySet());
        mine.forEach((key, term) -> owned.put(key, new Lease(term, expiry)));
        List<StoreKey> candidates = new ArrayList<>(wanted);
        int claimed = claimLocked(candidates, now);
        return new LeaseRound(owned.size(), claimed, lost);
    }

    /**
     * Claims those of {@code stores} that nobody holds now, at most {@link StoreLeaseSettings#maxClaimsPerRound()};
     * for stores known before the first sighting (the registry's stores at start or after a change), so a single
     * instance does not miss their first sightings. Does nothing after {@link #release()}.
     *
     * @return how many stores were claimed
     */
    public synchronized int claim(Collection<StoreKey> stores) {
        if (released) {
            return 0;
        }
        return claimLocked(new ArrayList<>(stores), clock.instant());
    }

    /**
     * Gives up every lease of this instance at once (expiring them now) so other instances take the stores at their
     * next round; later rounds and claims do nothing. Call it on shutdown, after the ingest worker stopped.
     */
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        owned.clear();
        wanted.clear();
        Instant now = clock.instant();
        int count = transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE gateway_store_lease SET expires_at = ? WHERE owner = ? AND expires_at > ?")) {
                update.setObject(1, time(now));
                update.setString(2, owner);
                update.setObject(3, time(now));
                return update.executeUpdate();
            }
        });
        LOG.log(System.Logger.Level.INFO, "{0} released the leases of {1} stores", owner, count);
    }

    private int claimLocked(List<StoreKey> candidates, Instant now) {
        candidates.removeIf(key -> owned.containsKey(key) && now.isBefore(owned.get(key).expiresAt()));
        if (candidates.isEmpty()) {
            return 0;
        }
        Set<StoreKey> heldByOthers = transactions.inTransaction(connection -> heldByOthers(connection, now));
        int attempts = 0;
        int claimed = 0;
        Instant expiry = now.plus(settings.ttl());
        for (StoreKey key : candidates) {
            if (heldByOthers.contains(key)) {
                wanted.remove(key);
                continue;
            }
            if (attempts++ == settings.maxClaimsPerRound()) {
                break;
            }
            wanted.remove(key);
            OptionalLong term = transactions.inTransaction(connection -> take(connection, key, now, expiry));
            if (term.isPresent()) {
                owned.put(key, new Lease(term.getAsLong(), expiry));
                claimed++;
                LOG.log(System.Logger.Level.INFO, "{0} took store {1}/{2} (term {3})", owner, key.shop(),
                        key.store(), term.getAsLong());
            }
        }
        return claimed;
    }

    private Set<StoreKey> heldByOthers(Connection connection, Instant now) throws SQLException {
        Set<StoreKey> held = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT shop_id, store_id FROM gateway_store_lease WHERE owner <> ? AND expires_at > ?")) {
            select.setString(1, owner);
            select.setObject(2, time(now));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    held.add(new StoreKey(ShopId.of(row.getString(1)), StoreId.of(row.getString(2))));
                }
            }
        }
        return held;
    }

    /** Takes an expired or missing lease atomically; empty when another instance holds it. */
    private OptionalLong take(Connection connection, StoreKey key, Instant now, Instant expiry) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE gateway_store_lease SET owner = ?,"
                + " expires_at = ?, term = term + 1 WHERE shop_id = ? AND store_id = ? AND expires_at <= ?")) {
            update.setString(1, owner);
            update.setObject(2, time(expiry));
            update.setString(3, key.shop().value());
            update.setString(4, key.store().value());
            update.setObject(5, time(now));
            if (update.executeUpdate() == 1) {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT term FROM gateway_store_lease WHERE shop_id = ? AND store_id = ?")) {
                    select.setString(1, key.shop().value());
                    select.setString(2, key.store().value());
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        return OptionalLong.of(row.getLong(1));
                    }
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gateway_store_lease (shop_id,"
                + " store_id, owner, expires_at, term) VALUES (?, ?, ?, ?, 1) ON CONFLICT DO NOTHING")) {
            insert.setString(1, key.shop().value());
            insert.setString(2, key.store().value());
            insert.setString(3, owner);
            insert.setObject(4, time(expiry));
            return insert.executeUpdate() == 1 ? OptionalLong.of(1) : OptionalLong.empty();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return OptionalLong.empty(); // another instance inserted the row first
            }
            throw e;
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
