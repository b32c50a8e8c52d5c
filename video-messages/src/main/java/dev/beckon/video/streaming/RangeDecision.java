package dev.beckon.video.streaming;

/**
 * How to answer a GET or HEAD for a video: the whole representation, one byte range of it, or 416.
 * {@link ResponseHeaders#of} turns a decision into its headers. Immutable and thread-safe.
 */
public sealed interface RangeDecision {

    /** The HTTP status code: 200, 206 or 416. */
    int status();

    /** How many content bytes a GET answer carries (and what Content-Length says, for HEAD too). */
    long contentLength();

    /** The complete length of the representation. */
    long length();

    /** 200 with the whole representation. */
    record Full(long length) implements RangeDecision {

        public Full {
            requireLength(length);
        }

        @Override
        public int status() {
            return 200;
        }

        @Override
        public long contentLength() {
            return length;
        }
    }

    /**
     * 206 with bytes {@code start..endInclusive}; always sent with Content-Range, even when the range covers the
     * whole representation (Chrome needs it: omnifaces#269).
     */
    record Partial(long start, long endInclusive, long length) implements RangeDecision {

        public Partial {
            requireLength(length);
            if (start < 0 || endInclusive < start || endInclusive >= length) {
                throw new IllegalArgumentException(
                        "range " + start + "-" + endInclusive + " is not inside a length of " + length);
            }
        }

        @Override
        public int status() {
            return 206;
        }

        @Override
        public long contentLength() {
            return endInclusive - start + 1;
        }
    }

    /** 416: no requested range overlaps the representation; sent with {@code Content-Range: bytes *}{@code /length}. */
    record NotSatisfiable(long length) implements RangeDecision {

        public NotSatisfiable {
            requireLength(length);
        }

        @Override
        public int status() {
            return 416;
        }

        @Override
        public long contentLength() {
            return 0;
        }
    }

    private static void requireLength(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0: " + length);
        }
    }
}
