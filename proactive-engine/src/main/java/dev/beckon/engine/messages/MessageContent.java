package dev.beckon.engine.messages;

import dev.beckon.engine.templates.SmsSegments;

import java.util.Objects;

/**
 * A rendered message: what the shopper will read.
 *
 * @param subject  the email subject; null for other channels
 * @param body     the text (SMS, push, the email's plain-text part); never null
 * @param html     the email's HTML part; null for other channels and text-only emails
 * @param segments the SMS length and encoding, shown to the merchant; null for channels other than SMS/WhatsApp
 */
public record MessageContent(String subject, String body, String html, SmsSegments segments) {

    public MessageContent {
        Objects.requireNonNull(body, "body");
    }

    /** A plain text body. */
    public static MessageContent text(String body) {
        return new MessageContent(null, body, null, null);
    }
}
