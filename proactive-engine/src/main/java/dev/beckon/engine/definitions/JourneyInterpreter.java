package dev.beckon.engine.definitions;

import dev.beckon.api.event.CartItemAdded;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderCancelled;
import dev.beckon.api.event.OrderFulfilled;
import dev.beckon.api.event.OrderPaid;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.event.ProductViewed;
import dev.beckon.api.model.LineItem;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.Shopper;
import dev.beckon.engine.templates.MessageModel;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Runs journeys as data: given a definition, a run's state, what happened and the time, it returns the run's next
 * state and the actions to take, and nothing else. It reads no clock and does no I/O, so the engine stores the
 * state and performs the actions in its own transaction. A/B draws are seeded by the run id and step id, so a
 * run always draws the same variant. Stateless and thread-safe.
 *
 * <p>A run walks its steps from the first: a condition, a split or a send happens at once; a wait schedules a
 * wake; an offer waits for its code; a video waits for the video or its fallback timer. A timer for a step the
 * run is not waiting at (a stale or duplicate timer) changes nothing.
 */
public final class JourneyInterpreter {

    static final String DISCOUNT_CODE = "discountCode";
    static final String DISCOUNT_TEXT = "discountText";
    static final String VIDEO_URL = "videoUrl";
    static final String VIDEO_FALLBACK = "videoFallback";

    /** Whether an event starts a run, given when the same subject last entered (null if never). */
    public EntryDecision mayEnter(JourneyDefinition journey, EventPayload event, Instant lastEnteredAt,
                                  Instant now) {
        if (!journey.enabled()) {
            return new EntryDecision.Ignore("journey " + journey.id() + " is off");
        }
        if (!journey.trigger().event().equals(EventTypes.nameOf(event))) {
            return new EntryDecision.Ignore("journey " + journey.id() + " starts on " + journey.trigger().event());
        }
        for (Criterion c : journey.trigger().where()) {
            if (!Criteria.test(c, event, Map.of())) {
                return new EntryDecision.Ignore("trigger filter " + describe(c) + " does not hold");
            }
        }
        for (Criterion c : journey.entryConditions()) {
            if (!Criteria.test(c, event, Map.of())) {
                return new EntryDecision.Ignore("entry condition " + describe(c) + " does not hold");
            }
        }
        if (lastEnteredAt != null && !journey.reEntryCooldown().isZero()) {
            Instant until = lastEnteredAt.plus(journey.reEntryCooldown());
            if (now.isBefore(until)) {
                return new EntryDecision.CoolingDown(until);
            }
        }
        return new EntryDecision.Enter();
    }

    /**
     * Moves a run on.
     *
     * @param zone the shopper's time zone, for waits until a time of day
     * @throws IllegalArgumentException if the input does not fit the state (a start of a started run, a trigger
     *                                  of another type) or the definition was not validated
     */
    public Outcome advance(JourneyDefinition journey, RunState state, Input input, Instant now, ZoneId zone) {
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Walk walk = new Walk(journey, now, zone);
        if (input instanceof Input.Start start) {
            if (state.status() != RunState.Status.NEW) {
                throw new IllegalArgumentException("run " + state.runId() + " has already started");
            }
            if (!journey.trigger().event().equals(EventTypes.nameOf(start.event()))) {
                throw new IllegalArgumentException("journey " + journey.id() + " starts on "
                        + journey.trigger().event() + ", not " + EventTypes.nameOf(start.event()));
            }
            return walk.from(0, state.started(start.event(), now), late(start.at(), now));
        }
        if (state.status().done() || state.status() == RunState.Status.NEW) {
            return new Outcome(state, List.of());
        }
        if (input instanceof Input.Event event) {
            return exit(journey, state, event.event());
        }
        int at = journey.indexOf(state.step() == null ? "" : state.step());
        if (at < 0) {
            throw new IllegalArgumentException("run " + state.runId() + " waits at step '" + state.step()
                    + "', which journey " + journey.id() + " does not have");
        }
        Step step = journey.steps().get(at);
        if (input instanceof Input.TimerDue due) {
            if (!due.stepId().equals(state.step()) || (state.status() != RunState.Status.WAITING
                    && state.status() != RunState.Status.AWAITING_VIDEO)) {
                return new Outcome(state, List.of());
            }
            RunState next = state;
            if (state.status() == RunState.Status.AWAITING_VIDEO) {
                next = next.withVariable(VIDEO_FALLBACK, "true");
            }
            return walk.go(step.next(), at, next, late(due.dueAt(), now));
        }
        if (input instanceof Input.OfferCreated created && waitingFor(state, created.stepId(),
                RunState.Status.AWAITING_OFFER)) {
            Step.Offer offer = (Step.Offer) step;
            RunState next = state.withVariable(DISCOUNT_CODE, created.code())
                    .withVariable(DISCOUNT_TEXT, offer.discount().describe());
            return walk.go(step.next(), at, next, state.lateness());
        }
        if (input instanceof Input.OfferFailed failed && waitingFor(state, failed.stepId(),
                RunState.Status.AWAITING_OFFER)) {
            return walk.go(step.next(), at, state, state.lateness());
        }
        if (input instanceof Input.VideoReady ready && waitingFor(state, ready.stepId(),
                RunState.Status.AWAITING_VIDEO)) {
            return walk.go(step.next(), at, state.withVariable(VIDEO_URL, ready.url()), Duration.ZERO);
        }
        return new Outcome(state, List.of());
    }

    /**
     * Whether an event is a conversion of the run for attribution: the goal's event type, for the run's subject,
     * within the goal window after the run's last message.
     */
    public boolean reachesGoal(JourneyDefinition journey, RunState state, EventPayload event, Instant at) {
        Goal goal = journey.goal();
        if (goal == null || state.lastSentAt() == null || !goal.event().equals(EventTypes.nameOf(event))) {
            return false;
        }
        return matches(goal.match(), state, event) && !at.isBefore(state.lastSentAt())
                && !at.isAfter(state.lastSentAt().plus(goal.within()));
    }

    /** The instant a wait ends when it starts at {@code now} for a shopper in {@code zone}. */
    public static Instant wakeTime(Step.Wait wait, Instant now, ZoneId zone) {
        Instant base = wait.duration() == null ? now : now.plus(wait.duration());
        LocalTime until = wait.untilLocalTime();
        if (until == null) {
            return base;
        }
        ZonedDateTime local = base.atZone(zone);
        // ZonedDateTime.of moves a time in a DST gap forward by the gap (02:30 on a spring-forward day is 03:30)
        ZonedDateTime candidate = ZonedDateTime.of(local.toLocalDate(), until, zone);
        if (candidate.toInstant().isBefore(base)) {
            candidate = ZonedDateTime.of(local.toLocalDate().plusDays(1), until, zone);
        }
        return candidate.toInstant();
    }

    private static Outcome exit(JourneyDefinition journey, RunState state, EventPayload event) {
        String type = EventTypes.nameOf(event);
        for (ExitRule rule : journey.exitEvents()) {
            if (!rule.event().equals(type) || !matches(rule.match(), state, event)) {
                continue;
            }
            if (rule.where().stream().allMatch(c -> Criteria.test(c, event, state.variables()))) {
                return new Outcome(state.at(RunState.Status.EXITED, null, Duration.ZERO),
                        List.of(new Action.Exit(type + " for the run's " + matchedKey(rule.match(), state, event))));
            }
        }
        return new Outcome(state, List.of());
    }

    private static boolean matches(List<SubjectKey> keys, RunState state, EventPayload event) {
        return matchedKey(keys, state, event) != null;
    }

    private static String matchedKey(List<SubjectKey> keys, RunState state, EventPayload event) {
        Map<SubjectKey, String> eventKeys = SubjectKey.of(event);
        for (SubjectKey key : keys) {
            String mine = state.keys().get(key);
            if (mine != null && mine.equals(eventKeys.get(key))) {
                return key.json();
            }
        }
        return null;
    }

    private static boolean waitingFor(RunState state, String stepId, RunState.Status status) {
        return state.status() == status && stepId.equals(state.step());
    }

    private static Duration late(Instant due, Instant now) {
        Duration late = Duration.between(due, now);
        return late.isNegative() ? Duration.ZERO : late;
    }

    private static String describe(Criterion c) {
        return c.path() + " " + c.operator().json()
                + (c.operator().takesOperand() ? " " + c.operand() : "");
    }

    /** One pass through the steps that happen at once. */
    private static final class Walk {

        private final JourneyDefinition journey;
        private final Instant now;
        private final ZoneId zone;
        private final List<Action> actions = new ArrayList<>();

        Walk(JourneyDefinition journey, Instant now, ZoneId zone) {
            this.journey = journey;
            this.now = now;
            this.zone = zone;
        }

        Outcome go(Goto go, int from, RunState state, Duration lateness) {
            return from(target(go, from), state, lateness);
        }

        Outcome from(int index, RunState state, Duration lateness) {
            List<Step> steps = journey.steps();
            int i = index;
            for (int passed = 0; i < steps.size(); passed++) {
                if (passed > steps.size()) {
                    throw new IllegalArgumentException("journey " + journey.id() + " loops; validate it first");
                }
                Step step = steps.get(i);
                if (step instanceof Step.Wait wait) {
                    actions.add(new Action.ScheduleWake(step.id(), wakeTime(wait, now, zone)));
                    return done(state.at(RunState.Status.WAITING, step.id(), lateness));
                }
                if (step instanceof Step.Video video) {
                    Instant due = now.plus(video.fallbackAfter());
                    actions.add(new Action.RequestVideo(step.id(), due));
                    actions.add(new Action.ScheduleWake(step.id(), due));
                    return done(state.at(RunState.Status.AWAITING_VIDEO, step.id(), lateness));
                }
                if (step instanceof Step.Offer offer) {
                    actions.add(new Action.CreateOffer(step.id(), offer.discount(),
                            now.plus(offer.discount().expiresIn())));
                    return done(state.at(RunState.Status.AWAITING_OFFER, step.id(), lateness));
                }
                if (step instanceof Step.Condition condition) {
                    boolean holds = Criteria.test(condition.when(), state.trigger(), state.variables());
                    i = target(holds ? condition.then() : condition.otherwise(), i);
                    continue;
                }
                if (step instanceof Step.Split split) {
                    String drawn = state.variants().get(split.id());
                    Step.Split.Variant variant = split.variants().stream().filter(v -> v.name().equals(drawn))
                            .findFirst().orElse(null);
                    if (variant == null) {
                        variant = draw(split, state.runId());
                        state = state.withVariant(split.id(), variant.name());
                        actions.add(new Action.RecordVariant(split.id(), variant.name()));
                    }
                    i = target(variant.go(), i);
                    continue;
                }
                Step.Send send = (Step.Send) step;
                if (send.staleAfter() != null && lateness.compareTo(send.staleAfter()) > 0) {
                    actions.add(new Action.SkipStale(send.id(), lateness));
                } else {
                    actions.add(new Action.SendMessage(send.id(), send.channel(), send.template(),
                            model(state), journey.transactional()));
                    state = state.sent(now);
                }
                i = target(send.next(), i);
            }
            actions.add(new Action.Complete());
            return done(state.at(RunState.Status.COMPLETED, null, Duration.ZERO));
        }

        private Outcome done(RunState state) {
            return new Outcome(state, actions);
        }

        private int target(Goto go, int from) {
            if (go.isNext()) {
                return from + 1;
            }
            if (go.isEnd()) {
                return journey.steps().size();
            }
            int to = journey.indexOf(go.target());
            if (to < 0) {
                throw new IllegalArgumentException("journey " + journey.id() + " has no step '" + go.target()
                        + "'; validate it first");
            }
            return to;
        }
    }

    /** Draws a variant by weight with a generator seeded by the run and step ids (FNV-1a, 64 bits). */
    static Step.Split.Variant draw(Step.Split split, String runId) {
        long seed = 0xcbf29ce484222325L;
        for (byte b : (runId + "/" + split.id()).getBytes(StandardCharsets.UTF_8)) {
            seed ^= b & 0xff;
            seed *= 0x100000001b3L;
        }
        int roll = new SplittableRandom(seed).nextInt(100);
        int cumulative = 0;
        for (Step.Split.Variant v : split.variants()) {
            cumulative += v.weight();
            if (roll < cumulative) {
                return v;
            }
        }
        return split.variants().get(split.variants().size() - 1);
    }

    /** The template model of a run: what its trigger event tells, plus the run's code and video link. */
    static MessageModel model(RunState state) {
        EventPayload e = state.trigger();
        Shopper shopper = null;
        String orderName = null;
        List<LineItem> lines = List.of();
        Money total = null;
        URI recovery = null;
        URI product = null;
        URI tracking = null;
        if (e instanceof CheckoutUpdated c) {
            shopper = c.shopper();
            lines = c.lines();
            total = c.total();
            recovery = c.recoveryUrl();
        } else if (e instanceof OrderPlaced o) {
            shopper = o.shopper();
            orderName = o.name().isEmpty() ? o.order().value() : o.name();
            lines = o.lines();
            total = o.total();
        } else if (e instanceof OrderFulfilled f) {
            shopper = f.shopper();
            orderName = f.order().value();
            tracking = f.trackingUrl();
        } else if (e instanceof OrderPaid p) {
            shopper = p.shopper();
            orderName = p.order().value();
            total = p.total();
        } else if (e instanceof OrderCancelled c) {
            shopper = c.shopper();
            orderName = c.order().value();
        } else if (e instanceof CustomerUpdated c) {
            shopper = c.shopper();
        } else if (e instanceof ProductViewed v) {
            product = v.url();
        } else if (e instanceof CartItemAdded a) {
            product = a.url();
        }
        Map<String, String> vars = state.variables();
        return new MessageModel(null, shopper == null ? null : shopper.firstName(), orderName,
                lines.stream().map(l -> new MessageModel.Line(l.title(), l.quantity(), l.unitPrice())).toList(),
                total, text(recovery), text(product), vars.get(DISCOUNT_CODE), vars.get(DISCOUNT_TEXT),
                vars.get(VIDEO_URL), text(tracking));
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }
}
