package dev.beckon.gateway.filter;

import java.util.Objects;

/** What {@link RssiWindowFilter#offer} did with a reading. Immutable. */
public sealed interface FilterOutcome {

    /** The reading was taken; {@code estimate} is the window's estimate with it. @param estimate never null */
    record Accepted(RssiEstimate estimate) implements FilterOutcome {

        public Accepted {
            Objects.requireNonNull(estimate, "estimate");
        }
    }

    /** The reading was dropped (and counted). @param reason never null */
    record Rejected(FilterRejection reason) implements FilterOutcome {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
