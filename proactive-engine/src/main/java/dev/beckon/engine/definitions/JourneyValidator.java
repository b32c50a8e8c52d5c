package dev.beckon.engine.definitions;

import dev.beckon.api.event.EventPayload;
import dev.beckon.api.model.ChannelType;
import dev.beckon.engine.templates.MessageTemplate;
import dev.beckon.engine.templates.MoneyFormat;
import dev.beckon.engine.templates.TemplateCatalog;
import dev.beckon.engine.templates.TemplateException;
import dev.beckon.engine.templates.TemplateRenderer;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what a journey means: known event types, paths that exist on them, unique step ids, jumps to steps that
 * exist and never loop, positive durations, split weights summing to 100, templates that exist and compile,
 * and that a built-in journey keeps its trigger. Thread-safe.
 */
public final class JourneyValidator {

    /** Ids of journeys and steps: lower-case letters, digits and dashes, up to 64. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    public static final int MAX_STEPS = 50;
    static final Duration MAX_WAIT = Duration.ofDays(400);

    private final TemplateCatalog templates;
    private final Map<String, Trigger> fixedTriggers;
    private final TemplateRenderer renderer = new TemplateRenderer(new MoneyFormat(Locale.ROOT));

    /**
     * @param templates     the template ids a send step may name
     * @param fixedTriggers the triggers of the built-in journeys by id, which a shop cannot change
     */
    public JourneyValidator(TemplateCatalog templates, Map<String, Trigger> fixedTriggers) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.fixedTriggers = Map.copyOf(fixedTriggers);
    }

    /** @throws JourneyValidationException with every problem found */
    public void check(JourneyDefinition journey) throws JourneyValidationException {
        List<ValidationError> errors = validate(journey);
        if (!errors.isEmpty()) {
            throw new JourneyValidationException(errors);
        }
    }

    /** Every problem of the journey; empty if it is valid. */
    public List<ValidationError> validate(JourneyDefinition j) {
        List<ValidationError> errors = new ArrayList<>();
        if (!ID.matcher(j.id()).matches()) {
            errors.add(new ValidationError("/id", "must be 1 to 64 lower-case letters, digits or dashes"));
        }
        if (j.name().isBlank() || j.name().length() > 200) {
            errors.add(new ValidationError("/name", "must be 1 to 200 characters"));
        }
        Optional<Class<? extends EventPayload>> trigger = eventType(j.trigger().event(), "/trigger/event", errors);
        Trigger fixed = fixedTriggers.get(j.id());
        if (fixed != null && !fixed.equals(j.trigger())) {
            errors.add(new ValidationError("/trigger", "the built-in journey '" + j.id()
                    + "' keeps its trigger (" + fixed.event() + "); copy it under a new id to change the trigger"));
        }
        trigger.ifPresent(type -> {
            criteria(j.trigger().where(), type, "/trigger/where", errors);
            criteria(j.entryConditions(), type, "/entryConditions", errors);
        });
        steps(j, trigger.orElse(null), errors);
        for (int i = 0; i < j.exitEvents().size(); i++) {
            ExitRule exit = j.exitEvents().get(i);
            String at = "/exitEvents/" + i;
            Optional<Class<? extends EventPayload>> type = eventType(exit.event(), at + "/event", errors);
            type.ifPresent(t -> {
                keys(exit.match(), t, trigger.orElse(null), at, errors);
                criteria(exit.where(), t, at + "/where", errors);
            });
        }
        if (j.goal() != null) {
            Optional<Class<? extends EventPayload>> type = eventType(j.goal().event(), "/goal/event", errors);
            positive(j.goal().within(), "/goal/within", errors);
            type.ifPresent(t -> keys(j.goal().match(), t, trigger.orElse(null), "/goal", errors));
        }
        if (j.reEntryCooldown().isNegative()) {
            errors.add(new ValidationError("/reEntryCooldown", "must not be negative"));
        }
        return errors;
    }

    private void steps(JourneyDefinition j, Class<? extends EventPayload> trigger, List<ValidationError> errors) {
        List<Step> steps = j.steps();
        if (steps.isEmpty()) {
            errors.add(new ValidationError("/steps", "a journey needs at least one step"));
            return;
        }
        if (steps.size() > MAX_STEPS) {
            errors.add(new ValidationError("/steps", "at most " + MAX_STEPS + " steps, got " + steps.size()));
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            String id = steps.get(i).id();
            String at = "/steps/" + i;
            if (!ID.matcher(id).matches() || id.equals(Goto.NEXT_NAME) || id.equals(Goto.END_NAME)) {
                errors.add(new ValidationError(at + "/id", "must be 1 to 64 lower-case letters, digits or dashes,"
                        + " and not 'next' or 'end'"));
            }
            Integer first = index.putIfAbsent(id, i);
            if (first != null) {
                errors.add(new ValidationError(at + "/id", "duplicate step id '" + id + "' (also /steps/" + first
                        + "/id)"));
            }
        }
        boolean jumpsOk = true;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = "/steps/" + i;
            if (step instanceof Step.Wait w) {
                if (w.duration() == null && w.untilLocalTime() == null) {
                    errors.add(new ValidationError(at, "a wait needs a duration, an until time, or both"));
                }
                if (w.duration() != null && positive(w.duration(), at + "/duration", errors)
                        && w.duration().compareTo(MAX_WAIT) > 0) {
                    errors.add(new ValidationError(at + "/duration", "at most " + MAX_WAIT.toDays() + " days"));
                }
            } else if (step instanceof Step.Condition c) {
                if (trigger != null) {
                    errors.addAll(Criteria.validate(c.when(), trigger, at + "/when"));
                }
                jumpsOk &= target(c.then(), index, at + "/then", errors);
                jumpsOk &= target(c.otherwise(), index, at + "/else", errors);
            } else if (step instanceof Step.Send s) {
                send(s, at, errors);
            } else if (step instanceof Step.Video v) {
                positive(v.fallbackAfter(), at + "/fallbackAfter", errors);
            } else if (step instanceof Step.Offer o) {
                discount(o.discount(), at + "/discount", errors);
            } else if (step instanceof Step.Split s) {
                jumpsOk &= split(s, index, at, errors);
            }
            if (!(step instanceof Step.Condition) && !(step instanceof Step.Split)) {
                jumpsOk &= target(step.next(), index, at + "/next", errors);
            }
        }
        if (jumpsOk && index.size() == steps.size()) {
            graph(j, errors);
        }
    }

    private void send(Step.Send s, String at, List<ValidationError> errors) {
        if (s.staleAfter() != null) {
            positive(s.staleAfter(), at + "/staleAfter", errors);
        }
        TemplateRef ref = s.template();
        if (ref.id() != null) {
            if (templates.find(ref.id()).isEmpty()) {
                errors.add(new ValidationError(at + "/template", "unknown template '" + ref.id() + "'; known: "
                        + Criteria.known(templates.ids())));
            }
            return;
        }
        MessageTemplate t = ref.inline();
        if (s.channel() == ChannelType.EMAIL && (t.subject() == null || t.subject().isBlank())) {
            errors.add(new ValidationError(at + "/template/subject", "an email needs a subject"));
        }
        if (s.channel() != ChannelType.EMAIL && (t.subject() != null || t.html() != null)) {
            errors.add(new ValidationError(at + "/template", "only an email has a subject and html"));
        }
        compiles(t.subject(), at + "/template/subject", errors);
        compiles(t.text(), at + "/template/text", errors);
        compiles(t.html(), at + "/template/html", errors);
    }

    private void compiles(String template, String at, List<ValidationError> errors) {
        if (template == null) {
            return;
        }
        try {
            renderer.check(template);
        } catch (TemplateException e) {
            errors.add(new ValidationError(at, e.getMessage()));
        }
    }

    private static void discount(DiscountSpec d, String at, List<ValidationError> errors) {
        if (d.kind() == DiscountSpec.Kind.PERCENT) {
            if (d.value().signum() <= 0 || d.value().compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new ValidationError(at + "/value", "a percentage must be more than 0 and at most 100"));
            }
            if (d.currency() != null) {
                errors.add(new ValidationError(at + "/currency", "a percentage has no currency"));
            }
        } else {
            if (d.value().signum() <= 0) {
                errors.add(new ValidationError(at + "/value", "an amount must be more than 0"));
            }
            if (d.currency() == null) {
                errors.add(new ValidationError(at + "/currency", "an amount needs an ISO 4217 currency"));
            } else {
                try {
                    Currency c = Currency.getInstance(d.currency());
                    if (d.value().scale() > Math.max(c.getDefaultFractionDigits(), 0)) {
                        errors.add(new ValidationError(at + "/value", "too many decimals for " + d.currency()));
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(new ValidationError(at + "/currency", "unknown currency '" + d.currency() + "'"));
                }
            }
        }
        positive(d.expiresIn(), at + "/expiresIn", errors);
    }

    private static boolean split(Step.Split s, Map<String, Integer> index, String at, List<ValidationError> errors) {
        boolean ok = true;
        if (s.variants().size() < 2) {
            errors.add(new ValidationError(at + "/variants", "a split needs at least two variants"));
        }
        int sum = 0;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < s.variants().size(); i++) {
            Step.Split.Variant v = s.variants().get(i);
            String vat = at + "/variants/" + i;
            if (v.name().isBlank() || !names.add(v.name())) {
                errors.add(new ValidationError(vat + "/name", "variant names must be non-blank and unique"));
            }
            if (v.weight() < 0 || v.weight() > 100) {
                errors.add(new ValidationError(vat + "/weight", "must be 0 to 100"));
            }
            sum += v.weight();
            ok &= target(v.go(), index, vat + "/go", errors);
        }
        if (s.variants().size() >= 2 && sum != 100) {
            errors.add(new ValidationError(at + "/variants", "weights must sum to 100, they sum to " + sum));
        }
        return ok;
    }

    private static boolean target(Goto go, Map<String, Integer> index, String at, List<ValidationError> errors) {
        if (go.isStep() && !index.containsKey(go.target())) {
            errors.add(new ValidationError(at, "no step '" + go.target() + "'; use a step id, 'next' or 'end'"));
            return false;
        }
        return true;
    }

    /** Rejects loops (a run must always move forward) and steps no run can reach. */
    private static void graph(JourneyDefinition j, List<ValidationError> errors) {
        List<Step> steps = j.steps();
        int n = steps.size();
        List<List<Integer>> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> out = new ArrayList<>();
            for (Goto go : exits(steps.get(i))) {
                int to = go.isNext() ? i + 1 : go.isEnd() ? n : j.indexOf(go.target());
                if (to < n) {
                    out.add(to);
                }
            }
            edges.add(out);
        }
        int[] state = new int[n]; // 0 unseen, 1 on the path, 2 done
        for (int start = 0; start < n; start++) {
            if (state[start] == 0 && loop(start, edges, state, steps, errors)) {
                return;
            }
        }
        boolean[] reached = new boolean[n];
        List<Integer> todo = new ArrayList<>(List.of(0));
        reached[0] = true;
        while (!todo.isEmpty()) {
            for (int to : edges.get(todo.remove(todo.size() - 1))) {
                if (!reached[to]) {
                    reached[to] = true;
                    todo.add(to);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!reached[i]) {
                errors.add(new ValidationError("/steps/" + i, "step '" + steps.get(i).id() + "' is never reached"));
            }
        }
    }

    private static boolean loop(int at, List<List<Integer>> edges, int[] state, List<Step> steps,
                                List<ValidationError> errors) {
        state[at] = 1;
        for (int to : edges.get(at)) {
            if (state[to] == 1) {
                errors.add(new ValidationError("/steps/" + at, "step '" + steps.get(at).id()
                        + "' loops back to step '" + steps.get(to).id() + "'; journeys only move forward"));
                return true;
            }
            if (state[to] == 0 && loop(to, edges, state, steps, errors)) {
                return true;
            }
        }
        state[at] = 2;
        return false;
    }

    static List<Goto> exits(Step step) {
        if (step instanceof Step.Condition c) {
            return List.of(c.then(), c.otherwise());
        }
        if (step instanceof Step.Split s) {
            return s.variants().stream().map(Step.Split.Variant::go).toList();
        }
        return List.of(step.next());
    }

    private static void keys(List<SubjectKey> keys, Class<? extends EventPayload> type,
                             Class<? extends EventPayload> trigger, String at, List<ValidationError> errors) {
        if (keys.isEmpty()) {
            errors.add(new ValidationError(at + "/match", "needs at least one key that ties the event to the run"));
        }
        for (int i = 0; i < keys.size(); i++) {
            SubjectKey key = keys.get(i);
            if (!key.carriedBy(type)) {
                errors.add(new ValidationError(at + "/match/" + i, type.getSimpleName() + " has no " + key.json()));
            } else if (trigger != null && !key.carriedBy(trigger)) {
                errors.add(new ValidationError(at + "/match/" + i, "the trigger " + trigger.getSimpleName()
                        + " has no " + key.json() + ", so a run never has one to match"));
            }
        }
    }

    private static void criteria(List<Criterion> criteria, Class<?> type, String at, List<ValidationError> errors) {
        for (int i = 0; i < criteria.size(); i++) {
            errors.addAll(Criteria.validate(criteria.get(i), type, at + "/" + i));
        }
    }

    private static Optional<Class<? extends EventPayload>> eventType(String name, String at,
                                                                      List<ValidationError> errors) {
        Optional<Class<? extends EventPayload>> type = EventTypes.find(name);
        if (type.isEmpty()) {
            errors.add(new ValidationError(at, "unknown event type '" + name + "'; known: "
                    + String.join(", ", EventTypes.names())));
        }
        return type;
    }

    private static boolean positive(Duration d, String at, List<ValidationError> errors) {
        if (d.isNegative() || d.isZero()) {
            errors.add(new ValidationError(at, "must be a positive duration, got " + d));
            return false;
        }
        return true;
    }
}
