package dev.beckon.engine.guardrails;

/** One policy a send must pass. Pure: no I/O, no clock of its own (the attempt carries the time). */
@FunctionalInterface
public interface Guardrail {

    Decision check(SendAttempt attempt);

    /** The policy's name as merchants read it next to its decisions ({@code quiet hours}). */
    default String name() {
        return getClass().getSimpleName();
    }
}
