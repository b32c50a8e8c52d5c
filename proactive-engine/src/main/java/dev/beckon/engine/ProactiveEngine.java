package dev.beckon.engine;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.plugin.PluginRegistry;
import dev.beckon.engine.guardrails.GuardrailChain;
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

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The engine as the suite sees it: events in, one pass of work at a time, and what was sent. All state is in
 * the database, so any number of instances may call {@link #runOnce} on one database. Thread-safe.
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
    private final Dispatcher dispatcher;
    private final AtomicLong lastTimerLatenessMillis = new AtomicLong();

    public ProactiveEngine(DataSource dataSource, EngineSettings settings, Collection<? extends Channel> channels,
                           Clock clock) {
        this.tx = new Transactions(dataSource);
        this.settings = settings;
        this.clock = clock;
        this.inbox = new EventInbox(tx, new EventCodec(), clock);
        this.journeySettings = new JdbcJourneySettingsStore(settings.defaultAbandonedCheckoutDelay());
        this.abandonedCheckout = new AbandonedCheckoutJourney(journeySettings, timers, messages,
                GuardrailChain.standard(), clock);
        this.router = new JourneyRouter(abandonedCheckout);
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
            boolean ran = tx.inTransaction(c -> {
                DueTimer timer = timers.claim(c, id, clock.instant());
                if (timer == null) {
                    return false;
                }
                lastTimerLatenessMillis.set(Duration.between(timer.dueAt(), clock.instant()).toMillis());
                abandonedCheckout.onTimer(c, timer);
                return true;
            });
            if (ran) {
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
        return lastTimerLatenessMillis.get();
    }

    public EngineSettings settings() {
        return settings;
    }
}
