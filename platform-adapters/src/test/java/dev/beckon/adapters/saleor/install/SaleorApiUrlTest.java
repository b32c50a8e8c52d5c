package dev.beckon.adapters.saleor.install;

import dev.beckon.adapters.saleor.install.SaleorInstallException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which {@code saleor-api-url} values register will call, in production settings. */
class SaleorApiUrlTest {

    private static final SaleorAppSettings ANY_HOST = SaleorAppSettings.of(URI.create("https://beckon.example.com"),
            "1.0.0");
    private static final SaleorAppSettings CLOUD_ONLY = new SaleorAppSettings(
            URI.create("https://beckon.example.com"), "dev.beckon.engage", "Beckon", "1.0.0", "", null,
            List.of("*.saleor.cloud", "shop.example.com"), false);

    @ParameterizedTest
    @CsvSource({
            "https://demo.saleor.cloud/graphql/, https://demo.saleor.cloud/graphql/",
            "HTTPS://Demo.Saleor.Cloud:443/graphql/, https://demo.saleor.cloud/graphql/",
            "https://shop.example.com:8443/api/graphql/, https://shop.example.com:8443/api/graphql/"})
    void goodUrlsAreNormalised(String header, String expected) throws Exception {
        assertThat(SaleorApiUrl.check(header, ANY_HOST)).hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "http://demo.saleor.cloud/graphql/, INVALID_API_URL",
            "http://localhost:8000/graphql/, INVALID_API_URL",
            "ftp://demo.saleor.cloud/, INVALID_API_URL",
            "https://user:pw@demo.saleor.cloud/graphql/, INVALID_API_URL",
            "https://demo.saleor.cloud/graphql/?x=1, INVALID_API_URL",
            "not a url, INVALID_API_URL",
            "https://10.0.0.5/graphql/, FORBIDDEN_API_URL",
            "https://169.254.169.254/latest/, FORBIDDEN_API_URL",
            "https://127.0.0.1/graphql/, FORBIDDEN_API_URL",
            "https://[::1]/graphql/, FORBIDDEN_API_URL",
            "https://localhost/graphql/, FORBIDDEN_API_URL"})
    void badOrInternalUrlsAreRefused(String header, Reason reason) {
        assertThatThrownBy(() -> SaleorApiUrl.check(header, ANY_HOST))
                .isInstanceOfSatisfying(SaleorInstallException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @ParameterizedTest
    @CsvSource({
            "https://demo.saleor.cloud/graphql/, true",
            "https://shop.example.com/graphql/, true",
            "https://saleor.cloud/graphql/, false",
            "https://demo.saleor.cloud.evil.example/graphql/, false",
            "https://evilsaleor.cloud/graphql/, false",
            "https://api.shop.example.com/graphql/, false"})
    void theAllowListMatchesExactHostsAndSubdomainsOnly(String header, boolean allowed) {
        if (allowed) {
            assertThat(catchReason(header)).isNull();
        } else {
            assertThat(catchReason(header)).isEqualTo(Reason.FORBIDDEN_API_URL);
        }
    }

    private static Reason catchReason(String header) {
        try {
            SaleorApiUrl.check(header, CLOUD_ONLY);
            return null;
        } catch (SaleorInstallException e) {
            return e.reason();
        }
    }
}
