package dev.beckon.engine.timezones;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.beckon.engine.shoppers.PhoneNumbers;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves the time zone a shopper lives in, so quiet hours apply in her own evening and not the store's or the
 * server's: first the profile's zone, then the phone number's area, then the address's country where it has a
 * single zone, and last the store's zone.
 *
 * <p>Where libphonenumber gives several zones for a number (a mobile number is not tied to an area), the store's
 * zone wins if it is one of them; otherwise all of them are kept, up to {@value #MAX_CANDIDATES}, and quiet hours
 * hold in each. A source with more candidates than that (a US number without an area, a country spanning a
 * continent) says nothing, and the next source is asked. Thread-safe; libphonenumber loads its data once.
 */
public final class ShopperTimeZones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();

    static final int MAX_CANDIDATES = 4;

    private final ZoneId storeZone;

    /** @param storeZone the store's own zone, the last resort; never null */
    public ShopperTimeZones(ZoneId storeZone) {
        this.storeZone = Objects.requireNonNull(storeZone, "storeZone");
    }

    /**
     * @param profileZone    an IANA zone id from the shopper's profile; null or invalid if unknown
     * @param phone          the phone number, E.164 or national; null if unknown
     * @param addressCountry ISO 3166 alpha-2 country of the shopper's address; null if unknown. Also the region
     *                       used to read a phone number written without its country code.
     * @return never null
     */
    public ResolvedZone resolve(String profileZone, String phone, String addressCountry) {
        return fromProfile(profileZone)
                .or(() -> fromPhone(phone, addressCountry))
                .or(() -> fromCountry(addressCountry))
                .orElseGet(() -> ResolvedZone.of(storeZone, ZoneSource.STORE));
    }

    /**
     * The shopper's country for per-country quiet hours: the phone number's region when it is a valid number,
     * else the address's country.
     *
     * @return ISO 3166 alpha-2 in upper case; null if neither tells
     */
    public static String country(String phone, String addressCountry) {
        if (phone != null && !phone.isBlank()) {
            Optional<String> region = PhoneNumbers.parse(phone, region(addressCountry))
                    .filter(PhoneNumbers.Parsed::valid).map(PhoneNumbers.Parsed::region)
                    .filter(r -> !"ZZ".equals(r));
            if (region.isPresent()) {
                return region.get();
            }
        }
        String region = region(addressCountry);
        return "ZZ".equals(region) || region.length() != 2 ? null : region;
    }

    private static Optional<ResolvedZone> fromProfile(String profileZone) {
        if (profileZone == null || profileZone.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ResolvedZone.of(ZoneId.of(profileZone.strip()), ZoneSource.PROFILE));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private Optional<ResolvedZone> fromPhone(String phone, String country) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        return PhoneNumbers.parse(phone, region(country)).filter(PhoneNumbers.Parsed::valid)
                .flatMap(number -> candidates(number.timeZones()))
                .map(zones -> new ResolvedZone(zones, ZoneSource.PHONE));
    }

    private Optional<ResolvedZone> fromCountry(String country) {
        String region = region(country);
        int countryCode = PHONES.getCountryCodeForRegion(region);
        if (countryCode == 0) {
            return Optional.empty();
        }
        PhoneNumber countryOnly = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(0);
        return candidates(ZONES.getTimeZonesForGeographicalNumber(countryOnly))
                .map(zones -> new ResolvedZone(zones, ZoneSource.ADDRESS));
    }

    private Optional<List<ZoneId>> candidates(List<String> ids) {
        List<ZoneId> zones = ids.stream().map(ShopperTimeZones::zone).flatMap(Optional::stream).toList();
        if (zones.contains(storeZone)) {
            return Optional.of(List.of(storeZone));
        }
        return zones.isEmpty() || zones.size() > MAX_CANDIDATES ? Optional.empty() : Optional.of(zones);
    }

    private static Optional<ZoneId> zone(String id) {
        if (PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String region(String country) {
        return country == null || country.isBlank() ? "ZZ" : country.strip().toUpperCase(Locale.ROOT);
    }
}
