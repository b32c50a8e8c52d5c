package dev.beckon.gateway.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The fields of a flat JSON object read straight from its bytes, without building a JSON-P tree: the shape of every
 * ESPresense and Theengs report, read once per sighting. It reads a strict subset of JSON only: one object whose
 * member names and string values are printable ASCII without escapes, whose values are strings, numbers,
 * {@code true}, {@code false} or {@code null}, followed by nothing but whitespace. Anything else (nested values,
 * escapes, other bytes, malformed or truncated input) is not read here: {@link #read} returns null and the caller
 * falls back to JSON-P, which judges it. What it does read, it answers exactly as {@link JsonPayload} does: the last
 * of duplicate names wins, numbers are correctly rounded doubles (an exact zero without a sign, as JSON-P's
 * {@code BigDecimal}s give it; an underflow keeps its sign), numeric strings are read with {@link Double#parseDouble}.
 *
 * <p>Immutable after {@link #read}; thread-safe. Allocates the instance and one small array per payload, and a
 * string per string field asked for.
 */
final class FlatJsonFields implements ReportFields {

    private static final int STRING = 0;
    private static final int NUMBER = 1;
    private static final int LITERAL = 2;
    /** Per member: name start, name end, value start, value end, value kind. */
    private static final int SPAN = 5;
    /** A decimal with at most this many digits is exact as a long and a double. */
    private static final int EXACT_DIGITS = 15;
    private static final String[] LITERALS = {"true", "false", "null"};
    /** Powers of ten exact as doubles: 10^0 .. 10^22. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final byte[] json;
    private final int[] spans;
    private final int members;

    private FlatJsonFields(byte[] json, int[] spans, int members) {
        this.json = json;
        this.spans = spans;
        this.members = members;
    }

    /**
     * @param json a scanner's payload, or null; not modified, and not to be modified while the result is in use
     * @return its fields, or null when it is not a flat object of the subset above (JSON-P must judge it)
     */
    static FlatJsonFields read(byte[] json) {
        if (json == null) {
            return null;
        }
        int n = json.length;
        int i = skipWhitespace(json, 0);
        if (i >= n || json[i] != '{') {
            return null;
        }
        int[] spans = new int[8 * SPAN];
        int members = 0;
        i = skipWhitespace(json, i + 1);
        if (i < n && json[i] == '}') {
            i++;
        } else {
            while (true) {
                if (i >= n || json[i] != '"') {
                    return null;
                }
                int nameStart = i + 1;
                int nameEnd = stringEnd(json, nameStart);
                if (nameEnd < 0) {
                    return null;
                }
                i = skipWhitespace(json, nameEnd + 1);
                if (i >= n || json[i] != ':') {
                    return null;
                }
                i = skipWhitespace(json, i + 1);
                if (i >= n) {
                    return null;
                }
                int valueStart;
                int valueEnd;
                int kind;
                byte first = json[i];
                if (first == '"') {
                    valueStart = i + 1;
                    valueEnd = stringEnd(json, valueStart);
                    kind = STRING;
                    i = valueEnd + 1;
                } else if (first == '-' || isDigit(first)) {
                    valueStart = i;
                    valueEnd = numberEnd(json, i);
                    kind = NUMBER;
                    i = valueEnd;
                } else {
                    valueStart = i;
                    valueEnd = literalEnd(json, i);
                    kind = LITERAL;
                    i = valueEnd;
                }
                if (valueEnd < 0) {
                    return null;
                }
                if ((members + 1) * SPAN > spans.length) {
                    spans = Arrays.copyOf(spans, spans.length * 2);
                }
                int at = members++ * SPAN;
                spans[at] = nameStart;
                spans[at + 1] = nameEnd;
                spans[at + 2] = valueStart;
                spans[at + 3] = valueEnd;
                spans[at + 4] = kind;
                i = skipWhitespace(json, i);
                if (i >= n) {
                    return null;
                }
                if (json[i] == ',') {
                    i = skipWhitespace(json, i + 1);
                } else if (json[i] == '}') {
                    i++;
                    break;
                } else {
                    return null;
                }
            }
        }
        return skipWhitespace(json, i) == n ? new FlatJsonFields(json, spans, members) : null;
    }

    @Override
    public Optional<String> string(String name) {
        int at = find(name);
        if (at < 0 || spans[at + 4] != STRING) {
            return Optional.empty();
        }
        String text = text(at);
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    @Override
    public OptionalDouble number(String name) {
        int at = find(name);
        if (at < 0) {
            return OptionalDouble.empty();
        }
        double number;
        if (spans[at + 4] == NUMBER) {
            number = number(json, spans[at + 2], spans[at + 3]);
        } else if (spans[at + 4] == STRING) {
            try {
                number = Double.parseDouble(text(at).strip());
            } catch (NumberFormatException notANumber) {
                return OptionalDouble.empty();
            }
        } else {
            return OptionalDouble.empty();
        }
        return Double.isFinite(number) ? OptionalDouble.of(number) : OptionalDouble.empty();
    }

    @Override
    public boolean has(String name) {
        return find(name) >= 0;
    }

    /** The span offset of the last member called {@code name}, or -1. */
    private int find(String name) {
        int length = name.length();
        for (int at = (members - 1) * SPAN; at >= 0; at -= SPAN) {
            int start = spans[at];
            if (spans[at + 1] - start == length && sameName(start, name)) {
                return at;
            }
        }
        return -1;
    }

    private boolean sameName(int start, String name) {
        for (int k = 0; k < name.length(); k++) {
            if (json[start + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private String text(int at) {
        return new String(json, spans[at + 2], spans[at + 3] - spans[at + 2], StandardCharsets.US_ASCII);
    }

    /**
     * A JSON number's value, correctly rounded: a decimal of up to 15 digits without exponent is divided by an exact
     * power of ten (one correctly rounded operation on exact operands), anything longer goes to
     * {@link Double#parseDouble}. An exact zero comes back without a sign.
     */
    private static double number(byte[] json, int start, int end) {
        int i = start;
        boolean negative = json[i] == '-';
        if (negative) {
            i++;
        }
        long digits = 0;
        int count = 0;
        int scale = 0;
        boolean fraction = false;
        for (; i < end; i++) {
            byte b = json[i];
            if (b == '.') {
                fraction = true;
            } else if (isDigit(b) && count < EXACT_DIGITS) {
                digits = digits * 10 + (b - '0');
                count++;
                if (fraction) {
                    scale++;
                }
            } else {
                // an exponent, or more digits than a double holds exactly
                double parsed = Double.parseDouble(new String(json, start, end - start, StandardCharsets.US_ASCII));
                return isZero(json, start, end) ? 0.0 : parsed;
            }
        }
        if (digits == 0) {
            return 0.0;
        }
        double value = digits / POWERS_OF_TEN[scale];
        return negative ? -value : value;
    }

    /** Whether the decimal's digits (before any exponent) are all zero: JSON-P's {@code BigDecimal} zero. */
    private static boolean isZero(byte[] json, int start, int end) {
        for (int i = start; i < end && json[i] != 'e' && json[i] != 'E'; i++) {
            if (json[i] >= '1' && json[i] <= '9') {
                return false;
            }
        }
        return true;
    }

    private static int skipWhitespace(byte[] json, int i) {
        while (i < json.length && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** The index of the closing quote of a string of printable ASCII without escapes, or -1. */
    private static int stringEnd(byte[] json, int i) {
        for (; i < json.length; i++) {
            byte b = json[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\' || b < 0x20 || b == 0x7F) {
                return -1;
            }
        }
        return -1;
    }

    /** The end of a number in JSON's grammar, {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}, or -1. */
    private static int numberEnd(byte[] json, int i) {
        int n = json.length;
        if (json[i] == '-') {
            i++;
        }
        if (i < n && json[i] == '0') {
            i++;
        } else if (i < n && json[i] >= '1' && json[i] <= '9') {
            i = skipDigits(json, i);
        } else {
            return -1;
        }
        if (i < n && json[i] == '.') {
            int digits = i + 1;
            i = skipDigits(json, digits);
            if (i == digits) {
                return -1;
            }
        }
        if (i < n && (json[i] == 'e' || json[i] == 'E')) {
            i++;
            if (i < n && (json[i] == '+' || json[i] == '-')) {
                i++;
            }
            int digits = i;
            i = skipDigits(json, digits);
            if (i == digits) {
                return -1;
            }
        }
        return i;
    }

    private static int skipDigits(byte[] json, int i) {
        while (i < json.length && isDigit(json[i])) {
            i++;
        }
        return i;
    }

    /** The end of {@code true}, {@code false} or {@code null} at {@code i}, or -1. */
    private static int literalEnd(byte[] json, int i) {
        for (String literal : LITERALS) {
            if (i + literal.length() <= json.length && matches(json, i, literal)) {
                return i + literal.length();
            }
        }
        return -1;
    }

    private static boolean matches(byte[] json, int i, String literal) {
        for (int k = 0; k < literal.length(); k++) {
            if (json[i + k] != literal.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
