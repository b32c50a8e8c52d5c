package dev.beckon.adapters.shopify;

import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;

/** Maps the body of one verified Shopify topic onto a canonical payload. Implementations are stateless. */
@FunctionalInterface
interface TopicMapping {

    /**
     * @return never null
     * @throws MalformedPayloadException if the body lacks a field the topic needs or holds an unreadable one
     * @throws IllegalArgumentException  if a value breaks a canonical type's rule (an id over 255 characters)
     */
    Mapped map(JsonView body, Delivery delivery);
}
