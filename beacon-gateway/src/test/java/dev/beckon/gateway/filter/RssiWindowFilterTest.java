package dev.beckon.gateway.filter;

import dev.beckon.api.testing.MutableClock;
import dev.beckon.gateway.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RssiWindowFilterTest {

    static final Instant START = Instant.parse("2026-09-05T10:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final Drops<FilterRejection> drops = new Drops<>(FilterRejection.class);
    final RssiWindowFilter filter = new RssiWindowFilter(FilterSettings.defaults(), PathLossModel.DEFAULT, clock, drops);

    /** Velocity gate out of the way, to look at the window statistic alone. */
    final RssiWindowFilter ungated = new RssiWindowFilter(new FilterSettings(Duration.ofSeconds(10), 30, 1.5, 1000,
            Duration.ofSeconds(1), 8, Duration.ofSeconds(2), -120), PathLossModel.DEFAULT, clock, drops);

    @Test
    void aSteadySignalGivesItsMedianAndTheModelsDistance() {
        double[] trace = {-64, -66, -65, -63, -67, -65, -64, -66};

        RssiEstimate estimate = feedEverySecond(filter, trace);

        assertThat(estimate.rssiDbm()).isEqualTo(-65.0);
        assertThat(estimate.distanceMetres()).isCloseTo(1.67, within(0.01));
        assertThat(estimate.samples()).isEqualTo(8);
        assertThat(estimate.outliers()).isZero();
        assertThat(estimate.latestReadingAt()).isEqualTo(START.plusSeconds(7));
    }

    @Test
    void aDeepFadeAndAReflectionAreLeftOutOfTheMedian() {
        double[] trace = {-65, -64, -66, -65, -95, -65, -63, -67, -40, -65};

        RssiEstimate estimate = feedEverySecond(ungated, trace);

        assertThat(estimate.rssiDbm()).isEqualTo(-65.0);
        assertThat(estimate.outliers()).isEqualTo(2);
        assertThat(estimate.samples()).isEqualTo(10);
    }

    @Test
    void theMedianStaysPutUnderRepeatedSpikes() {
        Random random = new Random(42);
        for (int second = 0; second < 60; second++) {
            double rssi = second % 4 == 3 ? -65 - 25 - random.nextInt(10) : -65 + random.nextGaussian() * 2;
            FilterOutcome outcome = ungated.offer(new RssiReading(clock.instant(), rssi));
            if (second >= 5) {
                assertThat(((FilterOutcome.Accepted) outcome).estimate().rssiDbm())
                        .as("second %d", second).isCloseTo(-65, within(2.5));
            }
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void aRealMoveWinsOnceItIsTheMajorityOfTheWindow() {
        feedEverySecond(ungated, -60, -60, -60, -60, -60, -60);

        RssiEstimate afterMove = feedEverySecond(ungated, -75, -75, -75, -75, -75, -75, -75);

        assertThat(afterMove.rssiDbm()).isEqualTo(-75.0);
    }

    @Test
    void aReadingThatWouldMeanRunningIsRejectedAndCounted() {
        feedEverySecond(filter, -65, -65, -65);  // 1.67 m

        // -95 dBm is 21.6 m; even read as -87 dBm (8 dB of it put down to noise) it is 10.9 m: 9 m in one second
        FilterOutcome jump = filter.offer(new RssiReading(clock.instant(), -95));

        assertThat(jump).isEqualTo(new FilterOutcome.Rejected(FilterRejection.TOO_FAST));
        assertThat(drops.countOf(FilterRejection.TOO_FAST)).isEqualTo(1);
        assertThat(filter.estimate()).hasValueSatisfying(e -> assertThat(e.rssiDbm()).isEqualTo(-65.0));
    }

    @Test
    void theSameDistanceIsAcceptedWhenEnoughTimeHasPassedToWalkIt() {
        feedEverySecond(filter, -65, -65, -65);  // last reading at START + 2 s
        clock.set(START.plusSeconds(6));        // 4 s later: 9.2 m in 4 s is 2.3 m/s

        FilterOutcome later = filter.offer(new RssiReading(clock.instant(), -95));

        assertThat(later).isInstanceOf(FilterOutcome.Accepted.class);
    }

    @Test
    void readingsMomentsApartAreJudgedOverAtLeastTheMinimumInterval() {
        filter.offer(new RssiReading(clock.instant(), -65));  // 1.67 m
        clock.advance(Duration.ofMillis(100));

        // beyond the 8 dB of noise, -75 dBm is -67 dBm: 1.98 m, 0.31 m farther; 3.1 m/s over 100 ms, 0.31 over 1 s
        FilterOutcome next = filter.offer(new RssiReading(clock.instant(), -75));

        assertThat(next).isInstanceOf(FilterOutcome.Accepted.class);
    }

    @Test
    void ordinaryNoiseOfAStillDeviceFarAwayIsNotTakenForRunning() {
        Random random = new Random(10);
        double tenMetres = PathLossModel.DEFAULT.rssiAt(10);
        for (int second = 0; second < 100; second++) {
            filter.offer(new RssiReading(clock.instant(), Math.round(tenMetres + 4 * random.nextGaussian())));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(drops.countOf(FilterRejection.TOO_FAST)).isLessThanOrEqualTo(2);
        assertThat(filter.estimate()).hasValueSatisfying(e ->
                assertThat(e.distanceMetres()).isBetween(7.0, 14.0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {20, 0, 0.5, -200, -121, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void anAbsurdRssiIsDroppedAndCounted(double rssi) {
        FilterOutcome outcome = filter.offer(new RssiReading(clock.instant(), rssi));

        assertThat(outcome).isEqualTo(new FilterOutcome.Rejected(FilterRejection.IMPLAUSIBLE_RSSI));
        assertThat(drops.countOf(FilterRejection.IMPLAUSIBLE_RSSI)).isEqualTo(1);
        assertThat(filter.estimate()).isEmpty();
    }

    @Test
    void theWeakestAndStrongestPlausibleReadingsAreTaken() {
        assertThat(ungated.offer(new RssiReading(clock.instant(), -120))).isInstanceOf(FilterOutcome.Accepted.class);
        assertThat(ungated.offer(new RssiReading(clock.instant(), -1))).isInstanceOf(FilterOutcome.Accepted.class);
    }

    @Test
    void aReadingFromTheFutureIsDroppedButSmallSkewIsTolerated() {
        FilterOutcome future = filter.offer(new RssiReading(START.plusSeconds(5), -65));
        FilterOutcome skewed = filter.offer(new RssiReading(START.plusMillis(1500), -65));

        assertThat(future).isEqualTo(new FilterOutcome.Rejected(FilterRejection.FROM_THE_FUTURE));
        assertThat(skewed).isInstanceOf(FilterOutcome.Accepted.class);
        assertThat(drops.countOf(FilterRejection.FROM_THE_FUTURE)).isEqualTo(1);
    }

    @Test
    void aReadingOlderThanTheWindowOrThanTheLastOneIsDropped() {
        filter.offer(new RssiReading(START, -65));

        assertThat(filter.offer(new RssiReading(START.minusSeconds(11), -65)))
                .isEqualTo(new FilterOutcome.Rejected(FilterRejection.TOO_OLD));
        assertThat(filter.offer(new RssiReading(START.minusSeconds(1), -65)))
                .isEqualTo(new FilterOutcome.Rejected(FilterRejection.OUT_OF_ORDER));
        assertThat(filter.offer(new RssiReading(START, -66))).isInstanceOf(FilterOutcome.Accepted.class);
        assertThat(drops.snapshot()).containsEntry(FilterRejection.TOO_OLD, 1L)
                .containsEntry(FilterRejection.OUT_OF_ORDER, 1L);
    }

    @Test
    void readingsAgeOutOfTheWindowAndThenThereIsNoEstimate() {
        feedEverySecond(filter, -65, -65, -65);  // START .. START + 2 s, clock now START + 3 s

        clock.set(START.plusSeconds(11).plusMillis(500));
        assertThat(filter.estimate()).hasValueSatisfying(e -> assertThat(e.samples()).isEqualTo(1));

        clock.set(START.plusSeconds(12).plusMillis(1));
        assertThat(filter.estimate()).isEmpty();
    }

    @Test
    void theEstimateFollowsTheReadingsThatAgeOut() {
        feedEverySecond(ungated, -80, -80, -60);  // START .. START + 2 s
        assertThat(ungated.estimate()).hasValueSatisfying(e -> assertThat(e.rssiDbm()).isEqualTo(-80.0));

        clock.set(START.plusSeconds(10).plusMillis(500));
        assertThat(ungated.estimate()).hasValueSatisfying(e -> assertThat(e.rssiDbm()).isEqualTo(-70.0));

        clock.set(START.plusSeconds(11).plusMillis(500));
        FilterOutcome next = ungated.offer(new RssiReading(clock.instant(), -62));
        assertThat(((FilterOutcome.Accepted) next).estimate().rssiDbm()).isEqualTo(-61.0);
    }

    @Test
    void afterTheWindowEmptiesAnyDistanceIsAcceptedAgain() {
        feedEverySecond(filter, -65, -65, -65);
        clock.advance(Duration.ofSeconds(20));

        assertThat(filter.offer(new RssiReading(clock.instant(), -90))).isInstanceOf(FilterOutcome.Accepted.class);
    }

    @Test
    void theWindowKeepsAtMostMaxSamples() {
        RssiWindowFilter small = new RssiWindowFilter(new FilterSettings(Duration.ofSeconds(10), 5, 1.5, 3,
                Duration.ofSeconds(1), 8, Duration.ofSeconds(2), -120), PathLossModel.DEFAULT, clock, drops);
        RssiEstimate estimate = null;
        for (int i = 0; i < 20; i++) {
            estimate = ((FilterOutcome.Accepted) small.offer(new RssiReading(clock.instant(), -65 - i % 3))).estimate();
            clock.advance(Duration.ofMillis(200));
        }

        assertThat(estimate.samples()).isEqualTo(5);
    }

    @Test
    void theEstimateIsTheTukeyMedianOfExactlyTheReadingsInTheWindow() {
        RssiWindowFilter small = new RssiWindowFilter(new FilterSettings(Duration.ofSeconds(10), 12, 1.5, 1000,
                Duration.ofSeconds(1), 8, Duration.ofSeconds(2), -120), PathLossModel.DEFAULT, clock, drops);
        Random random = new Random(3);
        java.util.List<RssiReading> kept = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            clock.advance(Duration.ofMillis(random.nextInt(random.nextInt(20) == 0 ? 12_000 : 1_500)));
            double rssi = random.nextInt(5) == 0 ? -40 - random.nextInt(60) : Math.round(-65 + random.nextGaussian() * 3);
            RssiReading reading = new RssiReading(clock.instant(), rssi);
            kept.add(reading);
            kept.removeIf(old -> old.at().isBefore(clock.instant().minus(Duration.ofSeconds(10))));
            while (kept.size() > 12) {
                kept.remove(0);
            }

            RssiEstimate estimate = ((FilterOutcome.Accepted) small.offer(reading)).estimate();

            double[] values = kept.stream().mapToDouble(RssiReading::rssiDbm).sorted().toArray();
            TukeyMedian expected = TukeyMedian.ofSorted(values, values.length, 1.5);
            assertThat(estimate.samples()).as("reading %d", i).isEqualTo(values.length);
            assertThat(estimate.rssiDbm()).as("reading %d", i).isEqualTo(expected.median());
            assertThat(estimate.outliers()).as("reading %d", i).isEqualTo(expected.outliers());
        }
    }

    /** Feeds one reading per second from the clock's current time, then leaves the clock after the last one. */
    private RssiEstimate feedEverySecond(RssiWindowFilter target, double... rssi) {
        RssiEstimate estimate = null;
        for (double value : rssi) {
            FilterOutcome outcome = target.offer(new RssiReading(clock.instant(), value));
            assertThat(outcome).as("%s dBm", value).isInstanceOf(FilterOutcome.Accepted.class);
            estimate = ((FilterOutcome.Accepted) outcome).estimate();
            clock.advance(Duration.ofSeconds(1));
        }
        return estimate;
    }
}
