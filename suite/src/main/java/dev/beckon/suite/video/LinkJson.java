package dev.beckon.suite.video;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A newly issued landing-page link; the token is shown only here, never stored in clear. */
@Schema(name = "VideoLink")
public record LinkJson(@Schema(required = true) String token,
                       @Schema(required = true, example = "/v/AbCd...", description = "the landing page, relative")
                       String url,
                       @Schema(required = true, description = "the link's id, to revoke it (not a working token)")
                       String id) {

    static LinkJson of(VideoLinks.Issued issued) {
        return new LinkJson(issued.token(), issued.url(), issued.id());
    }
}
