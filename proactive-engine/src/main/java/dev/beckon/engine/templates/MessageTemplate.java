package dev.beckon.engine.templates;

import java.util.Objects;

/**
 * The Mustache sources of one message. SMS, WhatsApp and push messages use {@code text}; an email uses
 * {@code subject}, {@code text} (the plain-text part) and, if set, {@code html}. Immutable.
 *
 * @param subject the email subject; null for other channels
 * @param text    the body as plain text; never null or blank
 * @param html    the email's HTML part; null for a text-only email and for other channels
 */
public record MessageTemplate(String subject, String text, String html) {

    public MessageTemplate {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a template needs a text body");
        }
    }

    /** A text-only template (SMS, push). */
    public static MessageTemplate text(String text) {
        return new MessageTemplate(null, text, null);
    }
}
