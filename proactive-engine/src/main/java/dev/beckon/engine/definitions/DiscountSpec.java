package dev.beckon.engine.definitions;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The discount an {@link Step.Offer} creates: a percentage or a fixed amount off, usable once or by many, for a
 * while. Immutable.
 *
 * @param kind      never null
 * @param value     percent (0 &lt; v &le; 100) or the amount in {@code currency}; never null
 * @param currency  ISO 4217 code for {@link Kind#AMOUNT}; null for a percentage
 * @param singleUse whether the code works once
 * @param expiresIn how long the code is valid; positive
 */
public record DiscountSpec(Kind kind, BigDecimal value, String currency, boolean singleUse, Duration expiresIn) {

    /** What is taken off. */
    public enum Kind {
        PERCENT,
        AMOUNT
    }

    public DiscountSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }

    /** {@code 10%} or {@code 5.00 EUR}: the short text templates show as {@code discountText}. */
    public String describe() {
        return kind == Kind.PERCENT ? value.stripTrailingZeros().toPlainString() + "%"
                : value.toPlainString() + " " + currency;
    }
}
