package dev.beckon.adapters.standardwebhooks;

import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;

/** Maps the {@code data} of one envelope type onto a canonical payload. Implementations are stateless. */
@FunctionalInterface
interface TypeMapping {

    /**
     * @param data the envelope's {@code data} object; field paths in reasons start with {@code data.}
     * @return never null
     * @throws MalformedPayloadException if {@code data} lacks a field the type needs or holds an unreadable one
     * @throws IllegalArgumentException  if a value breaks a canonical type's rule (an id over 255 characters)
     */
    Mapped map(JsonView data, Delivery delivery);
}
