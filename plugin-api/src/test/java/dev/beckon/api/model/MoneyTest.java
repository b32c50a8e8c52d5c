package dev.beckon.api.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void keepsTheDecimalAmountExactly() {
        Money money = Money.of("421.88", "USD");

        assertThat(money.amount()).isEqualTo(new BigDecimal("421.88"));
        assertThat(money.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(money).hasToString("421.88 USD");
    }

    @Test
    void amountsThatDifferOnlyInScaleAreEqual() {
        assertThat(Money.of("199", "USD")).isEqualTo(Money.of("199.00", "usd"));
        assertThat(Money.of("199", "USD").hashCode()).isEqualTo(Money.of("199.000", "USD").hashCode());
    }

    @Test
    void keepsPrecisionBeyondTheMinorUnit() {
        assertThat(Money.of("0.005", "EUR").amount()).isEqualTo(new BigDecimal("0.005"));
        assertThat(Money.of("1500", "JPY")).hasToString("1500 JPY");
    }

    @Test
    void addsAndMultipliesWithoutFloatingPointError() {
        Money total = Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR")).times(3);

        assertThat(total).isEqualTo(Money.of("0.90", "EUR"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD");
    }

    @Test
    void rejectsWhatIsNotAnAmount() {
        assertThatThrownBy(() -> Money.of("12,50", "EUR")).hasMessageContaining("12,50");
        assertThatThrownBy(() -> Money.of("1", "XYZW")).isInstanceOf(IllegalArgumentException.class);
    }
}
