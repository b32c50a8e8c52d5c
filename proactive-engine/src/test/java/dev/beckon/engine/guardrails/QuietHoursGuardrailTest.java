package dev.beckon.engine.guardrails;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursGuardrailTest {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final ZoneId CANARY = ZoneId.of("Atlantic/Canary");

    final QuietHoursGuardrail guardrail = new QuietHoursGuardrail(QuietHours.DEFAULT, ZoneId.of("UTC"));

    static SendAttempt marketing(Instant now, ZoneId... zones) {
        return new SendAttempt(ShopId.of("s"), "abandoned-checkout", ChannelType.SMS, Consent.Purpose.MARKETING,
                "+14155238886", null, now, List.of(zones));
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    @Test
    void insideTheShoppersWindowItGoes() {
        assertThat(guardrail.check(marketing(at("2026-11-23T08:00", LOS_ANGELES), LOS_ANGELES)))
                .isEqualTo(Decision.ALLOW);
        assertThat(guardrail.check(marketing(at("2026-11-23T19:59", LOS_ANGELES), LOS_ANGELES)))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void atNightItWaitsForTheShoppersOwnEightOClock() {
        Decision decision = guardrail.check(marketing(at("2026-11-23T20:00", LOS_ANGELES), LOS_ANGELES));

        assertThat(decision).isEqualTo(new Decision.Defer(at("2026-11-24T08:00", LOS_ANGELES),
                "quiet hours in America/Los_Angeles (sending 08:00–20:00 local); goes at 08:00"
                        + " America/Los_Angeles time"));
    }

    @Test
    void oneMomentIsDaytimeInMadridAndNightInLosAngeles() {
        Instant now = Instant.parse("2026-11-23T09:00:00Z"); // 10:00 in Madrid, 01:00 in Los Angeles

        assertThat(guardrail.check(marketing(now, MADRID))).isEqualTo(Decision.ALLOW);
        assertThat(guardrail.check(marketing(now, LOS_ANGELES)))
                .isInstanceOfSatisfying(Decision.Defer.class,
                        defer -> assertThat(defer.until()).isEqualTo(at("2026-11-23T08:00", LOS_ANGELES)));
    }

    @Test
    void theSameJourneyReachesEachShopperAtHerOwnEight() {
        Instant sundayNight = Instant.parse("2026-11-23T04:00:00Z");

        Decision la = guardrail.check(marketing(sundayNight, LOS_ANGELES));
        Decision madrid = guardrail.check(marketing(sundayNight, MADRID));

        assertThat(((Decision.Defer) la).until().atZone(LOS_ANGELES).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(((Decision.Defer) madrid).until().atZone(MADRID).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(((Decision.Defer) la).until()).isNotEqualTo(((Decision.Defer) madrid).until());
    }

    @Test
    void springForwardAndFallBackKeepEightOClockLocal() {
        // Los Angeles springs forward on 2026-03-08, Madrid on 2026-03-29; both fall back in autumn.
        assertThat(QuietHours.DEFAULT.nextAllowed(at("2026-03-07T22:00", LOS_ANGELES), LOS_ANGELES))
                .isEqualTo(Instant.parse("2026-03-08T15:00:00Z")); // 08:00 PDT
        assertThat(QuietHours.DEFAULT.nextAllowed(at("2026-10-31T21:00", LOS_ANGELES), LOS_ANGELES))
                .isEqualTo(Instant.parse("2026-11-01T16:00:00Z")); // 08:00 PST
        assertThat(QuietHours.DEFAULT.nextAllowed(at("2026-03-28T23:30", MADRID), MADRID))
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z")); // 08:00 CEST
        assertThat(QuietHours.DEFAULT.nextAllowed(at("2026-10-24T23:30", MADRID), MADRID))
                .isEqualTo(Instant.parse("2026-10-25T07:00:00Z")); // 08:00 CET
    }

    @Test
    void anOpeningInsideADaylightSavingGapMovesForwardWithTheClocks() {
        QuietHours opensAtHalfPastTwo = new QuietHours(LocalTime.of(2, 30), LocalTime.of(20, 0));

        assertThat(opensAtHalfPastTwo.nextAllowed(at("2026-03-08T01:00", LOS_ANGELES), LOS_ANGELES))
                .isEqualTo(at("2026-03-08T03:30", LOS_ANGELES));
    }

    @Test
    void whenTheShopperMayBeInTwoZonesTheWindowMustBeOpenInBoth() {
        // 07:30 in the Canaries is 08:30 in Madrid: too early for a Canary shopper
        Instant morning = at("2026-11-23T07:30", CANARY);
        Decision early = guardrail.check(marketing(morning, MADRID, CANARY));
        // 19:30 in the Canaries is 20:30 in Madrid: too late for a Madrid shopper
        Decision late = guardrail.check(marketing(at("2026-11-23T19:30", CANARY), MADRID, CANARY));

        assertThat(early).isInstanceOfSatisfying(Decision.Defer.class,
                defer -> assertThat(defer.until()).isEqualTo(at("2026-11-23T08:00", CANARY)));
        assertThat(late).isInstanceOfSatisfying(Decision.Defer.class,
                defer -> assertThat(defer.until()).isEqualTo(at("2026-11-24T08:00", CANARY)));
        assertThat(guardrail.check(marketing(at("2026-11-23T12:00", MADRID), MADRID, CANARY)))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void transactionalMessagesAreNotHeld() {
        SendAttempt shippingUpdate = new SendAttempt(ShopId.of("s"), "order-updates", ChannelType.SMS,
                Consent.Purpose.TRANSACTIONAL, "+14155238886", null, at("2026-11-23T03:00", LOS_ANGELES),
                List.of(LOS_ANGELES));

        assertThat(guardrail.check(shippingUpdate)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void anUnknownZoneUsesTheStoresZone() {
        QuietHoursGuardrail storeInMadrid = new QuietHoursGuardrail(QuietHours.DEFAULT, MADRID);

        assertThat(storeInMadrid.check(marketing(at("2026-11-23T21:00", MADRID))))
                .isInstanceOf(Decision.Defer.class);
        assertThat(storeInMadrid.check(marketing(at("2026-11-23T09:00", MADRID)))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aWindowAcrossMidnightIsSupportedAndOneThatOpensWhenItClosesIsOpenAllDay() {
        QuietHours nightShift = new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0));

        assertThat(nightShift.allows(LocalTime.of(23, 0))).isTrue();
        assertThat(nightShift.allows(LocalTime.of(5, 59))).isTrue();
        assertThat(nightShift.allows(LocalTime.of(12, 0))).isFalse();
        QuietHours allDay = new QuietHours(LocalTime.NOON, LocalTime.NOON);
        assertThat(allDay.allows(LocalTime.of(3, 0))).isTrue();
        assertThat(allDay.nextAllowed(Instant.parse("2026-11-23T11:00:00Z"), MADRID))
                .isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
    }
}
