package dev.beckon.gateway.filter;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TukeyMedianTest {

    @Test
    void fewerThanFourValuesGiveThePlainMedian() {
        assertThat(TukeyMedian.ofSorted(new double[]{-70, -60, -50}, 3, 1.5)).isEqualTo(new TukeyMedian(-60, 0));
        assertThat(TukeyMedian.ofSorted(new double[]{-70, -60}, 2, 1.5)).isEqualTo(new TukeyMedian(-65, 0));
    }

    @Test
    void valuesOutsideTheFencesAreLeftOutOnBothSides() {
        double[] sorted = {-95, -66, -65, -65, -65, -64, -63, -40};

        assertThat(TukeyMedian.ofSorted(sorted, sorted.length, 1.5)).isEqualTo(new TukeyMedian(-65, 2));
    }

    @Test
    void onlyTheFirstLengthValuesCountWhateverFollowsThem() {
        double[] values = {-66, -65, -64, -63, -20, -10};

        assertThat(TukeyMedian.ofSorted(values, 4, 1.5)).isEqualTo(new TukeyMedian(-64.5, 0));
    }

    @Test
    void agreesWithFilteringEveryValueAgainstTheFences() {
        Random random = new Random(7);
        for (int run = 0; run < 2_000; run++) {
            int length = 1 + random.nextInt(30);
            double[] values = new double[length + random.nextInt(5)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(4) == 0 ? -40 - random.nextInt(60) : -65 + random.nextGaussian() * 3;
            }
            Arrays.sort(values, 0, length);

            assertThat(TukeyMedian.ofSorted(values, length, 1.5)).as("run %d", run)
                    .isEqualTo(reference(Arrays.copyOf(values, length), 1.5));
        }
    }

    /** The definition, written plainly: fences from the quartiles, then the median of every value inside them. */
    private static TukeyMedian reference(double[] sorted, double k) {
        if (sorted.length < 4) {
            return new TukeyMedian(quantile(sorted, 0.5), 0);
        }
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double[] kept = Arrays.stream(sorted).filter(v -> v >= q1 - k * (q3 - q1) && v <= q3 + k * (q3 - q1))
                .toArray();
        return new TukeyMedian(quantile(kept, 0.5), sorted.length - kept.length);
    }

    private static double quantile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
