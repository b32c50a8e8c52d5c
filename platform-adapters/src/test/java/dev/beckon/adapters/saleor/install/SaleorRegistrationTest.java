package dev.beckon.adapters.saleor.install;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.beckon.adapters.saleor.HttpJwksSource;
import dev.beckon.adapters.saleor.SaleorAdapter;
import dev.beckon.adapters.saleor.install.SaleorInstallException.Reason;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.platform.Headers;
import dev.beckon.api.platform.ShopContext;
import dev.beckon.api.platform.WebhookOutcome;
import dev.beckon.api.platform.WebhookRequest;
import dev.beckon.api.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The register call against WireMock standing in for a Saleor instance (GraphQL API and JWKS). */
class SaleorRegistrationTest {

    @RegisterExtension
    static final WireMockExtension SALEOR = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final ShopId SHOP = ShopId.of("shop-7");
    private static final String TOKEN = "Xq3pS9vKc2LmT8rYw1ZbN4hJ6dFgA0";
    private static final RSAKey KEY = rsa("saleor-key-1");
    private static final String APP_ANSWER = "{\"data\":{\"app\":{\"id\":\"QXBwOjQy\"}}}";

    private final SaleorAppSettings settings = new SaleorAppSettings(URI.create("https://beckon.example.com"),
            "dev.beckon.engage", "Beckon", "1.0.0", "About", null, List.of(), true);
    private final SaleorRegistration registration = new SaleorRegistration(settings, new HttpSaleorApi(),
            new HttpJwksSource());

    private String origin;
    private String apiUrl;

    @BeforeEach
    void instance() {
        origin = "http://localhost:" + SALEOR.getPort();
        apiUrl = origin + "/graphql/";
    }

    @Test
    void aValidTokenIsVerifiedTheKeysAreFetchedAndWebhooksVerifyAtOnce() throws Exception {
        stubApp(okJson(APP_ANSWER));
        stubKeys(new JWKSet(KEY.toPublicJWK()).toString());

        SaleorCredentials credentials = registration.register(SHOP, apiUrl, "localhost:" + SALEOR.getPort(), null,
                body(TOKEN));

        assertThat(credentials.shop()).isEqualTo(SHOP);
        assertThat(credentials.apiUrl()).hasToString(apiUrl);
        assertThat(credentials.domain()).isEqualTo(origin);
        assertThat(credentials.authToken()).isEqualTo(TOKEN);
        assertThat(credentials.appId()).isEqualTo("QXBwOjQy");
        assertThat(JWKSet.parse(credentials.jwks()).getKeyByKeyId("saleor-key-1")).isNotNull();
        assertThat(credentials.toString()).doesNotContain(TOKEN);
        SALEOR.verify(postRequestedFor(urlEqualTo("/graphql/"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"query\":\"query { app { id } }\"}")));
        SALEOR.verify(1, getRequestedFor(urlEqualTo("/.well-known/jwks.json")));

        // the domain the suite stores is one SaleorAdapter reads: a delivery signed with the fetched key verifies
        byte[] delivery = "{\"issuedAt\":\"2026-03-01T12:00:00+00:00\",\"order\":{\"id\":\"T3JkZXI6MQ==\"}}"
                .getBytes(StandardCharsets.UTF_8);
        ShopContext shop = new ShopContext(SHOP, credentials.domain(), List.of("unused"));
        WebhookOutcome outcome = new SaleorAdapter(new HttpJwksSource(),
                new MutableClock(Instant.parse("2026-03-01T12:00:01Z"))).receive(new WebhookRequest(shop,
                Headers.of("Saleor-Event", "order_created", "Saleor-Api-Url", apiUrl,
                        "Saleor-Signature", sign(delivery)), delivery, Instant.parse("2026-03-01T12:00:01Z")));
        assertThat(outcome).isInstanceOf(WebhookOutcome.Accepted.class);
    }

    @Test
    void aTokenSaleorAnswersWithoutAnAppIsInvalidAndNoKeysAreFetched() {
        stubApp(okJson("{\"data\":{\"app\":null},\"errors\":[{\"message\":\"You need one of the following"
                + " permissions: AUTHENTICATED_APP\",\"extensions\":{\"exception\":{\"code\":\"PermissionDenied\"}}}]}"));

        assertThatThrownBy(() -> registration.register(SHOP, apiUrl, null, null, body("forged")))
                .isInstanceOfSatisfying(SaleorInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOKEN_INVALID);
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("did not accept the app token (no app for this token)")
                            .doesNotContain("forged");
                });
        SALEOR.verify(0, getRequestedFor(urlEqualTo("/.well-known/jwks.json")));
    }

    @Test
    void aTokenRefusedWith401IsInvalid() {
        stubApp(aResponse().withStatus(401));

        assertThatThrownBy(() -> registration.register(SHOP, apiUrl, null, null, body(TOKEN)))
                .isInstanceOfSatisfying(SaleorInstallException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOKEN_INVALID));
    }

    @Test
    void keysThatCannotBeFetchedOrHoldNoRsaKeyFailTheRegistration() throws Exception {
        stubApp(okJson(APP_ANSWER));
        SALEOR.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(aResponse().withStatus(404)));
        assertThatThrownBy(() -> registration.register(SHOP, apiUrl, null, null, body(TOKEN)))
                .isInstanceOfSatisfying(SaleorInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.JWKS_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("could not be fetched");
                });

        stubKeys(new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("ec").generate().toPublicJWK()).toString());
        assertThatThrownBy(() -> registration.register(SHOP, apiUrl, null, null, body(TOKEN)))
                .isInstanceOfSatisfying(SaleorInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.JWKS_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("hold no RSA signing key");
                });
    }

    @Test
    void anUnreachableSaleorIsReportedAsSuch() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> registration.register(SHOP, "http://127.0.0.1:" + closedPort + "/graphql/", null,
                null, body(TOKEN)))
                .isInstanceOfSatisfying(SaleorInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SALEOR_UNREACHABLE);
                    assertThat(e.httpStatus()).isEqualTo(502);
                });
    }

    @Test
    void anApiUrlOffTheShopsRegisteredDomainIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> registration.register(SHOP, apiUrl, null, "demo.saleor.cloud", body(TOKEN)))
                .isInstanceOfSatisfying(SaleorInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_API_URL);
                    assertThat(e.getMessage()).startsWith("This Beckon shop is set up for demo.saleor.cloud, not for"
                            + " localhost:" + SALEOR.getPort());
                });
        assertThat(SALEOR.getAllServeEvents()).isEmpty();
    }

    @Test
    void theRegisteredDomainAcceptsItsOwnOrigin() throws Exception {
        stubApp(okJson(APP_ANSWER));
        stubKeys(new JWKSet(KEY.toPublicJWK()).toString());

        assertThat(registration.register(SHOP, apiUrl, null, origin, body(TOKEN)).appId()).isEqualTo("QXBwOjQy");
    }

    @Test
    void aSaleorDomainHeaderThatNamesAnotherHostIsRefused() {
        assertThatThrownBy(() -> registration.register(SHOP, apiUrl, "demo.saleor.cloud", null, body(TOKEN)))
                .isInstanceOfSatisfying(SaleorInstallException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_API_URL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "[]", "not json", "{\"auth_token\":\"\"}", "{\"auth_token\":\"a b\"}",
            "{\"auth_token\":{}}"})
    void bodiesWithoutASaneTokenAreRefused(String body) {
        assertThatThrownBy(() -> registration.register(SHOP, apiUrl, null, null, body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SaleorInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_BODY);
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
        assertThat(SALEOR.getAllServeEvents()).isEmpty();
    }

    private void stubApp(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        SALEOR.stubFor(post(urlEqualTo("/graphql/")).willReturn(answer));
    }

    private static void stubKeys(String jwks) {
        SALEOR.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(okJson(jwks)));
    }

    private static byte[] body(String token) {
        return ("{\"auth_token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code Saleor-Signature} as Saleor makes it: RS256, detached unencoded payload (RFC 7797). */
    private static String sign(byte[] body) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).base64URLEncodePayload(false)
                .criticalParams(Set.of("b64")).keyID(KEY.getKeyID()).type(JOSEObjectType.JWT).build(),
                new Payload(body));
        jws.sign(new RSASSASigner(KEY));
        return jws.serialize(true);
    }

    private static RSAKey rsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
