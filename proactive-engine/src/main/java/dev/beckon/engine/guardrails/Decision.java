package dev.beckon.engine.guardrails;

import java.time.Instant;
import java.util.Objects;

/** A guardrail's answer to "may this message go now?". Every non-Allow answer carries a reason for the merchant. */
public sealed interface Decision {

    record Allow() implements Decision {
    }

    /** Not now; try again at {@code until} (quiet hours). */
    record Defer(Instant until, String reason) implements Decision {

        public Defer {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Not at all (no consent, no address, cap reached). */
    record Skip(String reason) implements Decision {

        public Skip {
            Objects.requireNonNull(reason, "reason");
        }
    }

    Decision ALLOW = new Allow();
}
