package dev.beckon.adapters.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ShopifyQueryCostTest {

    /** The shape of {@code extensions} in Shopify's GraphQL Admin answers (knowledge file 2.5). */
    private static JsonObject answer(String data, double requested, double available, double rate) {
        return Json.createReader(new StringReader("""
                {%s"extensions":{"cost":{"requestedQueryCost":%s,"actualQueryCost":null,
                 "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":%s,"restoreRate":%s}}}}
                """.formatted(data, requested, available, rate))).readObject();
    }

    @Test
    void enoughPointsMeansNoWait() {
        ShopifyQueryCost cost = ShopifyQueryCost.of(answer("", 12, 1988, 100)).orElseThrow();
        assertThat(cost.waitBeforeSameQuery()).isZero();
        assertThat(ShopifyQueryCost.isThrottled(answer("", 12, 1988, 100))).isFalse();
    }

    @Test
    void aThrottledQueryWaitsForTheMissingPointsAtTheRestoreRate() {
        JsonObject throttled = answer("""
                "errors":[{"message":"Throttled","extensions":{"code":"THROTTLED",
                  "documentation":"https://shopify.dev/api/usage/rate-limits"}}],
                """, 202, 2, 50);
        assertThat(ShopifyQueryCost.isThrottled(throttled)).isTrue();
        // (202 - 2) / 50 = 4 s
        assertThat(ShopifyQueryCost.of(throttled).orElseThrow().waitBeforeSameQuery())
                .isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void anAnswerWithoutCostInformationGivesNothing() {
        assertThat(ShopifyQueryCost.of(Json.createObjectBuilder().add("data", JsonObject.NULL).build())).isEmpty();
        assertThat(ShopifyQueryCost.of(answer("", 12, 100, 0))).isEmpty();
        assertThat(ShopifyQueryCost.of(null)).isEmpty();
    }
}
