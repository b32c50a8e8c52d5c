package dev.beckon.adapters.shopify;

import java.util.Locale;
import java.util.Optional;

/** The Shopify topics Beckon maps, each with its mapping. Any other topic is acknowledged and ignored. */
enum ShopifyTopic {

    CHECKOUTS_CREATE("checkouts/create", CheckoutMapping::checkout),
    CHECKOUTS_UPDATE("checkouts/update", CheckoutMapping::checkout),
    ORDERS_CREATE("orders/create", OrderMapping::placed),
    ORDERS_FULFILLED("orders/fulfilled", (body, delivery) -> OrderMapping.fulfilled(body, delivery, false)),
    ORDERS_PARTIALLY_FULFILLED("orders/partially_fulfilled",
            (body, delivery) -> OrderMapping.fulfilled(body, delivery, true)),
    CUSTOMERS_CREATE("customers/create", CustomerMapping::customer),
    CUSTOMERS_UPDATE("customers/update", CustomerMapping::customer),
    CUSTOMERS_SMS_MARKETING_CONSENT_UPDATE("customers_marketing_consent/update", CustomerMapping::smsConsent),
    CUSTOMERS_EMAIL_MARKETING_CONSENT_UPDATE("customers_email_marketing_consent/update",
            CustomerMapping::emailConsent),
    APP_UNINSTALLED("app/uninstalled", ComplianceMapping::appUninstalled),
    CUSTOMERS_DATA_REQUEST("customers/data_request", ComplianceMapping::customerDataRequest),
    CUSTOMERS_REDACT("customers/redact", ComplianceMapping::customerRedact),
    SHOP_REDACT("shop/redact", ComplianceMapping::shopRedact);

    private final String topic;
    private final TopicMapping mapping;

    ShopifyTopic(String topic, TopicMapping mapping) {
        this.topic = topic;
        this.mapping = mapping;
    }

    /** The mapped topic of that name (matched ignoring case and surrounding blanks); empty if Beckon maps none. */
    static Optional<ShopifyTopic> of(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (ShopifyTopic candidate : values()) {
            if (candidate.topic.equals(wanted)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Shopify's name for it: {@code checkouts/update}. */
    String topic() {
        return topic;
    }

    TopicMapping mapping() {
        return mapping;
    }
}
