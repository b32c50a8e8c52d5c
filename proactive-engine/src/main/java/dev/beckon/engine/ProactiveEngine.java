package dev.beckon.engine;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.MessageId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.plugin.PluginRegistry;
import dev.beckon.engine.attribution.AttributionWindows;
import dev.beckon.engine.attribution.JdbcAttribution;
import dev.beckon.engine.attribution.ShopperOrders;
import dev.beckon.engine.attribution.StepStats;
import dev.beckon.engine.decisions.JdbcDecisionLog;
import dev.beckon.engine.decisions.RecordedDecision;
import dev.beckon.engine.inbox.EventCodec;
import dev.beckon.engine.inbox.EventInbox;
import dev.beckon.engine.inbox.InboxReceipt;
import dev.beckon.engine.inbox.StoredEvent;
import dev.beckon.engine.definitions.BuiltInJourneys;
import dev.beckon.engine.definitions.JourneyDefinition;
import dev.beckon.engine.definitions.JourneyValidationException;
import dev.beckon.engine.journeys.DeferredWrites;
import dev.beckon.engine.journeys.JourneyDefinitions;
import dev.beckon.engine.journeys.JourneyRouter;
import dev.beckon.engine.journeys.JourneyRuntime;
import dev.beckon.engine.journeys.JourneySettings;
import dev.beckon.engine.offers.DiscountCodes;
import dev.beckon.engine.templates.DefaultTemplates;
import dev.beckon.engine.videos.VideoRequests;
import dev.beckon.engine.messages.JdbcMessageStore;
import dev.beckon.engine.messages.MessageView;
import dev.beckon.engine.outbox.Dispatcher;
import dev.beckon.engine.persistence.EngineSchema;
import dev.beckon.engine.persistence.Transactions;
import dev.beckon.engine.privacy.ShopperErasure;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
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
public final class ProactiveEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProactiveEngine.class.getName());

    private final Transactions tx;
    private final EngineSettings settings;
    private final Clock clock;
    private final EventInbox inbox;
    private final JourneyRouter router;
    private final JourneyRuntime runtime;
    private final JourneyDefinitions journeys;
    private final JdbcTimerStore timers = new JdbcTimerStore();
    private final JdbcMessageStore messages = new JdbcMessageStore();
    private final JdbcShopSettingsStore shopSettings = new JdbcShopSettingsStore();
    private final JdbcDecisionLog decisions = new JdbcDecisionLog();
    private final TimerLateness timerLateness = new TimerLateness();
    private final JdbcAttribution attribution = new JdbcAttribution(AttributionWindows.KLAVIYO_DEFAULTS);
    private final JdbcTimeline timeline = new JdbcTimeline();
    private final ShopperErasure erasure = new ShopperErasure();
    private final ShopperOrders shopperOrders;
    private final Dispatcher dispatcher;
    private final ExecutorService sendExecutor;

    /**
     * An engine without a discount-code or video service: offer steps go on without a code, video steps without a
     * video link.
     */
    public ProactiveEngine(DataSource dataSource, EngineSettings settings, Collection<? extends Channel> channels,
                           Clock clock) {
        this(dataSource, settings, channels, clock, DiscountCodes.NONE, VideoRequests.NONE);
    }

    /** An engine that calls providers one message after the other, on the thread that runs the pass. */
    public ProactiveEngine(DataSource dataSource, EngineSettings settings, Collection<? extends Channel> channels,
                           Clock clock, DiscountCodes discountCodes, VideoRequests videos) {
        this(dataSource, settings, channels, clock, discountCodes, videos, null);
    }

    /**
     * @param discountCodes creates the discount codes of offer steps (the platform's admin API)
     * @param videos        asks staff for the videos of video steps
     * @param sendThreads   makes the {@link EngineSettings#sendConcurrency()} threads that call providers, so a batch
     *                      of messages is sent concurrently (a managed thread factory in the container); null: one
     *                      after the other on the thread running the pass. {@link #close()} stops them
     */
    public ProactiveEngine(DataSource dataSource, EngineSettings settings, Collection<? extends Channel> channels,
                           Clock clock, DiscountCodes discountCodes, VideoRequests videos, ThreadFactory sendThreads) {
        this.sendExecutor = sendThreads == null ? null
                : Executors.newFixedThreadPool(settings.sendConcurrency(), sendThreads);
        this.tx = new Transactions(dataSource);
        this.settings = settings;
        this.clock = clock;
        EventCodec codec = new EventCodec();
        this.shopperOrders = new ShopperOrders(codec);
        this.inbox = new EventInbox(tx, codec, clock);
        DefaultTemplates templates = DefaultTemplates.load();
        this.journeys = new JourneyDefinitions(BuiltInJourneys.load(templates),
                settings.defaultAbandonedCheckoutDelay());
        this.runtime = new JourneyRuntime(journeys, shopSettings, timers, messages, decisions, codec, templates,
                discountCodes, videos, clock);
        this.router = new JourneyRouter(runtime, attribution, clock);
        this.dispatcher = new Dispatcher(tx, messages, PluginRegistry.of("channel", channels), settings.backoff(),
                settings.sendLease(), clock, RandomGenerator.getDefault(),
                sendExecutor == null ? Runnable::run : sendExecutor);
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
        int done = inbox.drain(settings.batchSize(), router);
        return done + fireAndSendOnce();
    }

    /**
     * One pass without stored events: fire due timers, send queued messages, fail interrupted sends. For the
     * {@linkplain EngineSettings#workers() extra workers} of an instance: events stay with the one worker that runs
     * {@link #runOnce()}, so an instance handles a shop's events in the order they arrived, while timers and
     * messages (claimed with {@code SKIP LOCKED}) are worked on by all.
     *
     * @return how many items were handled (0 means idle)
     */
    public int fireAndSendOnce() {
        int limit = settings.batchSize();
        Fired fired = fireDueTimers(limit);
        int done = fired.timers();
        done += dispatcher.sendClaimed(fired.claimed());
        done += dispatcher.dispatch(limit);
        done += dispatcher.failInterrupted(limit);
        return done;
    }

    /** Stops the send threads, if any, after the calls in flight; passes after this send on the caller's thread. */
    @Override
    public void close() {
        if (sendExecutor != null) {
            sendExecutor.shutdown();
        }
    }

    /**
     * Fires up to {@code limit} due timers in one transaction (one claim, one commit for the batch). If any of them
     * fails, the batch rolls back and its timers are fired again one transaction each, so one failing timer does
     * not hold the others back, and a deadlock between instances costs one retry.
     */
    private Fired fireDueTimers(int limit) {
        List<Duration> lateness = new ArrayList<>();
        DeferredWrites writes;
        try {
            writes = tx.inTransaction(c -> {
                lateness.clear();
                DeferredWrites batch = runtime.writesSendingItself();
                List<DueTimer> due = timers.claimDue(c, clock.instant(), limit);
                Instant claimed = clock.instant();
                due.forEach(timer -> lateness.add(Duration.between(timer.dueAt(), claimed)));
                runtime.onTimers(c, due, batch); // reads ahead what the batch's steps read, one query per table
                batch.flush(c); // the batch's decisions and next timers, one batched statement each
                return batch;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a batch of due timers failed ({0}); firing them one by one",
                    e.toString());
            return new Fired(fireDueTimersOneByOne(limit), List.of());
        }
        lateness.forEach(timerLateness::record);
        return new Fired(lateness.size(), writes.claimed());
    }

    /**
     * What a pass fired: how many timers, and the messages it cleared and committed as {@code sending} for this
     * worker to send now (none from the one-by-one fallback, which queues them for any dispatcher).
     */
    private record Fired(int timers, List<MessageView> claimed) {
    }

    private int fireDueTimersOneByOne(int limit) {
        List<String> due = tx.inTransaction(c -> timers.dueIds(c, clock.instant(), limit));
        int fired = 0;
        for (String id : due) {
            Duration ran = tx.inTransaction(c -> {
                DueTimer timer = timers.claim(c, id, clock.instant());
                if (timer == null) {
                    return null;
                }
                Duration lateness = Duration.between(timer.dueAt(), clock.instant());
                runtime.onTimer(c, timer);
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

    /** The abandoned-checkout journey's on/off switch and first wait (a view of its definition). */
    public JourneySettings abandonedCheckoutSettings(ShopId shop) {
        return tx.inTransaction(c -> journeys.abandonedCheckoutSettings(c, shop));
    }

    /**
     * Switches the abandoned-checkout journey on or off and sets its first wait, keeping the rest of the shop's
     * definition.
     *
     * @throws IllegalArgumentException if {@code delay} is not positive
     */
    public void updateAbandonedCheckoutSettings(ShopId shop, boolean enabled, Duration delay) {
        JourneySettings updated = new JourneySettings(BuiltInJourneys.ABANDONED_CHECKOUT, enabled, delay);
        tx.inTransaction(c -> {
            journeys.updateAbandonedCheckout(c, shop, updated, clock.instant());
            return null;
        });
    }

    /**
     * The shop's journey with this id: its own version if it saved one, else the built-in one. Blocks on the
     * database.
     *
     * @return empty for an id that is neither built in nor saved by the shop
     */
    public Optional<JourneyDefinition> journey(ShopId shop, String journeyId) {
        return tx.inTransaction(c -> journeys.find(c, shop, journeyId));
    }

    /** The journey as JSON, the shape {@code GET/PUT /api/shops/{shop}/journeys/{id}} show and take. */
    public String journeyJson(JourneyDefinition journey) {
        return journeys.json(journey);
    }

    /** Every journey of the shop: the built-in ones (as the shop edited them), then its own by id. */
    public List<JourneyDefinition> journeys(ShopId shop) {
        return tx.inTransaction(c -> journeys.all(c, shop));
    }

    /**
     * Validates and saves the shop's version of a journey (GET/PUT {@code /api/shops/{shop}/journeys/{id}}); it
     * applies to subjects entering from now on and to waiting runs' next steps. Write it back with
     * {@link dev.beckon.engine.definitions.JourneyCodec#write}.
     *
     * @param journeyId the id in the address; the JSON's {@code id} must equal it
     * @return the stored journey
     * @throws JourneyValidationException with every problem and its JSON Pointer path (the body of a 400): bad
     *                                    JSON, unknown fields or steps, a changed trigger of a built-in journey, an
     *                                    id that is not the one addressed
     */
    public JourneyDefinition putJourney(ShopId shop, String journeyId, String json)
            throws JourneyValidationException {
        java.util.Objects.requireNonNull(shop, "shop");
        java.util.concurrent.atomic.AtomicReference<JourneyValidationException> invalid =
                new java.util.concurrent.atomic.AtomicReference<>();
        JourneyDefinition stored = tx.inTransaction(c -> {
            try {
                return journeys.put(c, shop, journeyId, json, clock.instant());
            } catch (JourneyValidationException e) {
                invalid.set(e);
                return null;
            }
        });
        if (invalid.get() != null) {
            throw invalid.get();
        }
        return stored;
    }

    /**
     * The video a run's video step asked for is ready (the suite calls this when staff recorded it); the run goes
     * on to its next steps.
     *
     * @return false if the run does not exist in this shop or is not waiting for a video
     */
    public boolean videoReady(ShopId shop, String runId, String url) {
        java.util.Objects.requireNonNull(url, "url");
        return tx.inTransaction(c -> runtime.onVideoReady(c, shop, runId, url));
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

    /**
     * Erases what the engine holds on one shopper, found by any of their identifiers (the merchant's erase
     * endpoint; a platform's {@code customers/redact} arrives as an event and is handled the same way).
     *
     * @param customer null if unknown
     * @param email    null if unknown
     * @param phone    null if unknown
     */
    public ShopperErasure.Erased eraseShopper(ShopId shop, CustomerId customer, String email, String phone) {
        return tx.inTransaction(c -> erasure.eraseShopper(c, shop, customer, email, phone, clock.instant()));
    }

    /**
     * The orders a shopper placed in {@code [from, to)}, oldest first, for attribution done outside the engine (a
     * video watched, then an order).
     *
     * @param shopperKey as {@link ShopperKeys} makes it
     */
    public List<ShopperOrders.Placed> ordersPlaced(ShopId shop, String shopperKey, Instant from, Instant to) {
        return tx.inTransaction(c -> shopperOrders.placed(c, shop, shopperKey, from, to));
    }

    /** {@link #ordersPlaced(ShopId, String, Instant, Instant)} for many shoppers at once, by shopper key. */
    public Map<String, List<ShopperOrders.Placed>> ordersPlaced(ShopId shop, Collection<String> shopperKeys,
                                                                Instant from, Instant to) {
        return tx.inTransaction(c -> shopperOrders.placed(c, shop, shopperKeys, from, to));
    }

    /** The engine-wide settings. */
    public EngineSettings settings() {
        return settings;
    }
}
