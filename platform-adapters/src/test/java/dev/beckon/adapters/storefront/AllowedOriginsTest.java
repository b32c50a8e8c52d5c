package dev.beckon.adapters.storefront;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CORS origins: exact scheme, host and port; nothing reflected that was not configured. */
class AllowedOriginsTest {

    private final AllowedOrigins origins = AllowedOrigins.of(List.of("shop.example.com", "https://www.example.com/",
            "http://localhost:3000"));

    @ParameterizedTest
    @CsvSource({
            "https://shop.example.com, true",
            "HTTPS://SHOP.EXAMPLE.COM, true",
            "https://shop.example.com:443, true",
            "https://www.example.com, true",
            "http://localhost:3000, true",
            "http://shop.example.com, false",
            "https://shop.example.com:8443, false",
            "https://evil-shop.example.com, false",
            "https://shop.example.com.evil.io, false",
            "https://example.com, false",
            "http://localhost:3001, false",
            "null, false",
            "https://shop.example.com/path, false",
            "'', false"})
    void onlyConfiguredOriginsAreAllowed(String origin, boolean allowed) {
        assertThat(origins.allows(origin)).isEqualTo(allowed);
    }

    @Test
    void anAllowedOriginIsEchoedWithTheMethodsAndVary() {
        assertThat(origins.corsHeaders("https://shop.example.com"))
                .containsEntry("Access-Control-Allow-Origin", "https://shop.example.com")
                .containsEntry("Access-Control-Allow-Methods", "POST, OPTIONS")
                .containsEntry("Access-Control-Allow-Headers", "Content-Type")
                .containsEntry("Vary", "Origin");
    }

    @Test
    void aForeignOriginGetsNoAllowHeaderOnlyVary() {
        assertThat(origins.corsHeaders("https://evil.example")).containsOnlyKeys("Vary");
        assertThat(origins.corsHeaders(null)).containsOnlyKeys("Vary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://*.example.com", "https://shop.example.com/collect", "ftp://shop.example.com",
            "https://user@shop.example.com", ""})
    void entriesThatAreNotPlainOriginsAreRefusedWhenConfigured(String entry) {
        assertThatThrownBy(() -> AllowedOrigins.of(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is not a storefront origin like https://shop.example.com (no path, no wildcard)");
    }

    @Test
    void configuredOriginsAreNormalised() {
        assertThat(origins.origins()).containsExactlyInAnyOrder("https://shop.example.com", "https://www.example.com",
                "http://localhost:3000");
    }
}
