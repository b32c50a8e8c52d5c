package dev.beckon.suite.shops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShopDomainTest {

    @ParameterizedTest
    @CsvSource({
            "My-Shop.myshopify.com, my-shop.myshopify.com",
            "https://store.example.com/, store.example.com",
            "store.example.com:8443, store.example.com:8443",
            "http://127.0.0.1:8000, http://127.0.0.1:8000",
            "http://localhost:9000/, http://localhost:9000"})
    void aDomainIsKeptAsTheStoresHostWithItsPort(String given, String kept) {
        assertThat(ShopResource.domain(given)).contains(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stores/abc123", "evil.com/../x", "a b.com", "shop", "ftp://shop.example.com",
            "shop.example.com:123456", "-shop.example.com"})
    void anythingElseIsRefused(String given) {
        assertThat(ShopResource.domain(given)).isEmpty();
    }
}
