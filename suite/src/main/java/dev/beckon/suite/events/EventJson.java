package dev.beckon.suite.events;

import dev.beckon.engine.inbox.StoredEvent;
import dev.beckon.suite.webhooks.PoisonDelivery;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.StringReader;
import java.time.Instant;

/** A canonical event as the merchant API shows it, with its payload as JSON. */
@JsonbNillable
@Schema(name = "Event")
public record EventJson(
        @Schema(required = true) String id,
        @Schema(required = true, example = "CheckoutUpdated") String type,
        @Schema(required = true, example = "shopify") String source,
        @Schema(example = "checkouts/update") String topic,
        @Schema(required = true) String dedupKey,
        @Schema(required = true) Instant occurredAt,
        @Schema(required = true) Instant receivedAt,
        @Schema(required = true, enumeration = {"pending", "processed", "failed", "poison", "ping"},
                description = "poison: signed by the platform but unreadable, acknowledged and kept here; ping:"
                        + " WooCommerce's creation ping of a webhook") String state,
        @Schema(description = "Why processing failed, why the delivery is poison, or which webhook pinged")
        String error,
        @Schema(description = "The canonical payload") JsonObject payload) {

    /**
     * A delivery kept without an event: type {@code "Unreadable"} (poison) or {@code "WebhookPing"}, its payload the
     * size and start of the body.
     */
    static EventJson of(PoisonDelivery p) {
        JsonObject payload = Json.createObjectBuilder().add("bodyBytes", p.bodyBytes())
                .add("bodyExcerpt", p.bodyExcerpt()).build();
        boolean ping = PoisonDelivery.PING.equals(p.kind());
        return new EventJson(p.id(), ping ? "WebhookPing" : "Unreadable", p.platform(), p.topic(), p.dedupKey(),
                p.receivedAt(), p.receivedAt(), p.kind(), p.reason(), payload);
    }

    static EventJson of(StoredEvent e) {
        JsonObject payload;
        try (JsonReader reader = Json.createReader(new StringReader(e.payload()))) {
            payload = reader.readObject();
        }
        return new EventJson(e.id(), e.type(), e.source(), e.sourceTopic(), e.dedupKey(), e.occurredAt(),
                e.receivedAt(), e.state(), e.error(), payload);
    }
}
