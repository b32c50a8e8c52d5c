package dev.beckon.video.streaming;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * The IMF-fixdate form of an HTTP-date (RFC 9110 §5.6.7), e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. The
 * obsolete RFC 850 and asctime forms are not parsed: a validator in those forms simply does not match, which for
 * If-Range means a full 200 answer, never a wrong one. Stateless and thread-safe.
 */
final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);

    private HttpDate() {
    }

    /** Formats {@code instant}, dropping fractions of a second. */
    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Parses an IMF-fixdate; empty for anything else (including a weekday that does not fit the date). */
    static Optional<Instant> parse(String value) {
        try {
            return Optional.of(Instant.from(IMF_FIXDATE.parse(value.strip())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
