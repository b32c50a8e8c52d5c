package dev.beckon.engine.guardrails;

/** Skips a message that has nobody to go to. */
public final class RecipientRequired implements Guardrail {

    @Override
    public Decision check(SendAttempt attempt) {
        if (attempt.recipient() == null || attempt.recipient().isBlank()) {
            return new Decision.Skip("no " + addressName(attempt) + " for the shopper");
        }
        return Decision.ALLOW;
    }

    @Override
    public String name() {
        return "recipient";
    }

    private static String addressName(SendAttempt attempt) {
        return switch (attempt.channel()) {
            case SMS, WHATSAPP -> "phone number";
            case EMAIL -> "email address";
            case WEB_PUSH -> "push subscription";
            case APP -> "app install";
        };
    }
}
