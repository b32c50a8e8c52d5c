package dev.beckon.engine.definitions;

import dev.beckon.api.event.EventPayload;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where one run of a journey stands, as the {@link JourneyInterpreter} reads and returns it; the engine stores it.
 * Immutable.
 *
 * @param runId      stable id of the run (seeds its A/B draws); never null
 * @param status     never null
 * @param step       the step the run waits at; null unless waiting
 * @param trigger    the event that started the run; null before it started
 * @param keys       the subject keys of the trigger (checkout, cart token, order…); never null
 * @param variables  run variables ({@code discountCode}, {@code videoUrl}…); never null
 * @param variants   the variant drawn at each split step passed; never null
 * @param enteredAt  when the run started; null before
 * @param lastSentAt when the run last produced a message; null if never (the goal window starts there)
 * @param lateness   how late the wake that led to the current step came; never null
 */
public record RunState(String runId, Status status, String step, EventPayload trigger, Map<SubjectKey, String> keys,
                       Map<String, String> variables, Map<String, String> variants, Instant enteredAt,
                       Instant lastSentAt, Duration lateness) {

    /** The life of a run. */
    public enum Status {
        /** Not started. */
        NEW,
        /** Waiting for a timer at {@link #step()} (a wait, or a video's fallback). */
        WAITING,
        /** Waiting for the discount code of the offer at {@link #step()}. */
        AWAITING_OFFER,
        /** Waiting for the video of {@link #step()}, or its fallback timer. */
        AWAITING_VIDEO,
        /** Went through its last step. */
        COMPLETED,
        /** Ended by an exit event. */
        EXITED;

        public boolean done() {
            return this == COMPLETED || this == EXITED;
        }
    }

    public RunState {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        keys = keys == null || keys.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(keys));
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        variants = variants == null ? Map.of() : Map.copyOf(variants);
        lateness = lateness == null ? Duration.ZERO : lateness;
    }

    /** A run that has not started. */
    public static RunState start(String runId) {
        return new RunState(runId, Status.NEW, null, null, Map.of(), Map.of(), Map.of(), null, null, Duration.ZERO);
    }

    RunState at(Status newStatus, String newStep, Duration newLateness) {
        return new RunState(runId, newStatus, newStep, trigger, keys, variables, variants, enteredAt, lastSentAt,
                newLateness);
    }

    RunState withVariable(String name, String value) {
        Map<String, String> vars = new HashMap<>(variables);
        if (value == null) {
            vars.remove(name);
        } else {
            vars.put(name, value);
        }
        return new RunState(runId, status, step, trigger, keys, vars, variants, enteredAt, lastSentAt, lateness);
    }

    RunState withVariant(String splitStep, String variant) {
        Map<String, String> drawn = new HashMap<>(variants);
        drawn.put(splitStep, variant);
        return new RunState(runId, status, step, trigger, keys, variables, drawn, enteredAt, lastSentAt, lateness);
    }

    RunState sent(Instant at) {
        return new RunState(runId, status, step, trigger, keys, variables, variants, enteredAt, at, lateness);
    }

    RunState started(EventPayload event, Instant at) {
        return new RunState(runId, status, step, event, SubjectKey.of(event), variables, variants, at, lastSentAt,
                lateness);
    }
}
