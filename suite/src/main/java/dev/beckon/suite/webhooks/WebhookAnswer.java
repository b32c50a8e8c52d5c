package dev.beckon.suite.webhooks;

import dev.beckon.engine.inbox.InboxReceipt;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * The answer to an accepted or ignored webhook.
 *
 * @param status     {@code accepted}, {@code ignored} or {@code poison} (signed, but unreadable: kept for the
 *                   merchant and acknowledged so the platform stops retrying)
 * @param stored     new events stored
 * @param duplicates events already stored by an earlier delivery
 * @param reason     why it was ignored or poison; null otherwise
 */
@JsonbNillable
@Schema(name = "WebhookAnswer")
public record WebhookAnswer(String status, int stored, int duplicates, String reason) {

    /** Made once: {@code Json.createObjectBuilder()} looks the JSON provider up again on every call. */
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    static WebhookAnswer accepted(InboxReceipt receipt) {
        return new WebhookAnswer("accepted", receipt.stored(), receipt.duplicates(), null);
    }

    static WebhookAnswer ignored(String reason) {
        return new WebhookAnswer("ignored", 0, 0, reason);
    }

    static WebhookAnswer poison(String reason) {
        return new WebhookAnswer("poison", 0, 0, reason);
    }

    /** A 200 with this answer as JSON, written directly: the webhook edge is the hottest path of the suite. */
    Response response() {
        JsonObjectBuilder json = BUILDERS.createObjectBuilder().add("status", status).add("stored", stored)
                .add("duplicates", duplicates);
        json = reason == null ? json.addNull("reason") : json.add("reason", reason);
        return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
