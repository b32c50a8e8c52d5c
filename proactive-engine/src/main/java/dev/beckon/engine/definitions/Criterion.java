package dev.beckon.engine.definitions;

import jakarta.json.JsonValue;

import java.util.Objects;

/**
 * One test on event or run data: {@code {"path": "event.dwell", "op": "gte", "value": "PT30S"}}.
 *
 * <p>A path starts with {@code event.} (the components of the event record, nested records by dots, ids as their
 * text: {@code event.shopper.email}, {@code event.zone}, {@code event.total.amount}) or {@code vars.} (a run
 * variable, such as {@code vars.discountCode}). Immutable.
 *
 * @param path     never null
 * @param operator never null
 * @param operand  the JSON value compared with; {@link JsonValue#NULL} for {@code exists} and {@code missing}
 */
public record Criterion(String path, Operator operator, JsonValue operand) {

    public Criterion {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(operator, "operator");
        operand = operand == null ? JsonValue.NULL : operand;
    }

    public static Criterion exists(String path) {
        return new Criterion(path, Operator.EXISTS, JsonValue.NULL);
    }

    public static Criterion missing(String path) {
        return new Criterion(path, Operator.MISSING, JsonValue.NULL);
    }
}
