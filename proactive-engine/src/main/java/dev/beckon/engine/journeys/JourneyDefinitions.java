package dev.beckon.engine.journeys;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.definitions.BuiltInJourneys;
import dev.beckon.engine.definitions.JourneyDefinition;
import dev.beckon.engine.definitions.JourneyValidationException;
import dev.beckon.engine.definitions.Step;
import dev.beckon.engine.definitions.ValidationError;
import dev.beckon.engine.persistence.ShortLivedCache;
import dev.beckon.engine.persistence.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A shop's journeys: the built-in ones (as the shop edited them, if it did) and its custom ones. Definitions are
 * stored as validated JSON with a version that counts the shop's edits. All methods run inside the caller's
 * transaction. Stateless and thread-safe.
 *
 * <p>The built-in abandoned-checkout journey's first wait is the engine's default delay until the shop saves its
 * own; settings saved before journeys were data ({@code journey_settings}) still apply until then.
 *
 * <p>{@link #find} keeps what it read for {@link #KEPT_FOR} ({@link ShortLivedCache}: every due timer looks its
 * journey up); a save through this instance is seen at once, one through another suite instance within
 * {@link #KEPT_FOR}.
 */
public final class JourneyDefinitions {

    private static final System.Logger LOG = System.getLogger(JourneyDefinitions.class.getName());

    private final BuiltInJourneys builtIns;
    private final Duration defaultAbandonedCheckoutDelay;

    /** How long a journey read by {@link #find} is kept. */
    public static final Duration KEPT_FOR = Duration.ofSeconds(2);

    private record Key(ShopId shop, String journey) {
    }

    private final ShortLivedCache<Key, Optional<JourneyDefinition>> kept = new ShortLivedCache<>(KEPT_FOR, 10_000);

    /** @param defaultAbandonedCheckoutDelay the first wait of the built-in abandoned-checkout journey; positive */
    public JourneyDefinitions(BuiltInJourneys builtIns, Duration defaultAbandonedCheckoutDelay) {
        this.builtIns = Objects.requireNonNull(builtIns, "builtIns");
        this.defaultAbandonedCheckoutDelay = Objects.requireNonNull(defaultAbandonedCheckoutDelay, "delay");
    }

    /** The shop's version of a journey, or the built-in one; empty for an id the shop does not have. */
    /** The journey as the JSON the merchant API shows and takes. */
    public String json(JourneyDefinition journey) {
        return builtIns.codec().write(journey);
    }

    public Optional<JourneyDefinition> find(Connection c, ShopId shop, String id) throws SQLException {
        return kept.get(new Key(shop, id), key -> read(c, shop, id));
    }

    private Optional<JourneyDefinition> read(Connection c, ShopId shop, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT definition FROM journey_definition WHERE shop_id = ? AND journey = ?")) {
            select.setString(1, shop.value());
            select.setString(2, id);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    Optional<JourneyDefinition> stored = parse(shop, id, row.getString(1));
                    if (stored.isPresent()) {
                        return stored;
                    }
                }
            }
        }
        return builtIn(c, shop, id);
    }

    /** Every journey of the shop: the built-in ones in their order, then its custom ones by id. */
    public List<JourneyDefinition> all(Connection c, ShopId shop) throws SQLException {
        Map<String, JourneyDefinition> stored = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT journey, definition FROM journey_definition WHERE shop_id = ? ORDER BY journey")) {
            select.setString(1, shop.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    parse(shop, id, rows.getString(2)).ifPresent(j -> stored.put(id, j));
                }
            }
        }
        List<JourneyDefinition> all = new ArrayList<>();
        for (String id : BuiltInJourneys.IDS) {
            JourneyDefinition own = stored.remove(id);
            all.add(own != null ? own : builtIn(c, shop, id).orElseThrow());
        }
        all.addAll(stored.values());
        return all;
    }

    /**
     * Validates and stores the shop's version of a journey.
     *
     * @param id the id the merchant addressed; the JSON's id must be the same
     * @return the stored journey
     * @throws JourneyValidationException with every problem found (the body of a 400)
     */
    public JourneyDefinition put(Connection c, ShopId shop, String id, String json, Instant now)
            throws JourneyValidationException, SQLException {
        if (json == null || json.isBlank()) {
            throw new JourneyValidationException(List.of(new ValidationError("", "the journey JSON is empty")));
        }
        JourneyDefinition journey = builtIns.codec().read(json);
        if (!journey.id().equals(id)) {
            throw new JourneyValidationException(List.of(new ValidationError("/id",
                    "must be '" + id + "', the id in the address, not '" + journey.id() + "'")));
        }
        store(c, shop, journey, now);
        return journey;
    }

    /** The built-in abandoned-checkout journey's on/off switch and first wait, as the older settings API shows them. */
    public JourneySettings abandonedCheckoutSettings(Connection c, ShopId shop) throws SQLException {
        JourneyDefinition journey = find(c, shop, BuiltInJourneys.ABANDONED_CHECKOUT).orElseThrow();
        return new JourneySettings(journey.id(), journey.enabled(),
                firstWait(journey).map(Step.Wait::duration).orElse(defaultAbandonedCheckoutDelay));
    }

    /** Switches the abandoned-checkout journey on or off and sets its first wait, keeping the rest of it. */
    public void updateAbandonedCheckout(Connection c, ShopId shop, JourneySettings settings, Instant now)
            throws SQLException {
        JourneyDefinition journey = find(c, shop, BuiltInJourneys.ABANDONED_CHECKOUT).orElseThrow();
        store(c, shop, withFirstWait(journey, settings.delay()).withEnabled(settings.enabled()), now);
    }

    private void store(Connection c, ShopId shop, JourneyDefinition journey, Instant now) throws SQLException {
        kept.forget(new Key(shop, journey.id()));
        String json = builtIns.codec().write(journey);
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE journey_definition SET definition = ?, version = version + 1, updated_at = ?
                WHERE shop_id = ? AND journey = ?""")) {
            update.setString(1, json);
            Sql.setInstant(update, 2, now);
            update.setString(3, shop.value());
            update.setString(4, journey.id());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO journey_definition (shop_id, journey, definition, version, updated_at)
                VALUES (?, ?, ?, 1, ?)""")) {
            insert.setString(1, shop.value());
            insert.setString(2, journey.id());
            insert.setString(3, json);
            Sql.setInstant(insert, 4, now);
            insert.executeUpdate();
        }
        LOG.log(System.Logger.Level.INFO, "shop {0}: journey {1} saved", shop, journey.id());
    }

    private Optional<JourneyDefinition> builtIn(Connection c, ShopId shop, String id) throws SQLException {
        Optional<JourneyDefinition> builtIn = builtIns.find(id);
        if (builtIn.isEmpty() || !id.equals(BuiltInJourneys.ABANDONED_CHECKOUT)) {
            return builtIn;
        }
        JourneyDefinition journey = withFirstWait(builtIn.get(), defaultAbandonedCheckoutDelay);
        try (PreparedStatement select = c.prepareStatement(
                "SELECT enabled, delay_seconds FROM journey_settings WHERE shop_id = ? AND journey = ?")) {
            select.setString(1, shop.value());
            select.setString(2, id);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    journey = withFirstWait(journey, Duration.ofSeconds(row.getLong(2))).withEnabled(row.getBoolean(1));
                }
            }
        }
        return Optional.of(journey);
    }

    private Optional<JourneyDefinition> parse(ShopId shop, String id, String json) {
        try {
            return Optional.of(builtIns.codec().read(json));
        } catch (JourneyValidationException e) {
            // Saved under older rules: the built-in (if any) applies until the merchant saves it again.
            LOG.log(System.Logger.Level.WARNING, "shop {0}: stored journey {1} is no longer valid, ignored: {2}",
                    shop, id, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Step.Wait> firstWait(JourneyDefinition journey) {
        return journey.steps().stream().filter(Step.Wait.class::isInstance).map(Step.Wait.class::cast).findFirst();
    }

    private static JourneyDefinition withFirstWait(JourneyDefinition journey, Duration delay) {
        Optional<Step.Wait> first = firstWait(journey);
        if (first.isEmpty()) {
            return journey;
        }
        List<Step> steps = new ArrayList<>(journey.steps());
        Step.Wait wait = first.get();
        steps.set(journey.indexOf(wait.id()), new Step.Wait(wait.id(), delay, wait.untilLocalTime(), wait.next()));
        return new JourneyDefinition(journey.id(), journey.name(), journey.enabled(), journey.trigger(),
                journey.entryConditions(), steps, journey.exitEvents(), journey.goal(), journey.reEntryCooldown(),
                journey.transactional());
    }
}
