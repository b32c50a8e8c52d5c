package dev.beckon.api.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdsTest {

    @Test
    void idsBeyondTwoToTheFiftyThirdStayExact() {
        assertThat(OrderId.of("820982911946154508").value()).isEqualTo("820982911946154508");
    }

    @Test
    void idsAreTrimmedValues() {
        assertThat(ShopId.of(" shop-1 ")).isEqualTo(ShopId.of("shop-1"));
    }

    @Test
    void blankOrMissingIdsAreRefusedWithTheirType() {
        assertThatThrownBy(() -> CheckoutId.of(" ")).hasMessage("CheckoutId must not be blank");
        assertThatThrownBy(() -> CheckoutId.of(null)).hasMessage("CheckoutId must not be null");
        assertThatThrownBy(() -> ShopId.of("x".repeat(256))).hasMessageContaining("255");
    }

    @Test
    void randomIdsDiffer() {
        assertThat(EventId.random()).isNotEqualTo(EventId.random());
    }
}
