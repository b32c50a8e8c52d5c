package dev.beckon.adapters.saleor;

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
 * Fetches {@code {origin}/.well-known/jwks.json} with {@link HttpClient}: bounded connect and request timeouts, no
 * redirects (a redirect could lead key fetching to another host), only a 200 answer, and at most
 * {@link #MAX_BYTES} of body. Thread-safe; one instance shares one client and its connection pool.
 */
public final class HttpJwksSource implements JwksSource {

    /** Where Saleor publishes its keys, relative to the API origin. */
    public static final String PATH = "/.well-known/jwks.json";
    /** A JWKS with a handful of RSA keys is a few KiB; anything near this is not a key set. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient client;
    private final Duration requestTimeout;

    /** Connects within 2 s and waits at most 3 s for the whole answer. */
    public HttpJwksSource() {
        this(HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), REQUEST_TIMEOUT);
    }

    /**
     * @param client         never null; should not follow redirects
     * @param requestTimeout how long one fetch may take; never null
     */
    public HttpJwksSource(HttpClient client, Duration requestTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    @Override
    public String fetch(URI origin) throws IOException, InterruptedException {
        URI url = origin.resolve(PATH);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(url + " answered more than " + MAX_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
