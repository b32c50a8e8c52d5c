package dev.beckon.engine.guardrails;

/** One policy a send must pass. Pure: no I/O, no clock of its own (the attempt carries the time). */
@FunctionalInterface
public interface Guardrail {

    Decision check(SendAttempt attempt);
}
