package dev.beckon.adapters.saleor.install;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link SaleorApi} over {@link HttpClient}: connects within 2 s and waits at most 10 s (Saleor itself gives an app
 * 20 s to answer the register call), never follows redirects, reads at most {@link #MAX_BYTES}. Thread-safe.
 */
public final class HttpSaleorApi implements SaleorApi {

    /** {@code { app { id } }} answers in well under 1 KiB. */
    public static final int MAX_BYTES = 256 * 1024;

    private final HttpClient client;
    private final Duration requestTimeout;

    /** The production client. */
    public HttpSaleorApi() {
        this(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), Duration.ofSeconds(10));
    }

    /**
     * @param client         never null; must not follow redirects
     * @param requestTimeout how long one request may take; never null
     */
    public HttpSaleorApi(HttpClient client, Duration requestTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    @Override
    public Answer post(URI apiUrl, String token, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(apiUrl)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(apiUrl + " answered more than " + MAX_BYTES + " bytes");
            }
            return new Answer(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
