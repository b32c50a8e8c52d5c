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
        @Schema(required = true, enumeration = {"pending", "processed", "failed", "poison"},
                description = "poison: signed by the platform but unreadable; acknowledged and kept here") String state,
        @Schema(description = "Why processing failed, or why the delivery is poison") String error,
        @Schema(description = "The canonical payload") JsonObject payload) {

    /** A poison delivery: its type is {@code "Unreadable"}, its payload the size and start of the body. */
    static EventJson of(PoisonDelivery p) {
        JsonObject payload = Json.createObjectBuilder().add("bodyBytes", p.bodyBytes())
                .add("bodyExcerpt", p.bodyExcerpt()).build();
        return new EventJson(p.id(), "Unreadable", p.platform(), p.topic(), p.dedupKey(), p.receivedAt(),
                p.receivedAt(), "poison", p.reason(), payload);
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
