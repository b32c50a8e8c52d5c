package dev.beckon.adapters.storefront;

import dev.beckon.adapters.json.Excerpt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A shop's storefront origins, for CORS on {@code POST /collect/{shopId}}. An {@code Origin} header is allowed only
 * if it equals one of them exactly by scheme, host and port (case-insensitive host, default port implied); nothing
 * is reflected that was not configured, there are no wildcards, and the opaque origin {@code null} (sandboxed
 * frames, {@code file:}) is never allowed. Immutable and thread-safe.
 */
public final class AllowedOrigins {

    /** What the snippet sends: a simple {@code text/plain} POST (no preflight), or JSON from a custom integration. */
    static final String ALLOW_METHODS = "POST, OPTIONS";
    static final String ALLOW_HEADERS = "Content-Type";
    static final String MAX_AGE_SECONDS = "600";
    private static final int MAX_LENGTH = 300;

    private final Set<String> origins;

    private AllowedOrigins(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /**
     * @param storefronts the shop's storefront addresses: {@code shop.example.com} (read as https),
     *                    {@code https://shop.example.com}, {@code http://localhost:3000}; a trailing slash is fine
     * @throws IllegalArgumentException naming the first entry that is not a plain origin (a path, a wildcard,
     *                                  credentials, another scheme), so the merchant can fix it
     */
    public static AllowedOrigins of(Collection<String> storefronts) {
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : storefronts) {
            String candidate = entry == null ? "" : entry.strip();
            if (!candidate.contains("://")) {
                candidate = "https://" + candidate;
            }
            if (candidate.endsWith("/")) {
                candidate = candidate.substring(0, candidate.length() - 1);
            }
            origins.add(normalise(candidate).orElseThrow(() -> new IllegalArgumentException("'"
                    + Excerpt.of(String.valueOf(entry)) + "' is not a storefront origin like https://shop.example.com"
                    + " (no path, no wildcard)")));
        }
        return new AllowedOrigins(origins);
    }

    /** Whether a request with this {@code Origin} header (null if absent) may post. */
    public boolean allows(String originHeader) {
        return originHeader != null && normalise(originHeader.strip()).map(origins::contains).orElse(false);
    }

    /**
     * The CORS headers for an answer (preflight or POST) to a request with this {@code Origin}: for an allowed origin
     * {@code Access-Control-Allow-Origin} with that very origin, the methods, headers and max age, and always
     * {@code Vary: Origin} so caches keep answers apart.
     */
    public Map<String, String> corsHeaders(String originHeader) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (allows(originHeader)) {
            headers.put("Access-Control-Allow-Origin", originHeader.strip());
            headers.put("Access-Control-Allow-Methods", ALLOW_METHODS);
            headers.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
            headers.put("Access-Control-Max-Age", MAX_AGE_SECONDS);
        }
        headers.put("Vary", "Origin");
        return Map.copyOf(headers);
    }

    /** The configured origins, normalised ({@code https://shop.example.com}). */
    public Set<String> origins() {
        return origins;
    }

    /** {@code scheme://host[:port]} lower-cased with the default port dropped; empty if not exactly an origin. */
    static Optional<String> normalise(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH || text.contains("*")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                    || (scheme.equals("http") && port == 80);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "AllowedOrigins" + origins;
    }
}
