package dev.beckon.gateway.filter;

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

    /**
     * The Tukey median of the first {@code length} values of {@code sorted}, which must be in ascending order;
     * allocates nothing but the result. The values inside the fences are a contiguous range of them.
     *
     * @param sorted at least {@code length} finite values, the first {@code length} sorted; not modified
     * @param length at least 1
     */
    static TukeyMedian ofSorted(double[] sorted, int length, double fenceFactor) {
        if (length < MIN_VALUES_FOR_QUARTILES) {
            return new TukeyMedian(quantile(sorted, 0, length, 0.5), 0);
        }
        double q1 = quantile(sorted, 0, length, 0.25);
        double q3 = quantile(sorted, 0, length, 0.75);
        double low = q1 - fenceFactor * (q3 - q1);
        double high = q3 + fenceFactor * (q3 - q1);
        int from = 0;
        while (sorted[from] < low) {
            from++;
        }
        int to = length;
        while (sorted[to - 1] > high) {
            to--;
        }
        return new TukeyMedian(quantile(sorted, from, to - from, 0.5), length - (to - from));
    }

    /** Linear interpolation between closest ranks (R's type 7) on {@code length > 0} sorted values from {@code from}. */
    private static double quantile(double[] sorted, int from, int length, double p) {
        double rank = p * (length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, length - 1);
        return sorted[from + below] + (rank - below) * (sorted[from + above] - sorted[from + below]);
    }
}
