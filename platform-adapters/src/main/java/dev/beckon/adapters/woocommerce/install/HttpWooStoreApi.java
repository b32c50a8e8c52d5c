package dev.beckon.adapters.woocommerce.install;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * {@link WooStoreApi} over {@link HttpClient}: connects within 5 s, waits at most 20 s per request (WordPress on
 * shared hosting is slow), never follows a redirect (it would drop or leak the keys), reads at most
 * {@link #MAX_BYTES} of an answer. Thread-safe; one instance shares one client and its connection pool.
 */
public final class HttpWooStoreApi implements WooStoreApi {

    /** {@code system_status} lists every plugin and can reach a few hundred KiB; a REST answer beyond this is not. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client;
    private final Duration requestTimeout;

    /** The production client: bounded timeouts, no redirects. */
    public HttpWooStoreApi() {
        this(HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), REQUEST_TIMEOUT);
    }

    /**
     * @param client         never null; must not follow redirects
     * @param requestTimeout how long one request may take; never null
     */
    public HttpWooStoreApi(HttpClient client, Duration requestTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    @Override
    public Answer send(Request request) throws IOException, InterruptedException {
        URI url = request.url();
        HttpRequest.Builder builder = HttpRequest.newBuilder()
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", "Beckon-Install/1");
        if (request.auth() == WooAuth.BASIC) {
            String pair = request.keys().consumerKey() + ":" + request.keys().consumerSecret();
            builder.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            url = withQueryKeys(url, request.keys());
        }
        HttpRequest.BodyPublisher body = request.jsonBody() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.jsonBody(), StandardCharsets.UTF_8);
        if (request.jsonBody() != null) {
            builder.header("Content-Type", "application/json; charset=utf-8");
        }
        HttpRequest http = builder.uri(url).method(request.method(), body).build();
        HttpResponse<InputStream> response = client.send(http, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("the store answered more than " + MAX_BYTES + " bytes");
            }
            return new Answer(response.statusCode(), new String(bytes, StandardCharsets.UTF_8),
                    response.headers().firstValue("Location").orElse(null));
        }
    }

    private static URI withQueryKeys(URI url, WooKeys keys) {
        String separator = url.getRawQuery() == null ? "?" : "&";
        return URI.create(url + separator + "consumer_key=" + encode(keys.consumerKey()) + "&consumer_secret="
                + encode(keys.consumerSecret()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
