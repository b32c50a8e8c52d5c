package dev.beckon.engine.templates;

/** Where rendered text goes, which decides escaping. */
public enum Format {
    /** An SMS or WhatsApp body: no escaping; measured in segments. */
    SMS,
    /** A push notification body: no escaping. */
    PUSH,
    /** An email's HTML part: every variable is HTML-escaped unless written {@code {{{triple}}}}. */
    EMAIL_HTML,
    /** An email's subject or plain-text part: no escaping. */
    EMAIL_TEXT
}
