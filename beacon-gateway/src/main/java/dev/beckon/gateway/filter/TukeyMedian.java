package dev.beckon.gateway.filter;

import java.util.Arrays;

/**
 * The median of the values inside Tukey's fences {@code [Q1 - k·IQR, Q3 + k·IQR]}: robust to the deep fades and
 * reflections that make single RSSI readings lie. With fewer than four values there are no meaningful
 * quartiles, and the plain median is used. Pure.
 *
 * @param median   the median of the values kept
 * @param outliers how many values fell outside the fences
 */
record TukeyMedian(double median, int outliers) {

    private static final int MIN_VALUES_FOR_QUARTILES = 4;

    /** @param values at least one finite value; not modified */
    static TukeyMedian of(double[] values, double fenceFactor) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length < MIN_VALUES_FOR_QUARTILES) {
            return new TukeyMedian(quantile(sorted, 0.5), 0);
        }
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double low = q1 - fenceFactor * (q3 - q1);
        double high = q3 + fenceFactor * (q3 - q1);
        double[] kept = Arrays.stream(sorted).filter(v -> v >= low && v <= high).toArray();
        return new TukeyMedian(quantile(kept, 0.5), sorted.length - kept.length);
    }

    /** Linear interpolation between closest ranks (R's type 7) on sorted, non-empty values. */
    private static double quantile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
