package dev.beckon.engine.definitions;

import java.util.List;
import java.util.Objects;

/**
 * The interpreter's answer: the run's new state and the actions to take, in order. Immutable.
 *
 * @param state   never null
 * @param actions never null; empty if the input changed nothing
 */
public record Outcome(RunState state, List<Action> actions) {

    public Outcome {
        Objects.requireNonNull(state, "state");
        actions = List.copyOf(actions);
    }
}
