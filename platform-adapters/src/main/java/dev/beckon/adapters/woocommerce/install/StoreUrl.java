package dev.beckon.adapters.woocommerce.install;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.woocommerce.install.WooInstallException.Reason;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A WooCommerce store's base URL (WordPress home), normalised: lower-case scheme and host, default port dropped,
 * no trailing slash, no query, no fragment, no credentials. A WordPress installed in a folder keeps its path
 * ({@code https://example.com/shop}). HTTPS only: WooCommerce accepts HTTP Basic auth with REST keys only over
 * HTTPS; plain HTTP is allowed for a loopback host ({@code localhost}, {@code 127.0.0.1}) when the caller allows it,
 * which only tests do. An IP literal of a private, loopback or link-local network is refused otherwise, so an install
 * cannot make Beckon call into its own network.
 *
 * @param value the normalised URL, without trailing slash; never null
 */
public record StoreUrl(URI value) {

    /** Longer than any sensible store URL; bounds the work on hostile input. */
    static final int MAX_LENGTH = 2048;

    public StoreUrl {
        Objects.requireNonNull(value, "value");
    }

    /**
     * @param text              what the merchant typed ({@code shop.example.com} is read as {@code https://})
     * @param allowLoopbackHttp whether {@code http://localhost} is acceptable (tests only)
     * @throws WooInstallException {@link Reason#INVALID_URL} with what is wrong
     */
    public static StoreUrl parse(String text, boolean allowLoopbackHttp) throws WooInstallException {
        URI uri = checkedWebUrl(text, "store URL", allowLoopbackHttp);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (uri.getRawQuery() != null) {
            throw invalid("store URL", "must not have a query (?...): give the shop's home page address");
        }
        try {
            return new StoreUrl(new URI(uri.getScheme() + "://" + authority(uri) + path));
        } catch (URISyntaxException e) {
            throw invalid("store URL", "is not a valid URL");
        }
    }

    /** This store's URL for a REST path ({@code /wp-json/wc/v3/system_status}). */
    public URI resolve(String path) {
        return URI.create(value + path);
    }

    /** The host, and the port if not the default: what the suite shows and keys the shop by. */
    public String authority() {
        return authority(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }

    /**
     * An absolute http(s) URL without credentials or fragment; https unless a loopback host is allowed plain HTTP.
     * A text without scheme is read as {@code https://}.
     */
    static URI checkedWebUrl(String text, String what, boolean allowLoopbackHttp) throws WooInstallException {
        if (text == null || text.isBlank()) {
            throw invalid(what, "is missing");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid(what, "is longer than " + MAX_LENGTH + " characters");
        }
        String candidate = text.strip();
        if (!candidate.contains("://")) {
            candidate = "https://" + candidate;
        }
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            throw invalid(what, "'" + Excerpt.of(text) + "' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid(what, "'" + Excerpt.of(text) + "' is not an https:// address with a host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(what, "must not contain a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw invalid(what, "must not contain a fragment (#...)");
        }
        boolean loopback = isLoopback(uri.getHost());
        if (scheme.equals("http") && !(allowLoopbackHttp && loopback)) {
            throw invalid(what, "must use https://; WooCommerce only accepts REST keys over HTTPS");
        }
        if (isInternalLiteral(uri.getHost()) && !(allowLoopbackHttp && loopback)) {
            throw invalid(what, "points to a private or loopback address; give the store's public address");
        }
        int port = port(scheme, uri);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        try {
            return new URI(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port)
                    + path + query);
        } catch (URISyntaxException e) {
            throw invalid(what, "'" + Excerpt.of(text) + "' is not a valid URL");
        }
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || literal(h).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** {@code localhost}, or an IP literal of a loopback, private, link-local or unspecified address (no DNS). */
    private static boolean isInternalLiteral(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || literal(h).map(a -> a.isLoopbackAddress() || a.isSiteLocalAddress()
                || a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()).orElse(false);
    }

    private static Optional<InetAddress> literal(String host) {
        if (!(host.matches("[0-9.]+") || host.startsWith("["))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static int port(String scheme, URI uri) {
        int port = uri.getPort();
        boolean isDefault = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return isDefault ? -1 : port;
    }

    private static String authority(URI uri) {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static WooInstallException invalid(String what, String problem) {
        return new WooInstallException(Reason.INVALID_URL, "The " + what + " " + problem + ".");
    }
}
