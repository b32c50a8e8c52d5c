package dev.beckon.video.library;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.links.LinkToken;

import java.util.Objects;
import java.util.Optional;

/**
 * A landing-page link for one video and one shopper, as stored in {@code video_link}: the token's hash and
 * lifetime, and the personalisation shown as an HTML overlay. The first name is personal data: it is removed with
 * the link on {@code customers/redact}. Immutable and thread-safe.
 */
public record VideoLink(LinkToken token, VideoId video, ShopId shop, Optional<String> firstName,
                        Optional<String> orderId) {

    public VideoLink {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(orderId, "orderId");
    }
}
