package dev.beckon.adapters.saleor.install;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the Saleor app install needs from configuration.
 *
 * @param publicBaseUrl         Beckon's public HTTPS base URL ({@code https://beckon.example.com}); never null
 * @param appId                 the manifest {@code id}, stable across versions ({@code dev.beckon.engage}); never
 *                              blank
 * @param name                  shown in the Saleor dashboard; never blank
 * @param version               the manifest {@code version} (semver); never blank
 * @param about                 one paragraph shown in the dashboard; never null
 * @param requiredSaleorVersion a semver range ({@code >=3.20}); null to leave it out of the manifest
 * @param allowedApiHosts       the Saleor API hosts register accepts: exact hosts ({@code demo.saleor.cloud}) or
 *                              {@code *.suffix} ({@code *.saleor.cloud}); empty accepts any public https host, so set
 *                              it unless merchants run their own Saleor
 * @param allowLoopbackHttp     whether {@code http://localhost} APIs are accepted: tests and local development only
 */
public record SaleorAppSettings(URI publicBaseUrl, String appId, String name, String version, String about,
                                String requiredSaleorVersion, List<String> allowedApiHosts,
                                boolean allowLoopbackHttp) {

    public SaleorAppSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        requireText(appId, "appId");
        requireText(name, "name");
        requireText(version, "version");
        Objects.requireNonNull(about, "about");
        allowedApiHosts = allowedApiHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        String text = publicBaseUrl.toString();
        if (text.endsWith("/")) {
            publicBaseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** Production defaults for Beckon's app, any Saleor host. */
    public static SaleorAppSettings of(URI publicBaseUrl, String version) {
        return new SaleorAppSettings(publicBaseUrl, "dev.beckon.engage", "Beckon", version,
                "Proactive engagement: abandoned-checkout and post-purchase journeys for your Saleor store.", null,
                List.of(), false);
    }

    /** Whether register may call this (lower-case) host. */
    boolean allowsHost(String host) {
        if (allowedApiHosts.isEmpty()) {
            return true;
        }
        for (String allowed : allowedApiHosts) {
            boolean match = allowed.startsWith("*.")
                    ? host.endsWith(allowed.substring(1)) && host.length() > allowed.length() - 1
                    : host.equals(allowed);
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
