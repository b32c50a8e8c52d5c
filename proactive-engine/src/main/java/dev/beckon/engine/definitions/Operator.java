package dev.beckon.engine.definitions;

import java.util.Arrays;
import java.util.Optional;

/** How a {@link Criterion} compares the value at its path with its operand. */
public enum Operator {
    EQ("eq"),
    NE("ne"),
    GT("gt"),
    GTE("gte"),
    LT("lt"),
    LTE("lte"),
    /** The operand is an array; the value equals one of its items. */
    IN("in"),
    /** The value, as text, contains the operand. */
    CONTAINS("contains"),
    /** The value is present; no operand. */
    EXISTS("exists"),
    /** The value is absent; no operand. */
    MISSING("missing");

    private final String json;

    Operator(String json) {
        this.json = json;
    }

    /** The name in journey JSON: {@code "gte"}. */
    public String json() {
        return json;
    }

    public boolean takesOperand() {
        return this != EXISTS && this != MISSING;
    }

    public boolean ordering() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }

    public static Optional<Operator> fromJson(String name) {
        return Arrays.stream(values()).filter(o -> o.json.equals(name)).findFirst();
    }
}
