package dev.beckon.engine.templates;

import dev.beckon.api.model.Money;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;

/** Formats {@link Money} the way a shopper reads it: currency symbol and separators of a locale. Thread-safe. */
public final class MoneyFormat {

    private final Locale locale;
    /** Made once (looking the locale's data up is the costly part) and cloned per call: a NumberFormat is not thread-safe. */
    private final NumberFormat prototype;

    public MoneyFormat(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.prototype = NumberFormat.getCurrencyInstance(locale);
    }

    /** {@code $421.88} in {@code en-US}, {@code 12,50 €} in {@code de-DE}; all digits of the amount are kept. */
    public String format(Money money) {
        Objects.requireNonNull(money, "money");
        NumberFormat format = (NumberFormat) prototype.clone();
        format.setCurrency(money.currency());
        int digits = Math.max(money.amount().scale(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount());
    }

    public Locale locale() {
        return locale;
    }
}
