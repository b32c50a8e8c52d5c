package dev.beckon.suite.install;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where to send the merchant to approve Beckon's REST keys in the WooCommerce admin. */
@Schema(name = "WooAuthorizeUrl")
public record WooAuthorizeUrl(
        @Schema(required = true, example = "https://shop.example.com/wc-auth/v1/authorize?app_name=Beckon&…")
        String authorizeUrl) {
}
