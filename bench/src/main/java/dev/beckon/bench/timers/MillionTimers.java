package dev.beckon.bench.timers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.EventId;
import dev.beckon.api.model.LineItem;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.ProductId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.Shopper;
import dev.beckon.engine.EngineSettings;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.channels.sms.TwilioSettings;
import dev.beckon.engine.channels.sms.TwilioSmsChannel;
import dev.beckon.engine.offers.DiscountCodes;
import dev.beckon.engine.scheduler.TimerLateness;
import dev.beckon.engine.timezones.ShopperTimeZones;
import dev.beckon.engine.videos.VideoRequests;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Issue 4's speed target: a million pending timers in PostgreSQL, then fire them.
 *
 * <p><b>Set-up.</b> A fresh schema gets the engine's migrations. One real abandoned-checkout run is created by the
 * engine itself from a {@code CheckoutUpdated} event (a shopper with SMS marketing consent), so its rows (the run
 * with its JSON state, its keys, its timer and its scheduled SMS) are exactly what the engine writes. Those rows are
 * then copied {@code count - 1} times with {@code INSERT ... SELECT ... generate_series} in the database, replacing
 * the run's identifiers (run, timer and message ids, checkout token, customer id, email, phone, shop) in every text
 * column, so every run has its own shopper and a distinct phone number. Phones are taken from a country where it is
 * daytime now, so quiet hours let them through (checked before the run).
 *
 * <p><b>Firing.</b> All timers are made due at one instant (or in a ramp of {@code ramp} timers per second), then
 * the engine is driven as the suite's {@code Bootstrap} does: a worker on a fixed delay of {@code poll}, running
 * {@link ProactiveEngine#runOnce()} passes while there is work (or at most {@code passes}) per tick of {@code batch} items each, on a HikariCP
 * pool of the suite's default size, sending through the real {@link TwilioSmsChannel} to a local Twilio stand-in
 * ({@link TwilioStandIn}).
 *
 * <p><b>Reported.</b> Messages per second from due to the outbox ({@code queued}) and to provider-accepted
 * ({@code sent}), fire lateness p50/p99 over every message (from the rows: cleared or sent time minus the timer's
 * due time) and the engine's own {@link TimerLateness} window, and heap used after a full GC while 100 %, 50 % and
 * 0 % of the timers are pending.
 *
 * <p>Arguments are {@code key=value}: {@code count} (1000000), {@code url}
 * ({@code jdbc:postgresql://127.0.0.1:5432/test}), {@code user} (postgres), {@code shops} (100), {@code ramp}
 * (timers per second, 0 = all due together), {@code passes} (0: until idle, as the suite's Bootstrap now does; its
 * cap was 20), {@code batch} (50), {@code poll} (PT1S),
 * {@code workers} (2, the suite's default; the first also drains stored events), {@code concurrency} (16: provider calls in flight), {@code pool} (10), {@code keep} (false: drop the schema at the end), {@code chunk} (200000
 * rows per insert statement), {@code stall} (PT60S without progress ends the run), {@code for} (PT24H: stop firing
 * after this long and report over what fired).
 */
public final class MillionTimers {

    private static final String SCHEMA = "bench_timers";
    private static final String RUN_PREFIX = "00000000-0000-4000-a000-";
    private static final String TIMER_PREFIX = "00000000-0000-4000-8000-";
    private static final String MESSAGE_PREFIX = "00000000-0000-4000-9000-";

    private final Map<String, String> args;
    private final int count;
    private final int shops;
    private final double ramp;
    private final Instant started = Instant.now();

    private MillionTimers(Map<String, String> args) {
        this.args = args;
        this.count = Integer.parseInt(args.getOrDefault("count", "1000000"));
        this.shops = Integer.parseInt(args.getOrDefault("shops", "100"));
        this.ramp = Double.parseDouble(args.getOrDefault("ramp", "0"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are key=value, got " + arg);
            }
            args.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        new MillionTimers(args).run();
    }

    private void run() throws Exception {
        Phones phones = Phones.forDaytime(Instant.now());
        log("load %s; %d timers over %d shops, phones %s (%s), ramp %s", loadAverage(), count, shops, phones.sample(0),
                phones.zone, ramp == 0 ? "none: all due together" : ramp + "/s");
        phones.checkDaytime(Instant.now(), Duration.ofHours(2));
        try (TwilioStandIn twilio = TwilioStandIn.start();
             HikariDataSource db = pool()) {
            resetSchema(db);
            ProactiveEngine.migrate(db);
            Instant seedStart = Instant.now();
            Template template = template(db, phones);
            copy(db, template, phones);
            analyze(db);
            Duration seeding = Duration.between(seedStart, Instant.now());
            log("seeded %d pending timers in %s: %s", count, seeding, tableSizes(db));
            Instant due = Instant.now().plusSeconds(2);
            setDueTimes(db, due);
            fire(db, twilio, due, seeding);
            if (!Boolean.parseBoolean(args.getOrDefault("keep", "false"))) {
                try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
                }
            }
        }
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("beckon-bench");
        config.setJdbcUrl(args.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/test"));
        config.setUsername(args.getOrDefault("user", "postgres"));
        config.setSchema(SCHEMA);
        config.setMaximumPoolSize(Integer.parseInt(args.getOrDefault("pool", "10")));
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    private static void resetSchema(HikariDataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    /** The identifiers of the one run the engine made, which the copies replace. */
    private record Template(String runId, String timerId, String messageId, String token, String customer,
                            String email, String phone, String shop) {
    }

    /** Lets the engine create one real abandoned-checkout run, then gives its rows sequence number 0. */
    private Template template(HikariDataSource db, Phones phones) throws SQLException {
        String token = token(0);
        String customer = customer(0);
        String email = email(0);
        String phone = phones.sample(0);
        ShopId shop = ShopId.of(shop(0));
        Instant now = Instant.now();
        Shopper shopper = new Shopper(CustomerId.of(customer), "Ann", "Lee", email, phone,
                List.of(Consent.marketing(ChannelType.SMS, Consent.State.SUBSCRIBED, "shopify:checkout", now)));
        CheckoutUpdated checkout = new CheckoutUpdated(CheckoutId.of(token), "cart-" + token, shopper,
                List.of(new LineItem(ProductId.of("632910392"), "808950810", "IPOD2008PINK", "IPod Nano - 8GB", 1,
                        Money.of("199.00", "USD"))),
                Money.of("421.88", "USD"), URI.create("https://" + shop.value() + ".example/checkouts/" + token
                + "/recover?key=k"), now, null);
        ProactiveEngine engine = new ProactiveEngine(db, EngineSettings.defaults(), List.of(), Clock.systemUTC());
        engine.accept(List.of(new EventEnvelope(EventId.random(), shop, "shopify", "checkouts/update", now, now,
                "checkouts/update:" + token, checkout)));
        while (engine.runOnce() > 0) {
            // process the event
        }
        try (Connection c = db.getConnection()) {
            String runId = one(c, "SELECT id FROM journey_run");
            String timerId = one(c, "SELECT id FROM timer WHERE run_id = '" + runId + "'");
            String messageId = one(c, "SELECT id FROM message WHERE run_id = '" + runId + "' AND state = 'scheduled'");
            try (Statement s = c.createStatement()) {
                // the copies need ids that carry their sequence number; the template is number 0
                s.executeUpdate("UPDATE timer SET id = '" + TIMER_PREFIX + seq(0) + "'");
                s.executeUpdate("UPDATE message SET id = '" + MESSAGE_PREFIX + seq(0) + "'");
                s.execute("DELETE FROM inbox_event");
            }
            log("template run %s: %s", runId, rowsReferencing(c, runId));
            return new Template(runId, TIMER_PREFIX + seq(0), MESSAGE_PREFIX + seq(0), token, customer, email, phone,
                    shop.value());
        }
    }

    /** Copies the template's rows in every table that holds them, chunk by chunk. */
    private void copy(HikariDataSource db, Template t, Phones phones) throws SQLException {
        int chunk = Integer.parseInt(args.getOrDefault("chunk", "200000"));
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("journey_run", "id");
        tables.put("journey_run_trigger", "run_id");
        tables.put("journey_run_key", "run_id");
        tables.put("message", "run_id");
        tables.put("timer", "run_id");
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            for (Map.Entry<String, String> table : tables.entrySet()) {
                String sql = copySql(c, table.getKey(), table.getValue(), t, phones);
                Instant start = Instant.now();
                for (int from = 1; from < count; from += chunk) {
                    int to = Math.min(count - 1, from + chunk - 1);
                    try (PreparedStatement insert = c.prepareStatement(sql)) {
                        insert.setInt(1, from);
                        insert.setInt(2, to);
                        insert.executeUpdate();
                    }
                }
                log("  %s copied in %s", table.getKey(), Duration.between(start, Instant.now()));
            }
        }
    }

    private String copySql(Connection c, String table, String runColumn, Template t, Phones phones)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position""")) {
            select.setString(1, SCHEMA);
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String column = rows.getString(1);
                    String type = rows.getString(2);
                    columns.add(column);
                    values.add(type.contains("char") || type.equals("text") ? replaced(column, t, phones)
                            : "tpl." + column);
                }
            }
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                + " FROM " + table + " tpl CROSS JOIN generate_series(?, ?) AS g(seq) WHERE tpl." + runColumn
                + " = '" + t.runId() + "'";
    }

    /** The column with every identifier of the template replaced by copy {@code g.seq}'s. */
    private String replaced(String column, Template t, Phones phones) {
        String seq = "lpad(g.seq::text, 12, '0')";
        String expression = "tpl." + column;
        Map<String, String> swaps = new LinkedHashMap<>();
        swaps.put(t.runId(), "'" + RUN_PREFIX + "' || " + seq);
        swaps.put(t.timerId(), "'" + TIMER_PREFIX + "' || " + seq);
        swaps.put(t.messageId(), "'" + MESSAGE_PREFIX + "' || " + seq);
        swaps.put(t.token(), "'bchk' || lpad(g.seq::text, 9, '0')");
        swaps.put(t.customer(), "'71' || lpad(g.seq::text, 16, '0')");
        swaps.put(t.email(), "'shopper' || lpad(g.seq::text, 9, '0') || '@example.com'");
        swaps.put(t.phone(), phones.sql("g.seq"));
        swaps.put(t.shop(), "'bench-shop-' || lpad((g.seq % " + shops + ")::text, 4, '0')");
        for (Map.Entry<String, String> swap : swaps.entrySet()) {
            expression = "replace(" + expression + ", '" + swap.getKey() + "', " + swap.getValue() + ")";
        }
        return expression;
    }

    private static String token(int seq) {
        return "bchk" + String.format("%09d", seq);
    }

    private static String customer(int seq) {
        return "71" + String.format("%016d", seq);
    }

    private static String email(int seq) {
        return "shopper" + String.format("%09d", seq) + "@example.com";
    }

    private String shop(int seq) {
        return "bench-shop-" + String.format("%04d", seq % shops);
    }

    private static String seq(int seq) {
        return String.format("%012d", seq);
    }

    private static void analyze(HikariDataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM ANALYZE");
        }
    }

    /** All timers due at {@code due}, or one every {@code 1/ramp} seconds from {@code due} in sequence order. */
    private void setDueTimes(HikariDataSource db, Instant due) throws SQLException {
        Instant start = Instant.now();
        try (Connection c = db.getConnection(); PreparedStatement update = c.prepareStatement(ramp == 0
                ? "UPDATE timer SET due_at = ?"
                : "UPDATE timer SET due_at = ? + (right(id, 12)::bigint / " + ramp + "::float8) * interval '1 second'")) {
            c.setAutoCommit(true);
            update.setObject(1, OffsetDateTime.ofInstant(due, ZoneOffset.UTC));
            update.executeUpdate();
        }
        analyze(db);
        log("due times set in %s; first due at %s", Duration.between(start, Instant.now()), due);
    }

    private void fire(HikariDataSource db, TwilioStandIn twilio, Instant due, Duration seeding) throws Exception {
        EngineSettings settings = EngineSettings.from(Map.of(
                "beckon.engine.poll-interval", args.getOrDefault("poll", "PT1S"),
                "beckon.engine.batch-size", args.getOrDefault("batch", "50"),
                "beckon.engine.workers", args.getOrDefault("workers", "2"),
                "beckon.outbox.concurrency", args.getOrDefault("concurrency", "16")));
        int passes = Integer.parseInt(args.getOrDefault("passes", "0"));
        int workers = settings.workers();
        Duration stall = Duration.parse(args.getOrDefault("stall", "PT60S"));
        Duration limit = Duration.parse(args.getOrDefault("for", "PT24H"));
        TwilioSmsChannel sms = new TwilioSmsChannel(new TwilioSettings(twilio.baseUrl(), "ACbench", "bench-token",
                "+15005550006", Duration.ofSeconds(10)));
        // as the suite's EngineProducer builds it: provider calls on beckon.outbox.concurrency threads
        ProactiveEngine engine = new ProactiveEngine(db, settings, List.of(sms), Clock.systemUTC(),
                DiscountCodes.NONE, VideoRequests.NONE, Executors.defaultThreadFactory());
        Heap heap = new Heap();
        heap.sample("pending 100 % (before firing)", count);
        while (Instant.now().isBefore(due)) {
            Thread.sleep(Duration.between(Instant.now(), due).toMillis() + 1);
        }
        ScheduledExecutorService loop = Executors.newScheduledThreadPool(workers);
        long interval = settings.pollInterval().toMillis();
        AtomicBoolean stopping = new AtomicBoolean();
        for (int w = 0; w < workers; w++) {
            // the suite's Bootstrap.tick: passes while there is work (at most `passes`; 0 = until idle, as the suite
            // does now), then wait for the next tick; the first worker also handles stored events
            IntSupplier pass = w == 0 ? engine::runOnce : engine::fireAndSendOnce;
            loop.scheduleWithFixedDelay(() -> {
                try {
                    for (int i = 0; (passes == 0 || i < passes) && !stopping.get() && pass.getAsInt() > 0; i++) {
                        // drain what is due
                    }
                } catch (RuntimeException e) {
                    log("engine pass failed: %s", e);
                }
            }, 0, interval, TimeUnit.MILLISECONDS);
        }
        long lastProgress = System.nanoTime();
        long lastSeen = -1;
        boolean halfSampled = false;
        List<String> progress = new ArrayList<>();
        long tick = 0;
        Cpu warm = null; // after the first 30 s (the JIT has compiled the hot path): the steady-state window starts
        long warmAccepted = 0;
        while (true) {
            Thread.sleep(1000);
            tick++;
            long fired = engine.timerLateness().count();
            long accepted = twilio.accepted();
            if (tick == 30) {
                warm = Cpu.now();
                warmAccepted = accepted;
            }
            if (fired + accepted != lastSeen) {
                lastSeen = fired + accepted;
                lastProgress = System.nanoTime();
            }
            if (!halfSampled && fired >= count / 2) {
                halfSampled = true;
                heap.sample("pending 50 % (firing)", count - fired);
            }
            if (tick % 10 == 0) {
                String line = String.format(Locale.ROOT, "t=%ds fired=%d accepted=%d heapUsed=%dMB load=%s", tick,
                        fired, accepted, heap.usedNow() >> 20, loadAverage());
                progress.add(line);
                log("%s", line);
            }
            if (accepted >= count || Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(stall) > 0
                    || Duration.between(due, Instant.now()).compareTo(limit) > 0) {
                break;
            }
        }
        if (warm != null) {
            Cpu end = Cpu.now();
            long sent = twilio.accepted() - warmAccepted;
            double seconds = (end.nanos() - warm.nanos()) / 1e9;
            double machine = (end.machineTicks() - warm.machineTicks()) / Cpu.TICKS_PER_SECOND;
            double jvm = (end.jvmNanos() - warm.jvmNanos()) / 1e9;
            log("steady state (from t=30s to the end, %.0f s): %d messages to the provider, %.0f msg/s; CPU busy %.2f"
                            + " of %d cores, of which this JVM (engine + provider stand-in) %.2f and the rest"
                            + " (PostgreSQL, other processes) %.2f; per message %.2f ms CPU (JVM %.2f ms)", seconds, sent,
                    sent / seconds, machine / seconds, Runtime.getRuntime().availableProcessors(), jvm / seconds,
                    (machine - jvm) / seconds, sent == 0 ? 0 : machine * 1000 / sent, sent == 0 ? 0 : jvm * 1000 / sent);
        }
        long pendingLeft = countRows(db, "SELECT count(*) FROM timer WHERE due_at <= now()");
        heap.sample(pendingLeft == 0 ? "pending 0 % (all fired)" : "at the end (stopped by `for`)", pendingLeft);
        stopping.set(true);
        loop.shutdown();
        engine.close();
        loop.awaitTermination(1, TimeUnit.MINUTES);
        report(db, engine, twilio, heap, due, seeding, pendingLeft);
    }

    private void report(HikariDataSource db, ProactiveEngine engine, TwilioStandIn twilio, Heap heap, Instant due,
                        Duration seeding, long pendingLeft) throws SQLException {
        String dueOf = ramp == 0 ? "?::timestamptz"
                : "(?::timestamptz + (right(id, 12)::bigint / " + ramp + "::float8) * interval '1 second')";
        String sql = "SELECT state, count(*), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM cleared_at - " + dueOf + ")), "
                + "percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM cleared_at - " + dueOf + ")), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - " + dueOf + ")), "
                + "percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - " + dueOf + ")), "
                + "extract(epoch FROM max(cleared_at) - ?::timestamptz), extract(epoch FROM max(sent_at) - ?::timestamptz) "
                + "FROM message GROUP BY state ORDER BY state";
        log("---- results (%s, load %s) ----", Instant.now(), loadAverage());
        log("set-up: %d pending timers seeded in %s", count, seeding);
        try (Connection c = db.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 1; i <= 6; i++) {
                select.setObject(i, OffsetDateTime.ofInstant(due, ZoneOffset.UTC));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long n = rows.getLong(2);
                    double toOutbox = rows.getDouble(7);
                    double toProvider = rows.getDouble(8);
                    log("messages %-9s %8d | due->outbox p50 %.1f s p99 %.1f s, %.0f msg/s | due->provider p50 %.1f s"
                                    + " p99 %.1f s, %.0f msg/s", rows.getString(1), n, rows.getDouble(3),
                            rows.getDouble(4), toOutbox > 0 ? n / toOutbox : 0, rows.getDouble(5), rows.getDouble(6),
                            toProvider > 0 ? n / toProvider : 0);
                }
            }
        }
        TimerLateness.Snapshot lateness = engine.timerLateness();
        log("engine TimerLateness: fired %d, last %s, max %s, p50 %s, p99 %s (window of the last 1024)",
                lateness.count(), lateness.last(), lateness.max(), lateness.p50(), lateness.p99());
        log("provider stand-in accepted %d; due timers left %d (each fired run then waits on its next step, 23 h out)",
                twilio.accepted(), pendingLeft);
        heap.samples().forEach(s -> log("heap after GC, %s", s));
        log("heap used max between samples (no GC): %d MB", heap.maxSeen() >> 20);
    }

    private static String tableSizes(HikariDataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery("""
                SELECT relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid))
                FROM pg_stat_user_tables WHERE schemaname = 'bench_timers' AND n_live_tup > 0 ORDER BY relname""")) {
            StringBuilder out = new StringBuilder();
            while (rows.next()) {
                out.append(rows.getString(1)).append(' ').append(rows.getLong(2)).append(" rows ")
                        .append(rows.getString(3)).append("; ");
            }
            return out.toString();
        }
    }

    private static String rowsReferencing(Connection c, String runId) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String table : List.of("journey_run", "journey_run_trigger", "journey_run_key", "timer", "message", "guardrail_decision",
                "recipient_lock", "address_consent")) {
            String column = table.equals("journey_run") ? "id" : table.equals("recipient_lock")
                    || table.equals("address_consent") ? "1" : "run_id";
            if (table.equals("guardrail_decision")) {
                column = "1";
            }
            String where = column.equals("1") ? "" : " WHERE " + column + " = '" + runId + "'";
            out.append(table).append('=').append(countRows(c, "SELECT count(*) FROM " + table + where)).append(' ');
        }
        return out.toString();
    }

    private static long countRows(HikariDataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection()) {
            return countRows(c, sql);
        }
    }

    private static long countRows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            if (!row.next()) {
                throw new IllegalStateException("the engine did not create the template run: no row for " + sql);
            }
            return row.getString(1);
        }
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).substring(0, 14).strip();
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private void log(String format, Object... values) {
        System.out.printf(Locale.ROOT, "[%6.1fs] %s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0,
                String.format(Locale.ROOT, format, values));
    }

    /**
     * Distinct, valid mobile numbers of a country where it is daytime now, so that quiet hours (08:00–20:00 in the
     * shopper's zone, from her phone number) let the messages through: Japan, Germany or the US west coast.
     */
    private record Phones(String prefix, int digits, String zone) {

        static Phones forDaytime(Instant now) {
            int hour = now.atZone(ZoneOffset.UTC).getHour();
            if (hour < 8) {
                return new Phones("+81901", 7, "Asia/Tokyo");        // 090-1xxx-xxxx
            } else if (hour < 16) {
                return new Phones("+491511", 7, "Europe/Berlin");     // 0151-1xxxxxxx
            }
            return new Phones("+13102", 6, "America/Los_Angeles");  // (310) 2xx-xxxx
        }

        String sample(int seq) {
            return prefix + String.format("%0" + digits + "d", seq);
        }

        String sql(String seq) {
            return "'" + prefix + "' || lpad(" + seq + "::text, " + digits + ", '0')";
        }

        /** Fails unless the numbers resolve to the zone and its local time stays within 09:00–19:00 for a while. */
        void checkDaytime(Instant now, Duration margin) {
            for (int seq : new int[] {0, 499_999, 999_999}) {
                List<ZoneId> zones = new ShopperTimeZones(ZoneOffset.UTC).resolve(null, sample(seq), null).zones();
                if (!zones.equals(List.of(ZoneId.of(zone)))) {
                    throw new IllegalStateException(sample(seq) + " resolves to " + zones + ", not " + zone);
                }
            }
            LocalTime from = now.atZone(ZoneId.of(zone)).toLocalTime();
            LocalTime to = now.plus(margin).atZone(ZoneId.of(zone)).toLocalTime();
            if (from.isBefore(LocalTime.of(8, 0)) || to.isAfter(LocalTime.of(20, 0)) || to.isBefore(from)) {
                System.out.printf("warning: %s is %s..%s: quiet hours may defer messages%n", zone, from, to);
            }
        }
    }

    /** Heap used after a full GC, sampled at moments named by how many timers were pending. */
    private static final class Heap {
        private final List<String> samples = new ArrayList<>();
        private long maxSeen;

        void sample(String moment, long pending) {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            samples.add(String.format(Locale.ROOT, "%s, %d pending: %.1f MB", moment, pending, used / 1048576.0));
        }

        long usedNow() {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            maxSeen = Math.max(maxSeen, used);
            return used;
        }

        long maxSeen() {
            return maxSeen;
        }

        List<String> samples() {
            return samples;
        }
    }

    /** Busy CPU of the whole machine (from /proc/stat, in clock ticks) and of this JVM, at one instant. */
    private record Cpu(long nanos, long machineTicks, long jvmNanos) {

        static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

        static Cpu now() {
            long busy = 0;
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                // cpu user nice system idle iowait irq softirq steal ...: busy = all but idle and iowait
                for (int i = 1; i < f.length && i <= 8; i++) {
                    if (i != 4 && i != 5) {
                        busy += Long.parseLong(f[i]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                busy = -1;
            }
            long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new Cpu(System.nanoTime(), busy, jvm);
        }
    }
}
