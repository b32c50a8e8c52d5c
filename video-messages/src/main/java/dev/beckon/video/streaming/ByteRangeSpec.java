package dev.beckon.video.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One range-spec of a {@code bytes} Range header (RFC 9110 §14.1.1), parsed but not yet resolved against a
 * length. Immutable and thread-safe.
 */
sealed interface ByteRangeSpec {

    /** Marks an open-ended {@code first-} range. */
    long OPEN = -1;

    /** Resolves this spec against the representation's complete length. */
    RangeDecision resolve(long length);

    /** {@code first-last} or, with {@code last == OPEN}, {@code first-}. Numbers too large for a long saturate. */
    record IntRange(long first, long last) implements ByteRangeSpec {

        @Override
        public RangeDecision resolve(long length) {
            if (first >= length) {
                return new RangeDecision.NotSatisfiable(length);
            }
            long end = last == OPEN ? length - 1 : Math.min(last, length - 1);
            return new RangeDecision.Partial(first, end, length);
        }
    }

    /** {@code -suffixLength}: the last {@code suffixLength} bytes, or all of them when the representation is shorter. */
    record Suffix(long suffixLength) implements ByteRangeSpec {

        @Override
        public RangeDecision resolve(long length) {
            if (suffixLength == 0) {
                return new RangeDecision.NotSatisfiable(length);
            }
            if (length == 0) {
                // satisfiable by RFC 9110, but an empty range has no Content-Range form: send the (empty) whole
                return new RangeDecision.Full(0);
            }
            return new RangeDecision.Partial(Math.max(0, length - suffixLength), length - 1, length);
        }
    }

    /**
     * {@code first-last} with {@code last < first} ({@code bytes=9-3}): invalid, and answered 416 rather than
     * silently ignored, so a client with a broken seek gets a clear error instead of the whole video.
     */
    record Reversed(long first, long last) implements ByteRangeSpec {

        @Override
        public RangeDecision resolve(long length) {
            return new RangeDecision.NotSatisfiable(length);
        }
    }

    /**
     * Parses a Range header value.
     *
     * @return the specs in request order, or empty when the unit is not {@code bytes} (compared case-insensitively)
     *         or any part is malformed: such a header is ignored as a whole. A reversed range ({@code first > last})
     *         is kept as {@link Reversed}, which is not satisfiable.
     */
    static Optional<List<ByteRangeSpec>> parseRangeHeader(String value) {
        String v = stripOws(value);
        int eq = v.indexOf('=');
        if (eq < 0 || !v.substring(0, eq).equalsIgnoreCase("bytes")) {
            return Optional.empty();
        }
        List<ByteRangeSpec> specs = new ArrayList<>();
        for (String element : v.substring(eq + 1).split(",", -1)) {
            String spec = stripOws(element);
            if (spec.isEmpty()) {
                continue; // RFC 9110 §5.6.1.2: recipients ignore empty list elements
            }
            Optional<ByteRangeSpec> parsed = parseSpec(spec);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            specs.add(parsed.get());
        }
        return specs.isEmpty() ? Optional.empty() : Optional.of(specs);
    }

    private static Optional<ByteRangeSpec> parseSpec(String spec) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String first = spec.substring(0, dash);
        String last = spec.substring(dash + 1);
        if (first.isEmpty()) {
            return isDigits(last) ? Optional.of(new Suffix(saturatingParse(last))) : Optional.empty();
        }
        if (!isDigits(first)) {
            return Optional.empty();
        }
        long from = saturatingParse(first);
        if (last.isEmpty()) {
            return Optional.of(new IntRange(from, OPEN));
        }
        if (!isDigits(last)) {
            return Optional.empty();
        }
        long to = saturatingParse(last);
        return Optional.of(to < from ? new Reversed(from, to) : new IntRange(from, to));
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Digits to a long; anything past Long.MAX_VALUE stays there (it is beyond every length anyway). */
    private static long saturatingParse(String digits) {
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (n > (Long.MAX_VALUE - d) / 10) {
                return Long.MAX_VALUE;
            }
            n = n * 10 + d;
        }
        return n;
    }

    private static String stripOws(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isOws(s.charAt(from))) {
            from++;
        }
        while (to > from && isOws(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}
