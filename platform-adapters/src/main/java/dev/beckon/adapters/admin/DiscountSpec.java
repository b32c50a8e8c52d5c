package dev.beckon.adapters.admin;

import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A single-use discount code to create: usable once, by one customer if {@code customer} is set, off the whole
 * order, either a percentage or a fixed amount.
 *
 * @param title      shown to the merchant in the platform's admin; never blank
 * @param code       what the shopper types; letters, digits, {@code -} and {@code _}, 4 to 64 characters
 * @param percentOff in {@code (0, 100]}; null if {@code amountOff} is set
 * @param amountOff  positive; null if {@code percentOff} is set
 * @param customer   who may use it; null for anyone (still once)
 * @param startsAt   never null
 * @param endsAt     null for no end; else after {@code startsAt}
 */
public record DiscountSpec(String title, String code, BigDecimal percentOff, Money amountOff, CustomerId customer,
        Instant startsAt, Instant endsAt) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{4,64}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public DiscountSpec {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a discount needs a title");
        }
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a discount code is 4 to 64 letters, digits, - or _");
        }
        if ((percentOff == null) == (amountOff == null)) {
            throw new IllegalArgumentException("a discount is either a percentage or an amount off");
        }
        if (percentOff != null && (percentOff.signum() <= 0 || percentOff.compareTo(HUNDRED) > 0)) {
            throw new IllegalArgumentException("percentOff must be in (0, 100]");
        }
        if (amountOff != null && amountOff.amount().signum() <= 0) {
            throw new IllegalArgumentException("amountOff must be positive");
        }
        Objects.requireNonNull(startsAt, "startsAt");
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt must be after startsAt");
        }
    }
}
