package dev.beckon.adapters.shopify;

import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.api.event.ConsentChanged;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;

import java.time.Instant;

/**
 * {@code customers/create|update} to {@link CustomerUpdated}; {@code customers_marketing_consent/update} (SMS) and
 * {@code customers_email_marketing_consent/update} to {@link ConsentChanged}.
 */
final class CustomerMapping {

    private CustomerMapping() {
    }

    static Mapped customer(JsonView body, Delivery delivery) {
        Instant updatedAt = body.instant("updated_at");
        Instant createdAt = body.instant("created_at");
        CustomerUpdated payload = new CustomerUpdated(ShopperMapping.ofCustomer(body),
                delivery.timeOr(updatedAt, createdAt));
        return new Mapped(payload, payload.shopper().customer().value(), updatedAt, createdAt);
    }

    /** Body: {@code {"id", "phone", "sms_marketing_consent": {...}}}. */
    static Mapped smsConsent(JsonView body, Delivery delivery) {
        return consentChange(body, "id", "phone", "sms_marketing_consent", ChannelType.SMS);
    }

    /** Body: {@code {"customer_id", "email_address", "email_marketing_consent": {...}}}. */
    static Mapped emailConsent(JsonView body, Delivery delivery) {
        return consentChange(body, "customer_id", "email_address", "email_marketing_consent", ChannelType.EMAIL);
    }

    private static Mapped consentChange(JsonView body, String idField, String addressField, String consentField,
                                        ChannelType channel) {
        String customer = body.id(idField);
        String address = body.string(addressField);
        if (customer == null && address == null) {
            throw new MalformedPayloadException(body.pathOf(idField) + " and " + body.pathOf(addressField)
                    + " are both missing, so the consent is for no one");
        }
        Consent consent = ShopperMapping.consent(channel, body.requireObject(consentField));
        ConsentChanged payload = new ConsentChanged(customer == null ? null : CustomerId.of(customer), address,
                consent);
        return new Mapped(payload, customer, consent.updatedAt(), null);
    }
}
