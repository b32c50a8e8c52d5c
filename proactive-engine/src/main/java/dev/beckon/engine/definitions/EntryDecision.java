package dev.beckon.engine.definitions;

import java.time.Instant;
import java.util.Objects;

/** Whether an event starts a run of a journey. All implementations are immutable records. */
public sealed interface EntryDecision permits EntryDecision.Enter, EntryDecision.Ignore, EntryDecision.CoolingDown {

    /** Start a run. */
    record Enter() implements EntryDecision {
    }

    /** The event does not start this journey, and why. */
    record Ignore(String reason) implements EntryDecision {

        public Ignore {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The subject entered recently; it may enter again from {@code until}. */
    record CoolingDown(Instant until) implements EntryDecision {

        public CoolingDown {
            Objects.requireNonNull(until, "until");
        }
    }
}
