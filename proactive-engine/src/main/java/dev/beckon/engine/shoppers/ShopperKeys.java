package dev.beckon.engine.shoppers;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.Shopper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who a shopper is across events, journeys and messages (the {@code shopperId} of the timeline), and which
 * address a message goes to (the key frequency caps count by).
 *
 * <p>A shopper key is the platform customer id when the event names one ({@code 603851970716743426}); for a
 * guest it is derived from the email address ({@code email-} and 24 hex digits of the SHA-256 of the address in
 * lower case) or, without one, from the phone number ({@code phone-} and the SHA-256 of its E.164 form), so the
 * same guest gets the same key without putting her address in URLs and logs. A guest who later signs in gets a
 * new key: keys are not merged. Stateless and thread-safe.
 */
public final class ShopperKeys {


    private ShopperKeys() {
    }

    /** The shopper's key; null if the shopper has neither customer id, email nor phone. */
    public static String of(Shopper shopper) {
        return shopper == null ? null : of(shopper.customer(), shopper.email(), shopper.phone());
    }

    /** The key for a customer id, else an email, else a phone; null if all are missing. */
    public static String of(CustomerId customer, String email, String phone) {
        if (customer != null) {
            return customer.value();
        }
        return forContact(email, phone);
    }

    /**
     * Every key a shopper's data may be filed under: the customer id, and the guest keys of the email and of the
     * phone (a guest who later signed in left data under each). Empty if all three are missing.
     */
    public static Set<String> all(CustomerId customer, String email, String phone) {
        Set<String> keys = new LinkedHashSet<>();
        if (customer != null) {
            keys.add(customer.value());
        }
        String byEmail = forContact(email, null);
        String byPhone = forContact(null, phone);
        if (byEmail != null) {
            keys.add(byEmail);
        }
        if (byPhone != null) {
            keys.add(byPhone);
        }
        return keys;
    }

    /** The key of a guest known by email (preferred) or phone; null if both are missing or blank. */
    public static String forContact(String email, String phone) {
        if (email != null && !email.isBlank()) {
            return "email-" + hash(email.strip().toLowerCase(Locale.ROOT));
        }
        if (phone != null && !phone.isBlank()) {
            return "phone-" + hash(phone(phone));
        }
        return null;
    }

    /**
     * The address as frequency caps count it: a phone number in E.164 (when it parses; numbers without a country
     * code are read as US numbers), an email in lower case; null if {@code address} is null or blank.
     */
    public static String recipientKey(ChannelType channel, String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return switch (channel) {
            case SMS, WHATSAPP -> phone(address);
            case EMAIL -> address.strip().toLowerCase(Locale.ROOT);
            case WEB_PUSH, APP -> address.strip();
        };
    }

    private static String phone(String phone) {
        return PhoneNumbers.parse(phone, "US").map(PhoneNumbers.Parsed::e164)
                .orElseGet(() -> phone.strip().replaceAll("[^0-9+]", ""));
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
