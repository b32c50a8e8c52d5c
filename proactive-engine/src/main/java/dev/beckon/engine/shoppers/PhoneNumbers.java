package dev.beckon.engine.shoppers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Phone numbers read with libphonenumber, each (number, default region) read once: one message asks for the same
 * number's E.164 form (its shopper key, its frequency-cap address), its country and its time zones, and each
 * libphonenumber parse and validity check runs the metadata's regular expressions. The last
 * {@value #KEPT} numbers read are kept. Thread-safe.
 */
public final class PhoneNumbers {

    /**
     * A number that parsed.
     *
     * @param e164      the number in E.164, e.g. {@code +493012345678}
     * @param valid     whether libphonenumber considers it a valid number of its region
     * @param region    ISO 3166 alpha-2 region of the number; {@code ZZ} or null if unknown
     * @param timeZones libphonenumber's zone ids for the number (for a valid number; empty otherwise)
     */
    public record Parsed(String e164, boolean valid, String region, List<String> timeZones) {
    }

    private static final int KEPT = 10_000;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();
    private static final Map<String, Optional<Parsed>> READ = new ConcurrentHashMap<>();

    private PhoneNumbers() {
    }

    /**
     * @param phone         as the shopper or platform wrote it; not null
     * @param defaultRegion the region a number without its country code is read in (upper-case alpha-2)
     * @return empty if libphonenumber cannot read it as a phone number
     */
    public static Optional<Parsed> parse(String phone, String defaultRegion) {
        // libphonenumber uses the default region only for a number without its country code: one written with
        // "+" reads the same in every region, so it is kept once (the shopper key reads it in US, time zones in the
        // shop's country)
        String key = phone.startsWith("+") ? phone : defaultRegion + '|' + phone;
        Optional<Parsed> parsed = READ.get(key);
        if (parsed == null) {
            parsed = read(phone, defaultRegion);
            if (READ.size() >= KEPT) {
                READ.clear();
            }
            READ.put(key, parsed);
        }
        return parsed;
    }

    private static Optional<Parsed> read(String phone, String defaultRegion) {
        try {
            PhoneNumber number = PHONES.parse(phone, defaultRegion);
            boolean valid = PHONES.isValidNumber(number);
            return Optional.of(new Parsed(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), valid,
                    PHONES.getRegionCodeForNumber(number), valid ? ZONES.getTimeZonesForNumber(number) : List.of()));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
