package dev.beckon.engine.channels.sms;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a Twilio-compatible Messages API.
 *
 * @param baseUrl    the API root ({@code https://api.twilio.com}); messages go to
 *                   {@code {base}/2010-04-01/Accounts/{sid}/Messages.json}; never null
 * @param accountSid the account (basic-auth user); empty if not configured
 * @param authToken  the secret (basic-auth password); empty if not configured; never logged
 * @param from       the sender: a phone number in E.164, or a Messaging Service sid ({@code MG…}); empty if not
 *                   configured
 * @param timeout    per request; positive
 */
public record TwilioSettings(URI baseUrl, String accountSid, String authToken, String from, Duration timeout) {

    public TwilioSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        accountSid = accountSid == null ? "" : accountSid.strip();
        authToken = authToken == null ? "" : authToken.strip();
        from = from == null ? "" : from.strip();
        Objects.requireNonNull(timeout, "timeout");
    }

    public boolean configured() {
        return !accountSid.isEmpty() && !authToken.isEmpty() && !from.isEmpty();
    }

    /** Where messages are posted. */
    public URI messagesUri() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
    }

    @Override
    public String toString() {
        return "TwilioSettings[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", authToken=<hidden>, from="
                + from + ", timeout=" + timeout + "]";
    }
}
