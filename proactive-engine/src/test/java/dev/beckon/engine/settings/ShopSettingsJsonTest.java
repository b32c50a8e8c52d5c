package dev.beckon.engine.settings;

import dev.beckon.api.model.ChannelType;
import dev.beckon.engine.guardrails.FrequencyCap;
import dev.beckon.engine.guardrails.QuietHours;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ShopSettingsJsonTest {

    @Test
    void anEmptyDocumentIsTheDefaults() {
        ShopSettings settings = ShopSettingsJson.read("{}");

        assertThat(settings).isEqualTo(ShopSettings.defaults());
        assertThat(settings.timeZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(settings.quietHours()).isEqualTo(new QuietHours(LocalTime.of(8, 0), LocalTime.of(20, 0)));
        assertThat(settings.capFor(ChannelType.SMS)).contains(new FrequencyCap(1, Duration.ofHours(24)));
        assertThat(settings.reentryCooldown()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void readsAMerchantsSettings() {
        ShopSettings settings = ShopSettingsJson.read("""
                {
                  "timeZone": "America/New_York",
                  "quietHours": {"start": "09:00", "end": "21:00"},
                  "quietHoursByCountry": {"FR": {"start": "09:00", "end": "20:00"}},
                  "frequencyCaps": {"SMS": {"max": 1, "per": "PT24H"}, "EMAIL": {"max": 3, "per": "PT24H"}},
                  "reentryCooldown": "P3D",
                  "reentryCooldownByJourney": {"abandoned-checkout": "PT72H"}
                }""");

        assertThat(settings.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(settings.quietHoursFor("FR")).isEqualTo(new QuietHours(LocalTime.of(9, 0), LocalTime.of(20, 0)));
        assertThat(settings.quietHoursFor("US")).isEqualTo(new QuietHours(LocalTime.of(9, 0), LocalTime.of(21, 0)));
        assertThat(settings.quietHoursFor(null)).isEqualTo(settings.quietHours());
        assertThat(settings.capFor(ChannelType.EMAIL)).contains(new FrequencyCap(3, Duration.ofHours(24)));
        assertThat(settings.capFor(ChannelType.WEB_PUSH)).isEmpty();
        assertThat(settings.reentryCooldownFor("abandoned-checkout")).isEqualTo(Duration.ofHours(72));
        assertThat(settings.reentryCooldownFor("win-back")).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void writingAndReadingBackGivesTheSameSettings() {
        ShopSettings settings = ShopSettingsJson.read("""
                {"timeZone": "Europe/Paris", "quietHoursByCountry": {"fr": {"start": "21:00", "end": "07:30"}},
                 "frequencyCaps": {}, "reentryCooldown": "PT0S"}""");

        String json = ShopSettingsJson.write(settings);

        assertThat(ShopSettingsJson.read(json)).isEqualTo(settings);
        assertThat(json).contains("\"FR\":{\"start\":\"21:00\",\"end\":\"07:30\"}").contains("\"frequencyCaps\":{}");
    }

    @Test
    void everyWrongFieldIsReportedWithWhatIsExpected() {
        SettingsValidationException e = catchThrowableOfType(SettingsValidationException.class,
                () -> ShopSettingsJson.read("""
                        {
                          "timeZone": "Mars/Olympus",
                          "quietHours": {"start": "25:00", "end": "20:00"},
                          "quietHoursByCountry": {"XX": {"start": "09:00", "end": "20:00"}},
                          "frequencyCaps": {"SMS": {"max": 0, "per": "PT24H"}, "FAX": {"max": 1, "per": "PT1H"},
                                            "EMAIL": {"max": 2, "per": "tomorrow"}},
                          "reentryCooldown": "-P1D",
                          "quiteHours": {}
                        }"""));

        assertThat(e.errors()).extracting(SettingsValidationException.FieldError::field).containsExactlyInAnyOrder(
                "quiteHours", "timeZone", "quietHours.start", "quietHoursByCountry.XX", "frequencyCaps.SMS.max",
                "frequencyCaps.FAX", "frequencyCaps.EMAIL.per", "reentryCooldown");
        assertThat(e.errors()).contains(
                new SettingsValidationException.FieldError("timeZone",
                        "must be an IANA time zone such as Europe/Paris, got 'Mars/Olympus'"),
                new SettingsValidationException.FieldError("quietHours.start",
                        "must be a time of day as HH:mm (00:00 to 23:59), got '25:00'"),
                new SettingsValidationException.FieldError("frequencyCaps.SMS.max", "must be from 1 to 1000, got 0"),
                new SettingsValidationException.FieldError("frequencyCaps.EMAIL.per",
                        "must be an ISO-8601 duration such as PT24H or P7D, got 'tomorrow'"));
    }

    @Test
    void theSameStartAndEndMeansNoQuietHours() {
        ShopSettings settings = ShopSettingsJson.read("{\"quietHours\": {\"start\": \"00:00\", \"end\": \"00:00\"}}");

        assertThat(settings.quietHours().allDay()).isTrue();
        assertThat(settings.quietHours().allows(java.time.LocalTime.of(3, 0))).isTrue();
        assertThat(ShopSettingsJson.read(ShopSettingsJson.write(settings)).quietHours().allDay()).isTrue();
    }

    @Test
    void somethingThatIsNotJsonIsATypedError() {
        SettingsValidationException e = catchThrowableOfType(SettingsValidationException.class,
                () -> ShopSettingsJson.read("{\"timeZone\": "));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEmpty();
            assertThat(error.message()).startsWith("must be a JSON object");
        });
    }
}
