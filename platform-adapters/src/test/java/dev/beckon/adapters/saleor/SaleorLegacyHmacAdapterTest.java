package dev.beckon.adapters.saleor;

import dev.beckon.api.testing.MutableClock;
import dev.beckon.adapters.PlatformAdapterContract;
import dev.beckon.adapters.signature.HmacSha256;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.platform.Headers;
import dev.beckon.api.platform.PlatformAdapter;
import dev.beckon.api.platform.ShopContext;
import dev.beckon.api.platform.WebhookOutcome;
import dev.beckon.api.platform.WebhookOutcome.Accepted;
import dev.beckon.api.platform.WebhookOutcome.Problem;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform contract with Saleor's deprecated signature: hex HMAC-SHA256 of the body with the webhook's secret. */
class SaleorLegacyHmacAdapterTest extends PlatformAdapterContract {

    private static final ShopContext SHOP = new ShopContext(ShopId.of("shop-saleor-legacy"), "demo.saleor.cloud",
            List.of("saleor-webhook-secret-key", "previous-saleor-secret"));

    private final FakeJwksSource jwks = new FakeJwksSource();
    private final SaleorAdapter adapter = new SaleorAdapter(jwks, new MutableClock(RECEIVED_AT));

    @Override
    protected PlatformAdapter adapter() {
        return adapter;
    }

    @Override
    protected ShopContext shop() {
        return SHOP;
    }

    @Override
    protected byte[] validBody() {
        return SaleorAdapterTest.resource("/saleor/order-created.json");
    }

    @Override
    protected Class<? extends EventPayload> expectedPayloadType() {
        return OrderPlaced.class;
    }

    /** As saleor/webhook/transport does it with a secret key: lowercase hex HMAC-SHA256 of the raw body. */
    @Override
    protected Headers signedHeaders(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return SaleorAdapterTest.headers("order_created", HexFormat.of().formatHex(mac.doFinal(body)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Set<String> signatureHeaderNames() {
        return Set.of("Saleor-Signature", "X-Saleor-Signature");
    }

    @Test
    void aLegacySignatureNeedsNoKeysAndUpperCaseHexIsTheSameMac() {
        byte[] body = validBody();
        String hex = HexFormat.of().formatHex(HmacSha256.mac(
                "saleor-webhook-secret-key".getBytes(StandardCharsets.UTF_8), body)).toUpperCase(Locale.ROOT);

        assertThat(receive(request(SaleorAdapterTest.headers("order_created", hex), body)))
                .isInstanceOf(Accepted.class);
        assertThat(jwks.fetches()).isEmpty();
    }

    @Test
    void aSignatureThatIsNeitherJwsNorHexIsUnauthenticated() {
        byte[] body = validBody();

        assertThat(receive(request(SaleorAdapterTest.headers("order_created", "c2lnbmF0dXJl"), body)))
                .isEqualTo(WebhookOutcome.rejected(Problem.UNAUTHENTICATED,
                        "Saleor-Signature is neither a JWS nor a hex HMAC-SHA256"));
    }
}
