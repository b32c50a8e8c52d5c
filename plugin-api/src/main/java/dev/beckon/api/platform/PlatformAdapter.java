package dev.beckon.api.platform;

import dev.beckon.api.plugin.Plugin;

/**
 * Turns one store platform's webhooks into canonical events.
 *
 * <p>Contract: {@link #receive} verifies the signature over the raw bytes in constant time before it parses
 * anything, never throws for bad input (it returns {@link WebhookOutcome.Rejected}), and gives every event a
 * dedup key that is equal for redeliveries of the same store event. It is called concurrently from request
 * threads, must not block on I/O other than CPU work, and keeps no per-request state.
 */
public interface PlatformAdapter extends Plugin {

    /**
     * @param request the delivery; never null
     * @return never null
     */
    WebhookOutcome receive(WebhookRequest request);

    /**
     * Whether a delivery with this content type can be for this platform ({@code application/json} unless the
     * platform says otherwise). The HTTP edge answers 415 when this is false.
     *
     * @param mediaType type and subtype without parameters, lower case; empty if the request had none
     */
    default boolean acceptsMediaType(String mediaType) {
        return "application/json".equals(mediaType);
    }
}
