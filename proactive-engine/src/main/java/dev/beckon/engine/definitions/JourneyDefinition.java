package dev.beckon.engine.definitions;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A journey as data, per shop: what starts a run, who may enter, the steps, what ends a run early, what counts
 * as its goal, and how soon the same subject may enter again. Built by {@link JourneyCodec} (which validates) or
 * in code (check it with {@link JourneyValidator}). Immutable.
 *
 * @param id              stable id ({@code abandoned-checkout}); lower-case letters, digits and dashes
 * @param name            shown to the merchant; never null
 * @param enabled         whether new subjects enter it
 * @param trigger         never null
 * @param entryConditions all must hold for the trigger event; never null
 * @param steps           at least one; never null
 * @param exitEvents      never null
 * @param goal            null if the journey has no conversion goal
 * @param reEntryCooldown how long after entering the same subject may enter again; {@link Duration#ZERO} for no
 *                        cooldown; never null
 * @param transactional   true for messages the shopper expects (order updates): they bypass marketing rules
 */
public record JourneyDefinition(String id, String name, boolean enabled, Trigger trigger,
                                List<Criterion> entryConditions, List<Step> steps, List<ExitRule> exitEvents,
                                Goal goal, Duration reEntryCooldown, boolean transactional) {

    public JourneyDefinition {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        Objects.requireNonNull(trigger, "trigger");
        entryConditions = entryConditions == null ? List.of() : List.copyOf(entryConditions);
        steps = steps == null ? List.of() : List.copyOf(steps);
        exitEvents = exitEvents == null ? List.of() : List.copyOf(exitEvents);
        reEntryCooldown = reEntryCooldown == null ? Duration.ZERO : reEntryCooldown;
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** The position of a step in {@link #steps()}, or -1. */
    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    public JourneyDefinition withEnabled(boolean on) {
        return new JourneyDefinition(id, name, on, trigger, entryConditions, steps, exitEvents, goal,
                reEntryCooldown, transactional);
    }
}
