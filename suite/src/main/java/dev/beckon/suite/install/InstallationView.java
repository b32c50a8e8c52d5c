package dev.beckon.suite.install;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A shop's installation as the merchant API shows it.
 *
 * @param credentials the names of the credentials Beckon holds ({@code access_token}, {@code scopes}…), sorted;
 *                    never their values; empty after an uninstall
 */
@Schema(name = "Installation")
public record InstallationView(
        @Schema(required = true) String shopId,
        @Schema(required = true) String platform,
        @Schema(required = true) String domain,
        @Schema(required = true, enumeration = {"installed", "uninstalled"}) String status,
        @Schema(required = true, example = "[\"access_token\", \"scopes\"]") List<String> credentials) {
}
