package dev.beckon.engine.definitions;

import java.util.Objects;

/**
 * Where a run goes after a step or a branch: the {@code next} step in the list, the {@code end} of the journey, or
 * the step with an id. Written in JSON as that string. Immutable.
 *
 * @param target {@code "next"}, {@code "end"} or a step id; never null
 */
public record Goto(String target) {

    public static final String NEXT_NAME = "next";
    public static final String END_NAME = "end";
    public static final Goto NEXT = new Goto(NEXT_NAME);
    public static final Goto END = new Goto(END_NAME);

    public Goto {
        Objects.requireNonNull(target, "target");
    }

    public static Goto step(String id) {
        return new Goto(id);
    }

    public boolean isNext() {
        return NEXT_NAME.equals(target);
    }

    public boolean isEnd() {
        return END_NAME.equals(target);
    }

    /** True if this names a step. */
    public boolean isStep() {
        return !isNext() && !isEnd();
    }
}
