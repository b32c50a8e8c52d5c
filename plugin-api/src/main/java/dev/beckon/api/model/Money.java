package dev.beckon.api.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency. Decimal, never {@code double}.
 *
 * <p>The scale is normalised to at least the currency's minor unit ({@code 199} USD becomes {@code 199.00}),
 * so two equal amounts are {@link #equals equal}. Immutable and thread-safe.
 *
 * @param amount   the amount; never null
 * @param currency the ISO 4217 currency; never null
 */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int minorDigits = Math.max(currency.getDefaultFractionDigits(), 0);
        int scale = Math.max(minorDigits, amount.stripTrailingZeros().scale());
        amount = amount.setScale(scale);
    }

    /**
     * Parses a decimal string as platforms send it ({@code "199.00"}).
     *
     * @throws IllegalArgumentException if the amount is not a decimal number or the currency code is unknown
     */
    public static Money of(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currencyCode, "currencyCode");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal amount: '" + amount + "'", e);
        }
        return new Money(value, Currency.getInstance(currencyCode.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** @throws IllegalArgumentException if the currencies differ */
    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** {@code 199.00 USD}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
