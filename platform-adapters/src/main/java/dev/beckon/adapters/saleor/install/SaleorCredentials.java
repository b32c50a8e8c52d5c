package dev.beckon.adapters.saleor.install;

import dev.beckon.api.model.ShopId;

import java.net.URI;
import java.util.Objects;

/**
 * A registered Saleor app: what the suite stores for the shop (app-sdk stores the same four things).
 *
 * @param shop      never null
 * @param apiUrl    the instance's GraphQL endpoint, as verified; never null
 * @param domain    what goes into {@code ShopContext.domain} for {@code SaleorAdapter}: the host for an https API on
 *                  the default port ({@code demo.saleor.cloud}), else the origin ({@code http://localhost:8000});
 *                  never null
 * @param authToken the app token for admin calls; never null, never logged
 * @param appId     Saleor's id of the installed app; never null
 * @param jwks      the instance's JWKS document as fetched at register; never null
 */
public record SaleorCredentials(ShopId shop, URI apiUrl, String domain, String authToken, String appId,
                                String jwks) {

    public SaleorCredentials {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(jwks, "jwks");
    }

    @Override
    public String toString() {
        return "SaleorCredentials[shop=" + shop + ", apiUrl=" + apiUrl + ", domain=" + domain + ", appId=" + appId
                + ", authToken=<hidden>]";
    }
}
