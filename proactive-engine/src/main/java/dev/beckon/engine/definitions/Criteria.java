package dev.beckon.engine.definitions;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks {@link Criterion criteria} against an event type, and tests them on an event and run variables. */
final class Criteria {

    static final String EVENT = "event.";
    static final String VARS = "vars.";
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private Criteria() {
    }

    /**
     * The problems of a criterion whose event paths are read on {@code eventType}; empty if it is fine.
     *
     * @param at the JSON Pointer of the criterion
     */
    static List<ValidationError> validate(Criterion c, Class<?> eventType, String at) {
        List<ValidationError> errors = new ArrayList<>();
        Class<?> type;
        if (c.path().startsWith(EVENT)) {
            EventPaths.Resolution r = EventPaths.typeOf(eventType, c.path().substring(EVENT.length()));
            if (!r.ok()) {
                errors.add(new ValidationError(at + "/path", r.error()));
                return errors;
            }
            type = r.type();
        } else if (c.path().startsWith(VARS)) {
            if (!VARIABLE.matcher(c.path().substring(VARS.length())).matches()) {
                errors.add(new ValidationError(at + "/path", "a variable name is letters, digits and _"));
                return errors;
            }
            type = null; // a variable is text; numbers and durations are compared if it parses as one
        } else {
            errors.add(new ValidationError(at + "/path",
                    "must start with 'event.' (the trigger event) or 'vars.' (a run variable)"));
            return errors;
        }
        Operator op = c.operator();
        JsonValue operand = c.operand();
        if (!op.takesOperand()) {
            if (operand.getValueType() != JsonValue.ValueType.NULL) {
                errors.add(new ValidationError(at + "/value", "'" + op.json() + "' takes no value"));
            }
            return errors;
        }
        if (operand.getValueType() == JsonValue.ValueType.NULL) {
            errors.add(new ValidationError(at + "/value", "'" + op.json() + "' needs a value"));
            return errors;
        }
        if (op == Operator.IN) {
            if (!(operand instanceof JsonArray array) || array.isEmpty()) {
                errors.add(new ValidationError(at + "/value", "'in' needs a non-empty array"));
                return errors;
            }
            for (int i = 0; i < array.size(); i++) {
                String problem = operandProblem(type, Operator.EQ, array.get(i));
                if (problem != null) {
                    errors.add(new ValidationError(at + "/value/" + i, problem));
                }
            }
            return errors;
        }
        String problem = operandProblem(type, op, operand);
        if (problem != null) {
            errors.add(new ValidationError(at + "/value", problem));
        }
        return errors;
    }

    private static String operandProblem(Class<?> type, Operator op, JsonValue operand) {
        JsonValue.ValueType vt = operand.getValueType();
        if (op == Operator.CONTAINS) {
            return vt == JsonValue.ValueType.STRING && (type == null || text(type)) ? null
                    : "'contains' needs text on a text field";
        }
        if (type == null) { // a variable
            return vt == JsonValue.ValueType.STRING || vt == JsonValue.ValueType.NUMBER ? null
                    : "must be text or a number";
        }
        if (number(type)) {
            return vt == JsonValue.ValueType.NUMBER ? null : "must be a number";
        }
        if (type == Duration.class) {
            if (vt == JsonValue.ValueType.NUMBER) {
                return null;
            }
            return vt == JsonValue.ValueType.STRING && parseDuration(((JsonString) operand).getString()) != null
                    ? null : "must be an ISO-8601 duration like PT30S, or seconds";
        }
        if (type == Instant.class) {
            return vt == JsonValue.ValueType.STRING && parseInstant(((JsonString) operand).getString()) != null
                    ? null : "must be an ISO-8601 instant like 2026-01-31T10:00:00Z";
        }
        if (op.ordering()) {
            return "'" + op.json() + "' compares numbers, durations and instants, not a " + type.getSimpleName();
        }
        if (type == boolean.class || type == Boolean.class) {
            return vt == JsonValue.ValueType.TRUE || vt == JsonValue.ValueType.FALSE ? null : "must be true or false";
        }
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            return vt == JsonValue.ValueType.STRING && names.contains(((JsonString) operand).getString()) ? null
                    : "must be one of " + String.join(", ", names);
        }
        if (text(type)) {
            return vt == JsonValue.ValueType.STRING ? null : "must be text";
        }
        return "a " + type.getSimpleName() + " can only be tested with 'exists' or 'missing'";
    }

    /** Whether the criterion holds. A missing value fails every test but {@code missing} and {@code ne}. */
    static boolean test(Criterion c, Object event, Map<String, String> vars) {
        Object value = c.path().startsWith(EVENT) ? EventPaths.valueOf(event, c.path().substring(EVENT.length()))
                : vars.get(c.path().substring(VARS.length()));
        boolean present = present(value);
        switch (c.operator()) {
            case EXISTS:
                return present;
            case MISSING:
                return !present;
            case NE:
                return !present || !equal(value, c.operand());
            default:
                break;
        }
        if (!present) {
            return false;
        }
        switch (c.operator()) {
            case EQ:
                return equal(value, c.operand());
            case IN:
                return c.operand() instanceof JsonArray array && array.stream().anyMatch(v -> equal(value, v));
            case CONTAINS:
                return c.operand() instanceof JsonString s && value.toString().contains(s.getString());
            default:
                Integer order = compare(value, c.operand());
                if (order == null) {
                    return false;
                }
                return switch (c.operator()) {
                    case GT -> order > 0;
                    case GTE -> order >= 0;
                    case LT -> order < 0;
                    default -> order <= 0;
                };
        }
    }

    private static boolean present(Object value) {
        return value != null && !"".equals(value) && !(value instanceof Collection<?> c && c.isEmpty());
    }

    private static boolean equal(Object value, JsonValue operand) {
        Integer order = compare(value, operand);
        if (order != null) {
            return order == 0;
        }
        return switch (operand.getValueType()) {
            case TRUE -> Boolean.TRUE.equals(value);
            case FALSE -> Boolean.FALSE.equals(value);
            case STRING -> text(value).equals(((JsonString) operand).getString());
            default -> false;
        };
    }

    /** Compares numbers, durations and instants; null if the two are not comparable that way. */
    private static Integer compare(Object value, JsonValue operand) {
        if (value instanceof Duration d) {
            Duration other = operand instanceof JsonNumber n ? Duration.ofMillis(
                    n.bigDecimalValue().movePointRight(3).longValue())
                    : operand instanceof JsonString s ? parseDuration(s.getString()) : null;
            return other == null ? null : d.compareTo(other);
        }
        if (value instanceof Instant i) {
            Instant other = operand instanceof JsonString s ? parseInstant(s.getString()) : null;
            return other == null ? null : i.compareTo(other);
        }
        BigDecimal number = decimal(value);
        if (number != null && operand instanceof JsonNumber n) {
            return number.compareTo(n.bigDecimalValue());
        }
        return null;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String text(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Currency c) {
            return c.getCurrencyCode();
        }
        return value.toString();
    }

    private static boolean number(Class<?> type) {
        return type == int.class || type == long.class || type == double.class || type == short.class
                || Number.class.isAssignableFrom(type);
    }

    private static boolean text(Class<?> type) {
        return type == String.class || type == URI.class || type == Currency.class || type.isEnum();
    }

    static Duration parseDuration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String known(Collection<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", "));
    }
}
