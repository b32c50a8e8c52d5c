package dev.beckon.engine.definitions;

import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.OrderFulfilled;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CriteriaTest {

    final CheckoutUpdated checkout = JourneyInterpreterTest.checkout("c1", null);

    static Criterion c(String path, Operator op, JsonValue value) {
        return new Criterion(path, op, value);
    }

    @Test
    void numbersIdsTextAndListsOfTheEvent() {
        assertThat(Criteria.test(c("event.total.amount", Operator.GTE, Json.createValue(new BigDecimal("199"))),
                checkout, Map.of())).isTrue();
        assertThat(Criteria.test(c("event.total.amount", Operator.GT, Json.createValue(199)), checkout, Map.of()))
                .isFalse();
        assertThat(Criteria.test(c("event.checkout", Operator.IN, Json.createArrayBuilder().add("c0").add("c1")
                .build()), checkout, Map.of())).isTrue();
        assertThat(Criteria.test(c("event.shopper.email", Operator.CONTAINS, Json.createValue("@example.com")),
                checkout, Map.of())).isTrue();
        assertThat(Criteria.test(c("event.total.currency", Operator.EQ, Json.createValue("USD")), checkout,
                Map.of())).isTrue();
        assertThat(Criteria.test(Criterion.exists("event.lines"), checkout, Map.of())).isTrue();
        assertThat(Criteria.test(Criterion.missing("event.completedAt"), checkout, Map.of())).isTrue();
    }

    @Test
    void booleansAndAbsentValues() {
        OrderFulfilled partial = new OrderFulfilled(dev.beckon.api.model.OrderId.of("1"),
                JourneyInterpreterTest.ann(), URI.create("https://t.example/1"), true, checkout.updatedAt());
        assertThat(Criteria.test(c("event.partial", Operator.EQ, JsonValue.TRUE), partial, Map.of())).isTrue();
        assertThat(Criteria.test(c("event.partial", Operator.NE, JsonValue.TRUE), partial, Map.of())).isFalse();
        assertThat(Criteria.test(c("event.completedAt", Operator.EQ, Json.createValue("x")), checkout, Map.of()))
                .isFalse();
        assertThat(Criteria.test(c("event.completedAt", Operator.NE, Json.createValue("x")), checkout, Map.of()))
                .isTrue();
    }

    @Test
    void variablesCompareAsNumbersWhenTheyAreNumbers() {
        Map<String, String> vars = Map.of("visits", "3", "tier", "gold");
        assertThat(Criteria.test(c("vars.visits", Operator.GTE, Json.createValue(3)), checkout, vars)).isTrue();
        assertThat(Criteria.test(c("vars.visits", Operator.LT, Json.createValue(3)), checkout, vars)).isFalse();
        assertThat(Criteria.test(c("vars.tier", Operator.EQ, Json.createValue("gold")), checkout, vars)).isTrue();
        assertThat(Criteria.test(c("vars.missing", Operator.EQ, Json.createValue("gold")), checkout, vars))
                .isFalse();
    }

    @Test
    void durationsCompareWithIsoOrSeconds() {
        var dwell = JourneyInterpreterTest.dwelled("shoes", Duration.ofSeconds(45));
        assertThat(Criteria.test(c("event.dwell", Operator.GTE, Json.createValue("PT30S")), dwell, Map.of()))
                .isTrue();
        assertThat(Criteria.test(c("event.dwell", Operator.GT, Json.createValue(45)), dwell, Map.of())).isFalse();
        assertThat(Criteria.test(c("event.dwell", Operator.EQ, Json.createValue(45)), dwell, Map.of())).isTrue();
    }

    @Test
    void validationAcceptsWhatTestUnderstands() {
        assertThat(Criteria.validate(c("event.total.amount", Operator.GTE, Json.createValue(50)),
                CheckoutUpdated.class, "")).isEmpty();
        assertThat(Criteria.validate(c("event.total.amount", Operator.GTE, Json.createValue("50")),
                CheckoutUpdated.class, "")).containsExactly(new ValidationError("/value", "must be a number"));
        assertThat(Criteria.validate(c("event.shopper.email.domain", Operator.EXISTS, JsonValue.NULL),
                CheckoutUpdated.class, "")).containsExactly(new ValidationError("/path",
                "'domain' cannot be read from a String"));
        assertThat(Criteria.validate(c("event.lines", Operator.EQ, Json.createValue("x")),
                CheckoutUpdated.class, "")).containsExactly(new ValidationError("/value",
                "a List can only be tested with 'exists' or 'missing'"));
    }
}
