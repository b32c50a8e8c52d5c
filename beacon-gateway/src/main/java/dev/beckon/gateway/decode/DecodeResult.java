package dev.beckon.gateway.decode;

import java.util.Objects;

/** The outcome of decoding one advertisement payload: a frame, or the reason there is none. Immutable. */
public sealed interface DecodeResult {

    /** The payload is a beacon frame. @param frame never null */
    record Decoded(BeaconFrame frame) implements DecodeResult {

        public Decoded {
            Objects.requireNonNull(frame, "frame");
        }
    }

    /** The payload is not a beacon frame this gateway understands. @param reason never null */
    record Undecodable(DecodeFailure reason) implements DecodeResult {

        public Undecodable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
