package dev.beckon.adapters.saleor.install;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.saleor.install.SaleorInstallException.Reason;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks of the {@code saleor-api-url} a register call names, before Beckon calls it. The URL comes from an
 * unauthenticated request, so: https only (plain HTTP only for a loopback host when the settings allow it), no
 * credentials, query or fragment, no IP literal of a private, loopback or link-local network (so the call cannot
 * probe Beckon's own network), and a host the settings allow.
 */
final class SaleorApiUrl {

    private static final int MAX_LENGTH = 2048;

    private SaleorApiUrl() {
    }

    /** The URL, normalised (lower-case scheme and host, default port dropped, path kept). */
    static URI check(String header, SaleorAppSettings settings) throws SaleorInstallException {
        if (header == null || header.isBlank()) {
            throw invalid("The saleor-api-url header is missing; the register call must come from Saleor.");
        }
        if (header.length() > MAX_LENGTH) {
            throw invalid("The saleor-api-url header is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(header.strip());
        } catch (URISyntaxException e) {
            throw invalid("The saleor-api-url '" + Excerpt.of(header) + "' is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid("The saleor-api-url '" + Excerpt.of(header) + "' is not an https:// URL with a host.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("The saleor-api-url must not carry credentials, a query or a fragment.");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = isLoopback(host);
        if (scheme.equals("http") && !(settings.allowLoopbackHttp() && loopback)) {
            throw invalid("The saleor-api-url must use https://.");
        }
        if (isInternalAddress(host) && !(settings.allowLoopbackHttp() && loopback)) {
            throw new SaleorInstallException(Reason.FORBIDDEN_API_URL,
                    "The saleor-api-url points to a private or loopback address; Beckon does not call those.");
        }
        if (!settings.allowsHost(host)) {
            throw new SaleorInstallException(Reason.FORBIDDEN_API_URL, "The Saleor host " + Excerpt.of(host)
                    + " is not one this Beckon accepts; ask its operator to add it to the allowed Saleor hosts.");
        }
        int port = uri.getPort();
        boolean defaultPort = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        try {
            return new URI(scheme + "://" + host + (defaultPort || port == -1 ? "" : ":" + port)
                    + (uri.getRawPath() == null ? "" : uri.getRawPath()));
        } catch (URISyntaxException e) {
            throw invalid("The saleor-api-url '" + Excerpt.of(header) + "' is not a URL.");
        }
    }

    /** Scheme and authority only: {@code https://demo.saleor.cloud}. */
    static URI origin(URI api) {
        return URI.create(api.getScheme() + "://" + authority(api));
    }

    /** Host, plus the port if not the default. */
    static String authority(URI api) {
        return api.getPort() == -1 ? api.getHost() : api.getHost() + ":" + api.getPort();
    }

    /** What {@code SaleorAdapter} reads as this origin: the bare host for https on 443, else the origin. */
    static String adapterDomain(URI api) {
        return api.getScheme().equals("https") && api.getPort() == -1 ? api.getHost() : origin(api).toString();
    }

    /** A registered domain read as {@code SaleorAdapter} reads it (bare host means https); empty if unreadable. */
    static Optional<URI> registeredOrigin(String domain) {
        String text = domain.strip();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return Optional.of(new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT),
                    defaultPort ? -1 : port, null, null, null));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        return literal(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    private static boolean isInternalAddress(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        return literal(host).map(a -> a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                || a.isAnyLocalAddress() || a.isMulticastAddress()).orElse(false);
    }

    /** The address of an IP literal host, without a DNS lookup; empty for a host name. */
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

    private static SaleorInstallException invalid(String message) {
        return new SaleorInstallException(Reason.INVALID_API_URL, message);
    }
}
