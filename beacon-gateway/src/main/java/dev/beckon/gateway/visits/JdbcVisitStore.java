package dev.beckon.gateway.visits;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.VisitStarted;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.event.ZoneExited;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.pairing.PairingStorageException;
import dev.beckon.gateway.pairing.Transactions;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Recorded visits in the gateway's tables {@code gateway_visit} and {@code gateway_visit_event}: written from the
 * proximity events ({@link #recordAll}, normally through a {@link VisitRecorder}), read per store page by page, and
 * purged after the retention period.
 *
 * <p>Times are stored to the microsecond (PostgreSQL's precision). Thread-safe: each call is one transaction on
 * its own connection, and blocks on the database. Database failures are {@link PairingStorageException}s; a
 * cursor this store did not hand out is an {@link InvalidCursorException}.
 */
public final class JdbcVisitStore {

    /** The largest page {@link #visits} returns. */
    public static final int MAX_PAGE = 200;
    private static final int PURGE_BATCH = 500;

    private final Transactions transactions;

    /** @param dataSource migrated with {@code GatewaySchema.migrate}; never null */
    public JdbcVisitStore(DataSource dataSource) {
        this.transactions = new Transactions(Objects.requireNonNull(dataSource, "dataSource"), "visit");
    }

    /**
     * Records events in one transaction, in order. A {@code VisitStarted} opens the visit; any other event of a
     * visit not yet recorded opens it at that event's time (e.g. events from before an upgrade); a
     * {@code VisitEnded} closes it.
     *
     * @param shop   the shop of every event; never null
     * @param events never null
     */
    public void recordAll(ShopId shop, List<ProximityEvent> events) {
        Objects.requireNonNull(shop, "shop");
        if (events.isEmpty()) {
            return;
        }
        transactions.inTransaction(connection -> {
            try (PreparedStatement touch = connection.prepareStatement("UPDATE gateway_visit SET last_event_at = ?,"
                    + " ended_at = COALESCE(?, ended_at) WHERE shop_id = ? AND visit_id = ?");
                 PreparedStatement open = connection.prepareStatement("INSERT INTO gateway_visit (shop_id, store_id,"
                         + " visit_id, device_id, started_at, ended_at, last_event_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement event = connection.prepareStatement("INSERT INTO gateway_visit_event (shop_id,"
                         + " visit_id, type, zone_id, occurred_at, dwell_s) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (ProximityEvent each : events) {
                    OffsetDateTime at = time(each.occurredAt());
                    OffsetDateTime ended = each instanceof VisitEnded ? at : null;
                    touch.setObject(1, at);
                    touch.setObject(2, ended, Types.TIMESTAMP_WITH_TIMEZONE);
                    touch.setString(3, shop.value());
                    touch.setString(4, each.visit().value());
                    if (touch.executeUpdate() == 0) {
                        Instant started = each instanceof VisitEnded end ? end.startedAt() : each.occurredAt();
                        open.setString(1, shop.value());
                        open.setString(2, each.store().value());
                        open.setString(3, each.visit().value());
                        open.setString(4, each.device().value());
                        open.setObject(5, time(started));
                        open.setObject(6, ended, Types.TIMESTAMP_WITH_TIMEZONE);
                        open.setObject(7, at);
                        open.executeUpdate();
                    }
                    event.setString(1, shop.value());
                    event.setString(2, each.visit().value());
                    event.setString(3, each.getClass().getSimpleName());
                    event.setString(4, zone(each));
                    event.setObject(5, at);
                    Duration dwell = each instanceof ZoneDwelled dwelled ? dwelled.dwell() : null;
                    event.setObject(6, dwell == null ? null : dwell.toSeconds(), Types.BIGINT);
                    event.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * A store's visits, newest first (by start), with their events.
     *
     * @param limit  1..{@value #MAX_PAGE}
     * @param cursor null for the first page, else a previous page's {@link VisitPage#nextCursor()}
     * @throws IllegalArgumentException for a limit out of range
     * @throws InvalidCursorException   for a cursor this store did not hand out
     */
    public VisitPage visits(ShopId shop, StoreId store, int limit, String cursor) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(store, "store");
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", got " + limit);
        }
        Cursor after = cursor == null ? null : Cursor.parse(cursor);
        return transactions.inTransaction(connection -> {
            String sql = "SELECT store_id, visit_id, device_id, shopper_id, started_at, ended_at FROM gateway_visit"
                    + " WHERE shop_id = ? AND store_id = ?"
                    + (after == null ? "" : " AND (started_at < ? OR (started_at = ? AND visit_id < ?))")
                    + " ORDER BY started_at DESC, visit_id DESC LIMIT ?";
            List<Visit> visits = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int index = 1;
                select.setString(index++, shop.value());
                select.setString(index++, store.value());
                if (after != null) {
                    select.setObject(index++, time(after.startedAt()));
                    select.setObject(index++, time(after.startedAt()));
                    select.setString(index++, after.visit());
                }
                select.setInt(index, limit + 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        visits.add(visit(shop, rows, List.of()));
                    }
                }
            }
            boolean more = visits.size() > limit;
            List<Visit> page = withEvents(connection, shop, more ? visits.subList(0, limit) : visits);
            Visit last = page.isEmpty() ? null : page.get(page.size() - 1);
            return new VisitPage(page, more ? new Cursor(last.startedAt(), last.visit().value()).text() : null);
        });
    }

    /** One visit of a shop with its events. */
    public Optional<Visit> visit(ShopId shop, VisitId visit) {
        return transactions.inTransaction(connection -> {
            List<Visit> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT store_id, visit_id, device_id,"
                    + " shopper_id, started_at, ended_at FROM gateway_visit WHERE shop_id = ? AND visit_id = ?")) {
                select.setString(1, shop.value());
                select.setString(2, visit.value());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(visit(shop, rows, List.of()));
                    }
                }
            }
            return withEvents(connection, shop, found).stream().findFirst();
        });
    }

    /**
     * Links a device's recorded visits to a shopper (e.g. when the app install signs in), so the visit API can
     * show the shopper and the retention rule can keep a consenting customer's visits.
     *
     * @return how many visits were linked
     */
    public int linkShopper(ShopId shop, DeviceId device, String shopperId) {
        if (shopperId == null || shopperId.isBlank() || shopperId.length() > 255) {
            throw new IllegalArgumentException("a shopper id is 1-255 characters");
        }
        return transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE gateway_visit SET shopper_id = ? WHERE shop_id = ? AND device_id = ?")) {
                update.setString(1, shopperId);
                update.setString(2, shop.value());
                update.setString(3, device.value());
                return update.executeUpdate();
            }
        });
    }

    /**
     * Links the device's visits to one store of the shop to a shopper, as {@link #linkShopper(ShopId, DeviceId,
     * String)} does for every store.
     *
     * @return how many visits were linked (0 when the device has no recorded visit there)
     * @throws IllegalArgumentException for a blank shopper id or one over 255 characters
     */
    public int linkShopper(ShopId shop, StoreId store, DeviceId device, String shopperId) {
        Objects.requireNonNull(store, "store");
        if (shopperId == null || shopperId.isBlank() || shopperId.length() > 255) {
            throw new IllegalArgumentException("a shopper id is 1-255 characters");
        }
        return transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE gateway_visit SET shopper_id = ? WHERE shop_id = ? AND store_id = ? AND device_id = ?")) {
                update.setString(1, shopperId);
                update.setString(2, shop.value());
                update.setString(3, store.value());
                update.setString(4, device.value());
                return update.executeUpdate();
            }
        });
    }

    /**
     * The retention rule: deletes every visit (and its events) whose last event is before {@code cutoff} (an
     * ended visit's last event is its end; an open visit that went silent counts from its last event), unless
     * {@code keep} says its owner is kept (a consenting customer). Works in batches of {@value #PURGE_BATCH}, each
     * its own transaction.
     *
     * @param keep asked once per expired visit; never null
     * @return how many visits were deleted
     */
    public int purgeVisitsEndedBefore(Instant cutoff, Predicate<VisitOwner> keep) {
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(keep, "keep");
        int deleted = 0;
        String afterShop = "";
        String afterVisit = "";
        while (true) {
            List<String[]> batch = expired(cutoff, afterShop, afterVisit);
            if (batch.isEmpty()) {
                return deleted;
            }
            List<String[]> doomed = batch.stream().filter(row -> !keep.test(new VisitOwner(ShopId.of(row[0]),
                    DeviceId.of(row[2]), row[3]))).toList();
            deleted += delete(doomed);
            String[] last = batch.get(batch.size() - 1);
            afterShop = last[0];
            afterVisit = last[1];
        }
    }

    private List<String[]> expired(Instant cutoff, String afterShop, String afterVisit) {
        return transactions.inTransaction(connection -> {
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT shop_id, visit_id, device_id,"
                    + " shopper_id FROM gateway_visit WHERE last_event_at < ?"
                    + " AND (shop_id > ? OR (shop_id = ? AND visit_id > ?)) ORDER BY shop_id, visit_id LIMIT ?")) {
                select.setObject(1, time(cutoff));
                select.setString(2, afterShop);
                select.setString(3, afterShop);
                select.setString(4, afterVisit);
                select.setInt(5, PURGE_BATCH);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(new String[] {result.getString(1), result.getString(2), result.getString(3),
                                result.getString(4)});
                    }
                }
            }
            return rows;
        });
    }

    private int delete(List<String[]> visits) {
        if (visits.isEmpty()) {
            return 0;
        }
        return transactions.inTransaction(connection -> {
            try (PreparedStatement events = connection.prepareStatement(
                    "DELETE FROM gateway_visit_event WHERE shop_id = ? AND visit_id = ?");
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM gateway_visit WHERE shop_id = ? AND visit_id = ?")) {
                int count = 0;
                for (String[] visit : visits) {
                    events.setString(1, visit[0]);
                    events.setString(2, visit[1]);
                    events.executeUpdate();
                    delete.setString(1, visit[0]);
                    delete.setString(2, visit[1]);
                    count += delete.executeUpdate();
                }
                return count;
            }
        });
    }

    private List<Visit> withEvents(Connection connection, ShopId shop, List<Visit> visits) throws SQLException {
        if (visits.isEmpty()) {
            return List.of();
        }
        Map<String, List<RecordedEvent>> byVisit = new LinkedHashMap<>();
        visits.forEach(visit -> byVisit.put(visit.visit().value(), new ArrayList<>()));
        String marks = String.join(", ", visits.stream().map(visit -> "?").toList());
        try (PreparedStatement select = connection.prepareStatement("SELECT visit_id, type, zone_id, occurred_at,"
                + " dwell_s FROM gateway_visit_event WHERE shop_id = ? AND visit_id IN (" + marks + ")"
                + " ORDER BY occurred_at, event_id")) {
            select.setString(1, shop.value());
            for (int i = 0; i < visits.size(); i++) {
                select.setString(i + 2, visits.get(i).visit().value());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String zone = rows.getString(3);
                    long dwell = rows.getLong(5);
                    Duration mark = rows.wasNull() ? null : Duration.ofSeconds(dwell);
                    byVisit.get(rows.getString(1)).add(new RecordedEvent(rows.getString(2),
                            zone == null ? null : StoreZoneId.of(zone), instant(rows, 4), mark));
                }
            }
        }
        return visits.stream().map(visit -> new Visit(visit.shop(), visit.store(), visit.visit(), visit.device(),
                visit.shopperId(), visit.startedAt(), visit.endedAt(), byVisit.get(visit.visit().value()))).toList();
    }

    private static Visit visit(ShopId shop, ResultSet row, List<RecordedEvent> events) throws SQLException {
        return new Visit(shop, StoreId.of(row.getString(1)), VisitId.of(row.getString(2)),
                DeviceId.of(row.getString(3)), row.getString(4), instant(row, 5), instant(row, 6), events);
    }

    private static Instant instant(ResultSet row, int index) throws SQLException {
        OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static String zone(ProximityEvent event) {
        if (event instanceof ZoneEntered entered) {
            return entered.zone().value();
        }
        if (event instanceof ZoneDwelled dwelled) {
            return dwelled.zone().value();
        }
        if (event instanceof ZoneExited exited) {
            return exited.zone().value();
        }
        if (event instanceof VisitStarted || event instanceof VisitEnded) {
            return null;
        }
        throw new IllegalArgumentException("unknown proximity event " + event);
    }

    /** Where a page ended: the last visit's start and id, as base64url text. */
    private record Cursor(Instant startedAt, String visit) {

        String text() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((startedAt.truncatedTo(ChronoUnit.MICROS)
                    + "|" + visit).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int bar = decoded.indexOf('|');
                if (bar < 0 || bar == decoded.length() - 1) {
                    throw new InvalidCursorException(text);
                }
                return new Cursor(Instant.parse(decoded.substring(0, bar)), decoded.substring(bar + 1));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw e instanceof InvalidCursorException invalid ? invalid : new InvalidCursorException(text);
            }
        }
    }
}
