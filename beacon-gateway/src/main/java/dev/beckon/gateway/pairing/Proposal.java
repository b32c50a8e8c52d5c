package dev.beckon.gateway.pairing;

import java.util.List;
import java.util.Objects;

/**
 * What a scanner hears for pairing by proximity: the unpaired beacons it hears (recent ones first, then by median
 * RSSI, strongest first), and either the one beacon it proposes or why it proposes none. Immutable.
 */
public sealed interface Proposal {

    /** The unpaired beacons heard, recent ones first, strongest first; the proposed one, if any, is first. */
    List<HeardBeacon> heard();

    /** Why no beacon is proposed; staff then move the beacon to pair closer to the scanner, or wait. */
    enum Reason {
        /** The scanner hears no unpaired beacon (or has not been heard from for a while). */
        NOTHING_HEARD,
        /** No unpaired beacon was heard recently. */
        NOT_RECENT,
        /** The strongest was heard too few times recently to trust its RSSI. */
        TOO_FEW_SIGHTINGS,
        /** The strongest is not clearly stronger than the next one. */
        NOT_CLEARLY_STRONGEST
    }

    /**
     * The first of {@link #heard()} is clearly the beacon next to the scanner.
     *
     * @param marginDb how many dB its median is above the next recent one's; infinite when it is the only one
     */
    record Proposed(HeardBeacon beacon, double marginDb, List<HeardBeacon> heard) implements Proposal {

        public Proposed {
            Objects.requireNonNull(beacon, "beacon");
            heard = List.copyOf(heard);
            if (heard.isEmpty() || !heard.get(0).equals(beacon)) {
                throw new IllegalArgumentException("the proposed beacon must be the first heard");
            }
        }
    }

    /** None is proposed, for {@code reason}, told to a person in {@code explanation}. */
    record NoneProposed(Reason reason, String explanation, List<HeardBeacon> heard) implements Proposal {

        public NoneProposed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(explanation, "explanation");
            heard = List.copyOf(heard);
        }
    }
}
