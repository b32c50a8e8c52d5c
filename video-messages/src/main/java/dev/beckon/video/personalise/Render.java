package dev.beckon.video.personalise;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.library.VideoId;
import dev.beckon.video.storage.StorageKey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The shop's template clip with one shopper's first name burned in, as kept in {@code video_render}: one per
 * (shop, template, normalised name), shared by every shopper of that name. The name and the file are personal data,
 * deleted on an erasure request. Immutable and thread-safe.
 *
 * @param output the web-safe MP4 in storage, once {@code READY}; serve it like a video's MP4
 * @param reason why it failed; empty otherwise
 */
public record Render(RenderId id, ShopId shop, VideoId template, ShopperName name, RenderState state,
                     Optional<String> reason, Optional<StorageKey> output, Instant createdAt, Instant updatedAt) {

    public Render {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
