package dev.beckon.suite.install;

import dev.beckon.adapters.admin.CustomerContact;
import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's contact and marketing consent as the store platform holds them now. */
@JsonbNillable
@Schema(name = "CustomerContact")
public record CustomerContactView(
        @Schema(required = true) String id,
        String email,
        String phone,
        @Schema(required = true, example = "SUBSCRIBED") String emailConsent,
        @Schema(required = true, example = "UNKNOWN") String smsConsent) {

    static CustomerContactView of(CustomerContact contact) {
        return new CustomerContactView(contact.id().value(), contact.email(), contact.phone(),
                contact.emailConsent() == null ? "UNKNOWN" : contact.emailConsent().state().name(),
                contact.smsConsent() == null ? "UNKNOWN" : contact.smsConsent().state().name());
    }
}
