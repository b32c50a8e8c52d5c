package dev.beckon.engine;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.model.MessageId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.plugin.PluginRegistry;
import dev.beckon.engine.attribution.AttributionWindows;
import dev.beckon.engine.attribution.JdbcAttribution;
import dev.beckon.engine.attribution.StepStats;
import dev.beckon.engine.decisions.JdbcDecisionLog;
import dev.beckon.engine.decisions.RecordedDecision;
import dev.beckon.engine.inbox.EventCodec;
import dev.beckon.engine.inbox.EventInbox;
import dev.beckon.engine.inbox.InboxReceipt;
import dev.beckon.engine.inbox.StoredEvent;
import dev.beckon.engine.journeys.AbandonedCheckoutJourney;
import dev.beckon.engine.journeys.JdbcJourneySettingsStore;
import dev.beckon.engine.journeys.JourneyRouter;
import dev.beckon.engine.journeys.JourneySettings;
import dev.beckon.engine.messages.JdbcMessageStore;
import dev.beckon.engine.messages.MessageView;
import dev.beckon.engine.outbox.Dispatcher;
import dev.beckon.engine.persistence.EngineSchema;
import dev.beckon.engine.persistence.Transactions;
import dev.beckon.engine.scheduler.DueTimer;
import dev.beckon.engine.scheduler.JdbcTimerStore;
import dev.beckon.engine.scheduler.TimerLateness;
import dev.beckon.engine.settings.JdbcShopSettingsStore;
import dev.beckon.engine.settings.ShopSettings;
import dev.beckon.engine.shoppers.ShopperKeys;
import dev.beckon.engine.timeline.JdbcTimeline;
import dev.beckon.engine.timeline.TimelineEntry;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The engine as the suite sees it: events in, one pass of work at a time, and what was sent. All state is in
 * the database, so any number of instances may call {@link #runOnce} on one database. Thread-safe.
 *
 * <p>For the merchant API: {@link #messages} (a deferred message shows state {@code deferred}, its due time and
 * the reason), {@link #shopSettings}/{@link #updateShopSettings} (quiet hours, caps, time zone, re-entry
 * cooldown), {@link #timeline} and {@link #decisions} ("why didn't she get it?"), {@link #journeyStats}
 * (sent, delivered, clicked, converted, revenue per step); for channel callbacks {@link #recordClick} and
 * {@link #recordDelivery}; for metrics {@link #timerLateness}.
 */
public final class ProactiveEngine {

    private final Transactions tx;
    private final EngineSettings settings;
    private final Clock clock;
    private final EventInbox inbox;
    private final JourneyRouter router;
    private final AbandonedCheckoutJourney abandonedCheckout;
    private final JdbcTimerStore timers = new JdbcTimerStore();
    private final JdbcMessageStore messages = new JdbcMessageStore();
    private final JdbcJourneySettingsStore journeySettings;
    private final JdbcShopSettingsStore shopSettings = new JdbcShopSettingsStore();
    private final JdbcDecisionLog decisions = new JdbcDecisionLog();
    private final TimerLateness timerLateness = new TimerLateness();
    private final JdbcAttribution attribution = new JdbcAttribution(AttributionWindows.KLAVIYO_DEFAULTS);
    private final JdbcTimeline timeline = new JdbcTimeline();
    private final Dispatcher dispatcher;

    public ProactiveEngine(DataSource dataSource, EngineSettings settings, Collection<? extends Channel> channels,
                           Clock clock) {
        this.tx = new Transactions(dataSource);
        this.settings = settings;
        this.clock = clock;
        this.inbox = new EventInbox(tx, new EventCodec(), clock);
        this.journeySettings = new JdbcJourneySettingsStore(settings.defaultAbandonedCheckoutDelay());
        this.abandonedCheckout = new AbandonedCheckoutJourney(journeySettings, shopSettings, timers, messages,
                decisions, clock);
        this.router = new JourneyRouter(abandonedCheckout, attribution, clock);
        this.dispatcher = new Dispatcher(tx, messages, PluginRegistry.of("channel", channels), settings.backoff(),
                settings.sendLease(), clock, RandomGenerator.getDefault());
    }

    /** Creates or upgrades the engine's tables. */
    public static int migrate(DataSource dataSource) {
        return EngineSchema.migrate(dataSource);
    }

    /** Stores the events of one webhook delivery durably; a redelivery is counted, not stored. Blocks on the database. */
    public InboxReceipt accept(List<EventEnvelope> events) {
        return inbox.store(events);
    }

    /**
     * One pass: process stored events, fire due timers, send queued messages, fail interrupted sends.
     *
     * @return how many items were handled (0 means idle)
     */
    public int runOnce() {
        int limit = settings.batchSize();
        int done = inbox.drain(limit, router);
        done += fireDueTimers(limit);
        done += dispatcher.dispatch(limit);
        done += dispatcher.failInterrupted(limit);
        return done;
    }

    private int fireDueTimers(int limit) {
        List<String> due = tx.inTransaction(c -> timers.dueIds(c, clock.instant(), limit));
        int fired = 0;
        for (String id : due) {
            Duration ran = tx.inTransaction(c -> {
                DueTimer timer = timers.claim(c, id, clock.instant());
                if (timer == null) {
                    return null;
                }
                Duration lateness = Duration.between(timer.dueAt(), clock.instant());
                abandonedCheckout.onTimer(c, timer);
                return lateness;
            });
            if (ran != null) {
                timerLateness.record(ran);
                fired++;
            }
        }
        return fired;
    }

    /** The shop's messages, newest first. */
    public List<MessageView> messages(ShopId shop, int limit) {
        return tx.inTransaction(c -> messages.list(c, shop, limit));
    }

    public JourneySettings abandonedCheckoutSettings(ShopId shop) {
        return tx.inTransaction(c -> journeySettings.get(c, shop, AbandonedCheckoutJourney.ID));
    }

    public void updateAbandonedCheckoutSettings(ShopId shop, boolean enabled, Duration delay) {
        JourneySettings updated = new JourneySettings(AbandonedCheckoutJourney.ID, enabled, delay);
        tx.inTransaction(c -> {
            journeySettings.put(c, shop, updated, clock.instant());
            return null;
        });
    }

    /** The shop's stored events, newest first. */
    public List<StoredEvent> events(ShopId shop, int limit) {
        return inbox.list(shop, limit);
    }

    /** Stored events not yet processed. */
    public long pendingEvents() {
        return inbox.count("pending");
    }

    /** How late the most recently fired timer was, in milliseconds. */
    public long lastTimerLatenessMillis() {
        return timerLateness.snapshot().last().toMillis();
    }

    /**
     * How late timers fired (last, max, p50 and p99 of recent firings) on this instance since it started, for a
     * metric; high values mean the engine was down or behind.
     */
    public TimerLateness.Snapshot timerLateness() {
        return timerLateness.snapshot();
    }

    /**
     * The shop's guardrail settings (quiet hours, caps, time zone, re-entry cooldown); the defaults if the shop
     * never saved any. Blocks on the database.
     */
    public ShopSettings shopSettings(ShopId shop) {
        return tx.inTransaction(c -> shopSettings.get(c, shop));
    }

    /**
     * Replaces the shop's guardrail settings; they apply to every decision made from now on. Read a merchant's
     * JSON with {@link dev.beckon.engine.settings.ShopSettingsJson#read}, which reports invalid fields.
     */
    public void updateShopSettings(ShopId shop, ShopSettings updated) {
        java.util.Objects.requireNonNull(updated, "updated");
        tx.inTransaction(c -> {
            shopSettings.put(c, shop, updated, clock.instant());
            return null;
        });
    }

    /**
     * A shopper's timeline: her store events, journey entries and exits, every guardrail decision (with its
     * reason) and every message with its state, oldest first; the last {@code limit} entries.
     *
     * @param shopperId the shopper's key: the platform customer id (e.g. Shopify's {@code 603851970716743426}) when
     *                  the events named one, else the key {@link ShopperKeys#forContact} derives from the guest's
     *                  email (or, without one, phone number); never null
     * @param limit     at least 1
     * @throws IllegalArgumentException if {@code shopperId} is blank or {@code limit} is below 1
     */
    public List<TimelineEntry> timeline(ShopId shop, String shopperId, int limit) {
        if (shopperId == null || shopperId.isBlank()) {
            throw new IllegalArgumentException("shopperId must not be blank");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return tx.inTransaction(c -> timeline.forShopper(c, shop, shopperId.strip(), limit));
    }

    /**
     * Per step of a journey: messages sent, delivered and clicked, orders attributed (last touch within Klaviyo's
     * default windows: click 5 days, SMS delivery 12 hours) and their revenue per currency. Steps without any
     * message are absent.
     */
    public List<StepStats> journeyStats(ShopId shop, String journeyId) {
        return tx.inTransaction(c -> attribution.journeyStats(c, shop, journeyId));
    }

    /** Every guardrail decision about one message, oldest first (a deferral, then the allow when it went). */
    public List<RecordedDecision> decisions(MessageId message) {
        return tx.inTransaction(c -> decisions.forMessage(c, message.value()));
    }

    /**
     * Records a click on the message's link (the suite's click redirect calls this); the first click counts.
     *
     * @return false if there is no such message
     */
    public boolean recordClick(MessageId message, Instant at) {
        return tx.inTransaction(c -> messages.recordClick(c, message.value(), at));
    }

    /**
     * Records the provider's delivery receipt for a message (a Twilio status callback).
     *
     * @return false if there is no such message
     */
    public boolean recordDelivery(MessageId message, Instant at) {
        return tx.inTransaction(c -> messages.recordDelivery(c, message.value(), at));
    }

    /** The engine-wide settings. */
    public EngineSettings settings() {
        return settings;
    }
}
