package dev.beckon.bench;

import dev.beckon.adapters.shopify.ShopifyAdapter;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.platform.Headers;
import dev.beckon.api.platform.ShopContext;
import dev.beckon.api.platform.WebhookOutcome;
import dev.beckon.api.platform.WebhookRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The webhook edge's CPU work per delivery: constant-time HMAC over the raw body, then JSON mapping of a
 * Shopify {@code checkouts/update} (the knowledge file's reference sample, 1.9 KB) to a canonical event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ShopifyWebhookBenchmark {

    private static final String SECRET = "shpss_benchmark_secret";

    private final ShopifyAdapter adapter = new ShopifyAdapter();
    private WebhookRequest valid;
    private WebhookRequest forged;

    @Setup
    public void prepare() throws Exception {
        byte[] body = CHECKOUT.getBytes(StandardCharsets.UTF_8);
        ShopContext shop = new ShopContext(ShopId.of("bench"), "bench.myshopify.com", List.of(SECRET));
        valid = new WebhookRequest(shop, headers(sign(body)), body, Instant.now());
        forged = new WebhookRequest(shop, headers(sign(new byte[] {1})), body, Instant.now());
    }

    @Benchmark
    public WebhookOutcome verifyAndMapCheckout() {
        return adapter.receive(valid);
    }

    @Benchmark
    public WebhookOutcome rejectForgedSignature() {
        return adapter.receive(forged);
    }

    private static Headers headers(String hmac) {
        return Headers.of("X-Shopify-Topic", "checkouts/update", "X-Shopify-Hmac-Sha256", hmac,
                "X-Shopify-Shop-Domain", "bench.myshopify.com", "X-Shopify-Event-Id", "bench-event");
    }

    private static String sign(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static final String CHECKOUT = """
            {"token":"123123123","cart_token":"eeafa272cebfd4b22385bc4b645e762c","email":"example@email.com",
             "buyer_accepts_marketing":false,"created_at":"2021-12-31T19:00:00-05:00",
             "updated_at":"2021-12-31T19:00:00-05:00","currency":"USD","completed_at":null,"phone":null,
             "customer_locale":null,"line_items":[{"key":"139cb5712fb4c8d9957dcfad9a3028da","product_id":632910392,
             "variant_id":808950810,"quantity":1,"sku":"IPOD2008PINK","title":"IPod Nano - 8GB","variant_title":"Pink",
             "price":"199.00","line_price":"199.00","vendor":"Apple"}],"name":"#981820079255243537",
             "abandoned_checkout_url":"https://checkout.local/548380009/checkouts/123123123/recover?key=example",
             "discount_codes":[],"source_name":"web","presentment_currency":"USD","buyer_accepts_sms_marketing":true,
             "sms_marketing_phone":"+14155550100","total_price":"421.88","subtotal_price":"398.00",
             "customer":{"id":603851970716743426,"first_name":"John","last_name":"Smith","email":"john@example.com",
             "phone":null,"admin_graphql_api_id":"gid://shopify/Customer/603851970716743426"}}
            """;
}
