package dev.beckon.engine.journeys;

import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.ConsentChanged;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderCancelled;
import dev.beckon.api.event.OrderFulfilled;
import dev.beckon.api.event.OrderPaid;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.Shopper;
import dev.beckon.engine.decisions.JdbcDecisionLog;
import dev.beckon.engine.decisions.RecordedDecision;
import dev.beckon.engine.definitions.Action;
import dev.beckon.engine.definitions.EntryDecision;
import dev.beckon.engine.definitions.EventTypes;
import dev.beckon.engine.definitions.ExitRule;
import dev.beckon.engine.definitions.Input;
import dev.beckon.engine.definitions.JourneyDefinition;
import dev.beckon.engine.definitions.JourneyInterpreter;
import dev.beckon.engine.definitions.Outcome;
import dev.beckon.engine.definitions.RunState;
import dev.beckon.engine.definitions.Step;
import dev.beckon.engine.definitions.SubjectKey;
import dev.beckon.engine.definitions.TemplateRef;
import dev.beckon.engine.guardrails.Decision;
import dev.beckon.engine.guardrails.ReentryCooldown;
import dev.beckon.engine.guardrails.StaleRule;
import dev.beckon.engine.inbox.EventCodec;
import dev.beckon.engine.messages.JdbcMessageStore;
import dev.beckon.engine.messages.MessageContent;
import dev.beckon.engine.messages.MessageState;
import dev.beckon.engine.messages.PendingMessage;
import dev.beckon.engine.offers.DiscountCodes;
import dev.beckon.engine.scheduler.DueTimer;
import dev.beckon.engine.scheduler.JdbcTimerStore;
import dev.beckon.engine.settings.JdbcShopSettingsStore;
import dev.beckon.engine.settings.ShopSettings;
import dev.beckon.engine.shoppers.JdbcAddressConsents;
import dev.beckon.engine.templates.Format;
import dev.beckon.engine.templates.MessageModel;
import dev.beckon.engine.templates.MessageTemplate;
import dev.beckon.engine.templates.MoneyFormat;
import dev.beckon.engine.templates.SmsSegments;
import dev.beckon.engine.templates.TemplateCatalog;
import dev.beckon.engine.templates.TemplateException;
import dev.beckon.engine.templates.TemplateRenderer;
import dev.beckon.engine.timezones.ShopperTimeZones;
import dev.beckon.engine.videos.VideoRequests;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs every shop's journeys from their definitions: an event ends the runs whose exit rules it matches and starts
 * runs of the enabled journeys it triggers; a due timer moves its run on; the {@link JourneyInterpreter} decides
 * and this class carries out its actions (timers, messages through the shared {@link MessageSender}, discount
 * codes, video requests) and stores the run's state.
 *
 * <p>Every method runs inside the caller's transaction, which also claims the event or timer being handled, so
 * the effects and the claim commit together. Stateless and thread-safe.
 */
public final class JourneyRuntime {

    private static final System.Logger LOG = System.getLogger(JourneyRuntime.class.getName());

    private final JourneyDefinitions definitions;
    private final JdbcShopSettingsStore shopSettings;
    private final JdbcTimerStore timers;
    private final JdbcMessageStore messages;
    private final JdbcDecisionLog decisions;
    private final JdbcAddressConsents consents;
    private final JdbcJourneyRunStore runs;
    private final MessageSender sender;
    private final TemplateCatalog templates;
    private final TemplateRenderer renderer = new TemplateRenderer(new MoneyFormat(Locale.US));
    private final DiscountCodes discountCodes;
    private final VideoRequests videos;
    private final JourneyInterpreter interpreter = new JourneyInterpreter();
    private final Clock clock;

    public JourneyRuntime(JourneyDefinitions definitions, JdbcShopSettingsStore shopSettings, JdbcTimerStore timers,
                          JdbcMessageStore messages, JdbcDecisionLog decisions, EventCodec events,
                          TemplateCatalog templates, DiscountCodes discountCodes, VideoRequests videos, Clock clock) {
        this.definitions = Objects.requireNonNull(definitions);
        this.shopSettings = Objects.requireNonNull(shopSettings);
        this.timers = Objects.requireNonNull(timers);
        this.messages = Objects.requireNonNull(messages);
        this.decisions = Objects.requireNonNull(decisions);
        this.consents = new JdbcAddressConsents();
        this.runs = new JdbcJourneyRunStore(new RunStateJson(events));
        this.sender = new MessageSender(shopSettings, messages, consents);
        this.templates = Objects.requireNonNull(templates);
        this.discountCodes = Objects.requireNonNull(discountCodes);
        this.videos = Objects.requireNonNull(videos);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Applies one stored event: ends the runs it exits, remembers an exit that came before its trigger, then starts
     * (or refreshes) the runs it triggers.
     *
     * @param shopperKey the shopper the event is about; null if it names none
     * @return the ids of the runs this event reached the goal of, for attribution
     */
    public List<String> onEvent(Connection c, EventEnvelope event, String shopperKey) throws SQLException {
        ShopId shop = event.shop();
        EventPayload payload = event.payload();
        String type = EventTypes.nameOf(payload);
        List<JourneyDefinition> journeys = definitions.all(c, shop);
        List<String> goals = goalRuns(c, shop, journeys, payload);
        DeferredWrites writes = writes();
        exit(c, shop, journeys, payload, writes);
        for (JourneyDefinition journey : journeys) {
            if (journey.trigger().event().equals(type)) {
                enter(c, event, journey, shopperKey, writes);
            }
        }
        writes.flush(c);
        return goals;
    }

    /** Records a consent change for its address, so steps decided later see it. */
    public void onConsent(Connection c, ShopId shop, ConsentChanged change) throws SQLException {
        consents.record(c, shop, change.address(), change.consent(), clock.instant());
    }

    /** Ends every waiting run of the shop (the app was uninstalled). */
    public int cancelShop(Connection c, ShopId shop, String reason) throws SQLException {
        Instant now = clock.instant();
        int cancelled = runs.cancelAll(c, shop, reason, now);
        try (var delete = c.prepareStatement("DELETE FROM timer WHERE shop_id = ?")) {
            delete.setString(1, shop.value());
            delete.executeUpdate();
        }
        messages.cancelAllPending(c, shop, reason, now);
        return cancelled;
    }

    /**
     * Moves on the run whose timer came due: a message held by quiet hours is decided again; otherwise the
     * interpreter goes on from the step the run waits at.
     */
    public void onTimer(Connection c, DueTimer timer) throws SQLException {
        DeferredWrites writes = writes();
        onTimer(c, timer, writes);
        writes.flush(c);
    }

    /**
     * As {@link #onTimer(Connection, DueTimer)}, keeping the decisions and timers it writes in {@code writes}, so that
     * a batch of fired timers writes them together; the caller {@linkplain DeferredWrites#flush flushes} before it
     * commits.
     */
    public void onTimer(Connection c, DueTimer timer, DeferredWrites writes) throws SQLException {
        ReadAhead reads = writes.readAhead();
        Optional<JourneyRun> found;
        if (reads.hasRun(timer.runId())) {
            found = Optional.of(reads.takeRun(timer.runId()));
        } else {
            reads.leaveRun();
            writes.flush(c); // a second timer of a run reads what the first one wrote
            found = runs.findById(c, timer.runId());
        }
        if (found.isEmpty() || found.get().status() != JourneyRun.Status.WAITING) {
            return;
        }
        JourneyRun run = found.get();
        Instant now = clock.instant();
        Optional<JourneyDefinition> journey = definitions.find(c, run.shop(), run.journey());
        if (run.interpreter() == null || journey.isEmpty()) {
            end(c, run, run.interpreter(), JourneyRun.Status.CANCELLED, "the journey no longer exists for this run",
                    writes, now);
            return;
        }
        // a wait step's timer has no held message to look for (held ones wake on their send step's timer)
        boolean waitStep = journey.get().step(timer.step()).filter(Step.Wait.class::isInstance).isPresent();
        Optional<PendingMessage> held = waitStep ? Optional.empty() : pending(c, run.id(), timer.step(), writes);
        if (held.isPresent() && held.get().state() == MessageState.DEFERRED && held.get().content() != null) {
            retryHeld(c, journey.get(), run, timer, held.get(), writes, now);
            return;
        }
        advance(c, journey.get(), run, new Input.TimerDue(timer.step(), timer.dueAt()), writes, now);
    }

    /**
     * Fires a batch of claimed timers in the caller's transaction, as {@link #onTimer(Connection, DueTimer,
     * DeferredWrites)} one after the other, after reading ahead what their steps read (their runs, pending
     * messages, and their addresses' locks, recent sends and consents: one query each for the batch).
     */
    public void onTimers(Connection c, List<DueTimer> due, DeferredWrites writes) throws SQLException {
        if (due.isEmpty()) {
            return;
        }
        writes.readAhead(ReadAhead.load(c, due, runs, messages, consents, shopSettings, clock.instant()));
        try {
            for (DueTimer timer : due) {
                onTimer(c, timer, writes);
            }
        } finally {
            writes.readAhead(ReadAhead.NONE);
        }
    }

    /**
     * The video of a run's video step is ready.
     *
     * @return false if the run is not waiting for a video
     */
    public boolean onVideoReady(Connection c, ShopId shop, String runId, String url) throws SQLException {
        Optional<JourneyRun> found = runs.findById(c, runId);
        if (found.isEmpty() || !found.get().shop().equals(shop) || found.get().interpreter() == null
                || found.get().interpreter().status() != RunState.Status.AWAITING_VIDEO) {
            return false;
        }
        JourneyRun run = found.get();
        Optional<JourneyDefinition> journey = definitions.find(c, shop, run.journey());
        if (journey.isEmpty()) {
            return false;
        }
        DeferredWrites writes = writes();
        advance(c, journey.get(), run, new Input.VideoReady(run.interpreter().step(), url), writes, clock.instant());
        writes.flush(c);
        return true;
    }

    private void retryHeld(Connection c, JourneyDefinition journey, JourneyRun run, DueTimer timer, PendingMessage held,
                           DeferredWrites writes, Instant now) throws SQLException {
        Duration late = Duration.between(timer.dueAt(), now);
        Optional<String> stale = journey.step(timer.step()).filter(Step.Send.class::isInstance)
                .map(s -> ((Step.Send) s).staleAfter()).flatMap(limit -> StaleRule.skipIfLaterThan(limit)
                        .skipReason(late.isNegative() ? Duration.ZERO : late));
        if (stale.isPresent()) {
            sender.skip(c, run, timer.step(), held.id(), "stale timer", stale.get(), writes, now);
            return;
        }
        sender.send(c, new MessageSender.Outgoing(run, timer.step(), held.id(), held.channel(), held.purpose(),
                address(held.channel(), run.contact()), knownConsent(run, held.channel()), held.content()), writes, now);
    }

    private void exit(Connection c, ShopId shop, List<JourneyDefinition> journeys, EventPayload payload,
                      DeferredWrites writes) throws SQLException {
        String type = EventTypes.nameOf(payload);
        Map<SubjectKey, String> keys = SubjectKey.of(payload);
        Map<String, JourneyDefinition> exitable = new java.util.LinkedHashMap<>();
        Set<SubjectKey> matchKeys = new LinkedHashSet<>();
        for (JourneyDefinition journey : journeys) {
            for (ExitRule rule : journey.exitEvents()) {
                if (rule.event().equals(type)) {
                    exitable.put(journey.id(), journey);
                    matchKeys.addAll(rule.match());
                }
            }
        }
        if (exitable.isEmpty()) {
            return;
        }
        Map<SubjectKey, String> lookup = new EnumMap<>(SubjectKey.class);
        keys.forEach((k, v) -> {
            if (matchKeys.contains(k)) {
                lookup.put(k, v);
            }
        });
        Instant now = clock.instant();
        for (String id : runs.idsByKeys(c, shop, exitable.keySet(), lookup, true)) {
            Optional<JourneyRun> run = runs.findById(c, id);
            if (run.isPresent() && run.get().status() == JourneyRun.Status.WAITING
                    && run.get().interpreter() != null) {
                advance(c, exitable.get(run.get().journey()), run.get(), new Input.Event(payload), writes, now);
            }
        }
        for (JourneyDefinition journey : exitable.values()) {
            rememberEarlyExit(c, shop, journey, payload, now);
        }
    }

    /**
     * An exit event for a subject that has no run yet (deliveries are not ordered: the order came before its
     * checkout) is remembered as an ended run, so the late trigger does not enter.
     */
    private void rememberEarlyExit(Connection c, ShopId shop, JourneyDefinition journey, EventPayload payload,
                                   Instant now) throws SQLException {
        Optional<SubjectKey> subjectKey = subjectKey(journey);
        Map<SubjectKey, String> keys = SubjectKey.of(payload);
        if (subjectKey.isEmpty() || !keys.containsKey(subjectKey.get())) {
            return;
        }
        String subject = keys.get(subjectKey.get());
        RunState probe = new RunState("probe", RunState.Status.WAITING, null, null, keys, Map.of(), Map.of(), now,
                null, Duration.ZERO);
        boolean exits = journey.exitEvents().stream().anyMatch(r -> r.match().contains(subjectKey.get()))
                && interpreter.advance(journey, probe, new Input.Event(payload), now, ZoneId.of("UTC")).actions()
                .stream().anyMatch(Action.Exit.class::isInstance);
        if (!exits || runs.findForUpdate(c, shop, journey.id(), subject).isPresent()) {
            return;
        }
        JourneyRun.Status status = isGoal(journey, payload) ? JourneyRun.Status.CONVERTED : JourneyRun.Status.EXITED;
        runs.insert(c, new JourneyRun(UUID.randomUUID().toString(), shop, journey.id(), subject, status,
                JourneyRun.Contact.NONE, now, null, null), Map.of(), now);
    }

    private List<String> goalRuns(Connection c, ShopId shop, List<JourneyDefinition> journeys, EventPayload payload)
            throws SQLException {
        String type = EventTypes.nameOf(payload);
        Map<SubjectKey, String> keys = SubjectKey.of(payload);
        List<String> ids = new ArrayList<>();
        for (JourneyDefinition journey : journeys) {
            if (journey.goal() != null && journey.goal().event().equals(type)) {
                Map<SubjectKey, String> lookup = new EnumMap<>(SubjectKey.class);
                journey.goal().match().forEach(k -> {
                    if (keys.containsKey(k)) {
                        lookup.put(k, keys.get(k));
                    }
                });
                ids.addAll(runs.idsByKeys(c, shop, List.of(journey.id()), lookup, false));
            }
        }
        return ids;
    }

    private void enter(Connection c, EventEnvelope event, JourneyDefinition journey, String shopperKey,
                       DeferredWrites writes)
            throws SQLException {
        ShopId shop = event.shop();
        EventPayload payload = event.payload();
        Instant now = clock.instant();
        EntryDecision entry = interpreter.mayEnter(journey, payload, null, now);
        if (!(entry instanceof EntryDecision.Enter)) {
            LOG.log(System.Logger.Level.DEBUG, "shop {0}: event {1} does not enter {2}: {3}", shop,
                    event.id(), journey.id(), entry);
            return;
        }
        String subject = subjectKey(journey).map(k -> SubjectKey.of(payload).get(k))
                .orElse("event:" + event.id().value());
        if (subject == null) {
            subject = "event:" + event.id().value();
        }
        Optional<JourneyRun> existing = runs.findForUpdate(c, shop, journey.id(), subject);
        if (existing.isPresent()) {
            refresh(c, journey, existing.get(), event, shopperKey, writes, now);
            return;
        }
        JourneyRun.Contact contact = contactOf(payload).orElse(runs.latestContact(c, shop, shopperKey));
        String runId = UUID.randomUUID().toString();
        JourneyRun run = new JourneyRun(runId, shop, journey.id(), subject, JourneyRun.Status.WAITING, contact,
                updatedAt(event), shopperKey, null);
        if (shopperKey != null) {
            ShopSettings settings = shopSettings.get(c, shop);
            Duration cooldown = cooldown(journey, settings);
            Decision reentry = ReentryCooldown.check(journey.id(), runs.lastEntered(c, shop, journey.id(), shopperKey),
                    now, cooldown);
            if (reentry instanceof Decision.Skip skip) {
                // Remembered, so later updates of this subject are not entered (nor logged) again.
                runs.insert(c, run.with(JourneyRun.Status.NOT_ENTERED, null), Map.of(), now);
                runs.ended(c, runId, skip.reason(), now);
                writes.record(new RecordedDecision(shop, shopperKey, journey.id(), null, null,
                        "re-entry cooldown", "skip", skip.reason(), null, now));
                return;
            }
        }
        Outcome outcome = interpreter.advance(journey, RunState.start(runId), new Input.Start(payload,
                event.receivedAt()), now, zone(c, run));
        if (outcome.actions().equals(List.of(new Action.Complete()))) {
            // Its conditions sent it straight to the end (a dwell too short): nothing to remember.
            LOG.log(System.Logger.Level.DEBUG, "shop {0}: {1} passed through {2} without a step", shop, subject,
                    journey.id());
            return;
        }
        runs.insert(c, run.with(JourneyRun.Status.WAITING, outcome.state()), outcome.state().keys(), now);
        apply(c, journey, run.with(JourneyRun.Status.WAITING, outcome.state()), outcome, writes, now, null);
        LOG.log(System.Logger.Level.DEBUG, "shop {0}: {1} entered {2}", shop, subject, journey.id());
    }

    /** A newer update of a run's subject: newer contact and data; before anything was decided, the wait restarts. */
    private void refresh(Connection c, JourneyDefinition journey, JourneyRun run, EventEnvelope event,
                         String shopperKey, DeferredWrites writes, Instant now) throws SQLException {
        Instant updatedAt = updatedAt(event);
        if (run.status() != JourneyRun.Status.WAITING || run.interpreter() == null) {
            return; // a subject enters once
        }
        if (updatedAt.isBefore(run.subjectUpdatedAt())) {
            LOG.log(System.Logger.Level.DEBUG, "shop {0}: stale update of {1} ignored", run.shop(), run.subject());
            return;
        }
        EventPayload payload = event.payload();
        String key = run.shopperKey() != null ? run.shopperKey() : shopperKey;
        JourneyRun updated = new JourneyRun(run.id(), run.shop(), run.journey(), run.subject(), run.status(),
                contactOf(payload).orElse(run.contact()), updatedAt, key, run.interpreter());
        if (run.shopperKey() == null && key != null) {
            messages.tagShopper(c, run.id(), key);
        }
        if (!messages.anyDecided(c, run.id())) {
            writes.flush(c); // its timers go: none of them may be written after
            timers.cancel(c, run.id());
            Outcome outcome = interpreter.advance(journey, RunState.start(run.id()), new Input.Start(payload,
                    event.receivedAt()), now, zone(c, updated));
            JourneyRun restarted = updated.with(JourneyRun.Status.WAITING, outcome.state());
            runs.update(c, restarted, now);
            apply(c, journey, restarted, outcome, writes, now, null);
            return;
        }
        RunState s = run.interpreter();
        Map<SubjectKey, String> keys = new EnumMap<>(SubjectKey.class);
        keys.putAll(s.keys());
        keys.putAll(SubjectKey.of(payload));
        runs.update(c, updated.with(updated.status(), new RunState(s.runId(), s.status(), s.step(), payload, keys,
                s.variables(), s.variants(), s.enteredAt(), s.lastSentAt(), s.lateness())), now);
    }

    private void advance(Connection c, JourneyDefinition journey, JourneyRun run, Input input, DeferredWrites writes,
                         Instant now)
            throws SQLException {
        Outcome outcome;
        try {
            outcome = interpreter.advance(journey, run.interpreter(), input, now, zone(c, run));
        } catch (IllegalArgumentException e) {
            // The merchant edited the journey under a waiting run (its step is gone).
            end(c, run, run.interpreter(), JourneyRun.Status.CANCELLED, "the journey changed: " + e.getMessage(),
                    writes, now);
            return;
        }
        if (outcome.actions().isEmpty() && outcome.state().equals(run.interpreter())) {
            return;
        }
        JourneyRun next = run.with(run.status(), outcome.state());
        store(c, next, run.interpreter(), writes, now);
        apply(c, journey, next, outcome, writes, now, input instanceof Input.Event e ? e.event() : null);
    }

    /** Carries out the interpreter's actions, then feeds back what they produced at once (a code, a video). */
    private void apply(Connection c, JourneyDefinition journey, JourneyRun run, Outcome outcome, DeferredWrites writes,
                       Instant now, EventPayload cause) throws SQLException {
        Deque<Input> answers = new ArrayDeque<>();
        for (Action action : outcome.actions()) {
            if (action instanceof Action.ScheduleWake wake) {
                writes.schedule(run.shop(), run.id(), wake.stepId(), wake.at());
                scheduleNextSend(c, journey, run, wake, writes, now);
            } else if (action instanceof Action.SendMessage send) {
                send(c, journey, run, send, writes, now);
            } else if (action instanceof Action.SkipStale stale) {
                Duration limit = journey.step(stale.stepId()).filter(Step.Send.class::isInstance)
                        .map(s -> ((Step.Send) s).staleAfter()).orElse(Duration.ZERO);
                String reason = StaleRule.skipIfLaterThan(limit).skipReason(stale.lateness()).orElse("stale");
                Optional<String> id = messageFor(c, journey, run, stale.stepId(), writes, now);
                if (id.isPresent()) {
                    sender.skip(c, run, stale.stepId(), id.get(), "stale timer", reason, writes, now);
                }
            } else if (action instanceof Action.CreateOffer offer) {
                DiscountCodes.Result result = createOffer(run, offer);
                answers.add(result instanceof DiscountCodes.Result.Created created
                        ? new Input.OfferCreated(offer.stepId(), created.code())
                        : new Input.OfferFailed(offer.stepId(), ((DiscountCodes.Result.Failed) result).reason()));
            } else if (action instanceof Action.RequestVideo video) {
                VideoRequests.Answer answer = videos.request(new VideoRequests.Request(run.shop(), run.journey(),
                        run.id(), video.stepId(), run.shopperKey(), video.dueAt(), run.subject(),
                        run.contact() == null ? null : run.contact().firstName()));
                if (answer instanceof VideoRequests.Answer.Ready ready) {
                    answers.add(new Input.VideoReady(video.stepId(), ready.url() == null ? "" : ready.url()));
                }
            } else if (action instanceof Action.RecordVariant variant) {
                LOG.log(System.Logger.Level.DEBUG, "shop {0}: run {1} drew variant {2} at {3}", run.shop(), run.id(),
                        variant.variant(), variant.stepId());
            } else if (action instanceof Action.Exit exit) {
                writes.flush(c); // its timers go: none of them may be written after
                timers.cancel(c, run.id());
                String reason = cause == null ? exit.reason() : describe(cause);
                messages.cancelPending(c, run.id(), reason, now);
                boolean goal = cause != null && isGoal(journey, cause);
                end(c, run, outcome.state(), goal ? JourneyRun.Status.CONVERTED : JourneyRun.Status.EXITED,
                        (goal ? "converted: " : "exited: ") + reason, writes, now);
            } else if (action instanceof Action.Complete) {
                end(c, run, outcome.state(), JourneyRun.Status.COMPLETED, "all steps done", writes, now);
            }
        }
        RunState state = outcome.state();
        for (Input answer : answers) {
            Outcome next = interpreter.advance(journey, state, answer, now, zone(c, run));
            JourneyRun moved = run.with(next.state().status().done() ? run.status() : JourneyRun.Status.WAITING,
                    next.state());
            store(c, moved, null, writes, now);
            apply(c, journey, moved, next, writes, now, null);
            state = next.state();
        }
    }

    private DiscountCodes.Result createOffer(JourneyRun run, Action.CreateOffer offer) {
        try {
            DiscountCodes.Result result = discountCodes.create(new DiscountCodes.Request(run.shop(), run.journey(),
                    run.id(), offer.stepId(), offer.spec(), offer.expiresAt()));
            if (result instanceof DiscountCodes.Result.Failed failed) {
                LOG.log(System.Logger.Level.WARNING, "shop {0}: no discount code for run {1}: {2}", run.shop(),
                        run.id(), failed.reason());
            }
            return result != null ? result : new DiscountCodes.Result.Failed("the discount service answered nothing");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "discount service failed for run " + run.id(), e);
            return new DiscountCodes.Result.Failed("the discount service failed: " + e.getMessage());
        }
    }

    /** A wait that leads straight to a send shows that message as scheduled, due when the wait ends. */
    private void scheduleNextSend(Connection c, JourneyDefinition journey, JourneyRun run, Action.ScheduleWake wake,
                                  DeferredWrites writes, Instant now) throws SQLException {
        int at = journey.indexOf(wake.stepId());
        Step wait = journey.steps().get(at);
        int nextIndex = wait.next().isNext() ? at + 1 : wait.next().isEnd() ? -1 : journey.indexOf(wait.next().target());
        if (!(wait instanceof Step.Wait) || nextIndex < 0 || nextIndex >= journey.steps().size()
                || !(journey.steps().get(nextIndex) instanceof Step.Send send)) {
            return;
        }
        writes.flush(c); // the step's message may be one the batch cleared (a journey that loops back to it)
        messages.scheduleOrMove(c, run.shop(), run.id(), run.journey(), send.id(), send.channel(),
                address(send.channel(), run.contact()), run.shopperKey(), purpose(journey),
                idempotencyKey(run, send.id()), wake.at(), now);
    }

    private void send(Connection c, JourneyDefinition journey, JourneyRun run, Action.SendMessage send,
                      DeferredWrites writes, Instant now) throws SQLException {
        Optional<String> id = messageFor(c, journey, run, send.stepId(), writes, now);
        if (id.isEmpty()) {
            return; // decided before (a duplicate pass)
        }
        String recipient = address(send.channel(), run.contact());
        MessageContent content;
        try {
            content = render(send, run);
        } catch (TemplateException e) {
            sender.skip(c, run, send.stepId(), id.get(), "template", "the template cannot be rendered: "
                    + e.getMessage(), writes, now);
            return;
        }
        sender.send(c, new MessageSender.Outgoing(run, send.stepId(), id.get(), send.channel(),
                send.transactional() ? Consent.Purpose.TRANSACTIONAL : Consent.Purpose.MARKETING, recipient,
                knownConsent(run, send.channel()), content), writes, now);
    }

    /** The pending message of the step, created if the step had none; empty if it was decided already. */
    private Optional<String> messageFor(Connection c, JourneyDefinition journey, JourneyRun run, String step,
                                        DeferredWrites writes, Instant now) throws SQLException {
        Optional<PendingMessage> pending = pending(c, run.id(), step, writes);
        if (pending.isPresent()) {
            return Optional.of(pending.get().id());
        }
        String key = idempotencyKey(run, step);
        writes.flush(c);
        if (messages.idByKey(c, key).isPresent()) {
            return Optional.empty();
        }
        Step.Send send = (Step.Send) journey.step(step).orElseThrow();
        return Optional.of(messages.schedule(c, run.shop(), run.id(), run.journey(), step, send.channel(),
                address(send.channel(), run.contact()), run.shopperKey(), purpose(journey), key, now, now));
    }

    /** The scheduled or deferred message of the run's step: as read ahead for the batch if it was, else queried. */
    private Optional<PendingMessage> pending(Connection c, String runId, String step, DeferredWrites writes)
            throws SQLException {
        if (writes.readAhead().knowsPending(runId, step)) {
            return writes.readAhead().pending(step);
        }
        writes.flush(c);
        return messages.pending(c, runId, step);
    }

    private MessageContent render(Action.SendMessage send, JourneyRun run) throws TemplateException {
        TemplateRef ref = send.template();
        MessageTemplate template = ref.inline() != null ? ref.inline() : templates.find(ref.id())
                .orElseThrow(() -> new TemplateException("no template '" + ref.id() + "'", null));
        MessageModel model = send.model().withShopName(run.shop().value());
        if (send.model().firstName() == null && run.contact().firstName() != null) {
            model = new MessageModel(model.shopName(), run.contact().firstName(), model.orderName(), model.lines(),
                    model.total(), model.recoveryUrl(), model.productUrl(), model.discountCode(),
                    model.discountText(), model.videoUrl(), model.trackingUrl());
        }
        return switch (send.channel()) {
            case SMS, WHATSAPP -> {
                String text = renderer.render(template.text(), model, Format.SMS).text();
                yield new MessageContent(null, text, null, SmsSegments.of(text));
            }
            case EMAIL -> new MessageContent(template.subject() == null ? null
                    : renderer.render(template.subject(), model, Format.EMAIL_TEXT).text(),
                    renderer.render(template.text(), model, Format.EMAIL_TEXT).text(),
                    template.html() == null ? null : renderer.render(template.html(), model, Format.EMAIL_HTML).text(),
                    null);
            case APP, WEB_PUSH -> MessageContent.text(renderer.render(template.text(), model, Format.PUSH).text());
        };
    }

    private void end(Connection c, JourneyRun run, RunState state, JourneyRun.Status status, String reason,
                     DeferredWrites writes, Instant now) throws SQLException {
        writes.flush(c); // the run's earlier rows first
        runs.update(c, run.with(status, state), run.interpreter(), now);
        runs.ended(c, run.id(), reason, now);
    }

    /**
     * Stores the run moved on from {@code stored}: kept for the batch's flush when the batch defers run rows and only
     * the row changed, else written now (after what the batch kept, so the run's rows land in order).
     */
    private void store(Connection c, JourneyRun run, RunState stored, DeferredWrites writes, Instant now)
            throws SQLException {
        if (writes.defersRows()) {
            if (JdbcJourneyRunStore.rowOnly(run, stored)) {
                writes.updateRun(run, now);
                return;
            }
            writes.flush(c);
        }
        runs.update(c, run, stored, now);
    }

    private ZoneId zone(Connection c, JourneyRun run) throws SQLException {
        ShopSettings settings = shopSettings.get(c, run.shop());
        List<ZoneId> zones = new ShopperTimeZones(settings.timeZone()).resolve(null, run.contact().phone(), null)
                .zones();
        return zones.isEmpty() ? settings.timeZone() : zones.get(0);
    }

    /**
     * The shop's per-journey cooldown if it set one; otherwise the journey's own, shortened by the shop-wide one
     * (a shop may shorten every journey's cooldown at once, or switch them all off with zero).
     */
    private static Duration cooldown(JourneyDefinition journey, ShopSettings settings) {
        Duration own = settings.reentryCooldownByJourney().get(journey.id());
        if (own != null) {
            return own;
        }
        Duration shopWide = settings.reentryCooldownFor(journey.id());
        return journey.reEntryCooldown().compareTo(shopWide) < 0 ? journey.reEntryCooldown() : shopWide;
    }

    /** A new set of {@link DeferredWrites} for one transaction's decisions and timers. */
    public DeferredWrites writes() {
        return new DeferredWrites(decisions, timers, runs, messages, false);
    }

    /**
     * As {@link #writes()}, for a worker that sends the messages it clears itself: they are committed as
     * {@code sending} and listed in {@link DeferredWrites#claimed()} for it to send after the commit.
     */
    public DeferredWrites writesSendingItself() {
        return new DeferredWrites(decisions, timers, runs, messages, true);
    }

    /** The key that names a journey's runs: the trigger's order, checkout or visit, if it has one. */
    static Optional<SubjectKey> subjectKey(JourneyDefinition journey) {
        return EventTypes.find(journey.trigger().event()).flatMap(type -> List.of(SubjectKey.ORDER,
                SubjectKey.CHECKOUT, SubjectKey.VISIT).stream().filter(k -> k.carriedBy(type)).findFirst());
    }

    private static boolean isGoal(JourneyDefinition journey, EventPayload payload) {
        return journey.goal() != null && journey.goal().event().equals(EventTypes.nameOf(payload));
    }

    /** Why an event ended a run, as the merchant reads it on a cancelled message: "order #1001 placed". */
    static String describe(EventPayload event) {
        if (event instanceof OrderPlaced o) {
            return "order " + (o.name().isEmpty() ? o.order().value() : o.name()) + " placed";
        } else if (event instanceof OrderCancelled o) {
            return "order " + o.order().value() + " cancelled";
        } else if (event instanceof CheckoutUpdated) {
            return "checkout completed";
        } else if (event instanceof dev.beckon.api.event.CartItemAdded) {
            return "an item was added to the cart";
        } else if (event instanceof dev.beckon.api.event.VisitEnded) {
            return "the visit ended";
        }
        return EventTypes.nameOf(event);
    }

    private static Consent.Purpose purpose(JourneyDefinition journey) {
        return journey.transactional() ? Consent.Purpose.TRANSACTIONAL : Consent.Purpose.MARKETING;
    }

    private static String idempotencyKey(JourneyRun run, String step) {
        return run.shop().value() + ":" + run.journey() + ":" + run.subject() + ":" + step;
    }

    static String address(ChannelType channel, JourneyRun.Contact contact) {
        return switch (channel) {
            case SMS, WHATSAPP -> contact.phone();
            case EMAIL -> contact.email();
            case APP, WEB_PUSH -> contact.device();
        };
    }

    private static Consent knownConsent(JourneyRun run, ChannelType channel) {
        Shopper shopper = run.interpreter() == null ? null : shopperOf(run.interpreter().trigger());
        return shopper == null ? null : shopper.marketingConsent(channel).orElse(null);
    }

    static Shopper shopperOf(EventPayload payload) {
        if (payload instanceof CheckoutUpdated e) {
            return e.shopper();
        } else if (payload instanceof OrderPlaced e) {
            return e.shopper();
        } else if (payload instanceof OrderFulfilled e) {
            return e.shopper();
        } else if (payload instanceof OrderPaid e) {
            return e.shopper();
        } else if (payload instanceof OrderCancelled e) {
            return e.shopper();
        } else if (payload instanceof CustomerUpdated e) {
            return e.shopper();
        }
        return null;
    }

    private static JourneyRun.Contact contactOf(EventPayload payload) {
        Shopper s = shopperOf(payload);
        String device = payload instanceof ProximityEvent p ? p.device().value() : null;
        String recovery = null;
        String cart = null;
        if (payload instanceof CheckoutUpdated checkout) {
            recovery = checkout.recoveryUrl() == null ? null : checkout.recoveryUrl().toString();
            cart = checkout.cartToken();
        }
        return new JourneyRun.Contact(s == null ? null : s.firstName(), s == null ? null : s.phone(),
                s == null ? null : s.email(), device, recovery, cart);
    }

    private static Instant updatedAt(EventEnvelope event) {
        return event.payload() instanceof CheckoutUpdated checkout ? checkout.updatedAt() : event.occurredAt();
    }
}
