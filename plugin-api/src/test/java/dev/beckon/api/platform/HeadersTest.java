package dev.beckon.api.platform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HeadersTest {

    @Test
    void namesAreCaseInsensitiveAsInHttp2() {
        Headers headers = Headers.of(Map.of("X-Shopify-Topic", List.of("orders/create")));

        assertThat(headers.first("x-shopify-topic")).contains("orders/create");
        assertThat(headers.first("X-SHOPIFY-TOPIC")).contains("orders/create");
    }

    @Test
    void blankValuesCountAsAbsent() {
        Headers headers = Headers.of("X-Shopify-Hmac-Sha256", "  ");

        assertThat(headers.first("x-shopify-hmac-sha256")).isEmpty();
    }

    @Test
    void firstOfPrefersTheEarlierSpelling() {
        Headers headers = Headers.of("shopify-topic", "new", "X-Shopify-Topic", "old");

        assertThat(headers.firstOf("X-Shopify-Topic", "shopify-topic")).contains("old");
        assertThat(Headers.of("shopify-topic", "new").firstOf("X-Shopify-Topic", "shopify-topic")).contains("new");
    }
}
