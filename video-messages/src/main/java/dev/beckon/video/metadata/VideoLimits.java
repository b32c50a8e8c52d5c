package dev.beckon.video.metadata;

import java.time.Duration;
import java.util.Optional;

/**
 * What an accepted upload may be: at most {@code maxDuration} long and at most {@code maxPixels} per frame (OWASP
 * ASVS V5.2.1: accept only what can be processed without denial of service). Immutable and thread-safe.
 *
 * @param maxDuration e.g. 3 minutes for a thank-you clip; positive
 * @param maxPixels   e.g. 3840 x 2160 (4K); positive
 */
public record VideoLimits(Duration maxDuration, long maxPixels) {

    /** 4K UHD. */
    public static final long UHD_PIXELS = 3840L * 2160L;

    public VideoLimits {
        if (maxDuration.isNegative() || maxDuration.isZero() || maxPixels <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxDuration + ", " + maxPixels);
        }
    }

    /** Why {@code video} is not accepted, fit to show the merchant; empty when it is within the limits. */
    public Optional<String> violation(ProbeResult.Probed video) {
        if (video.duration().compareTo(maxDuration) > 0) {
            return Optional.of("the video is " + clock(video.duration()) + " long; at most " + clock(maxDuration)
                    + " is allowed");
        }
        if (video.pixels() > maxPixels) {
            return Optional.of("the video is " + video.width() + "x" + video.height() + " pixels; at most "
                    + maxPixels + " pixels per frame are allowed");
        }
        return Optional.empty();
    }

    /** {@code 3:00}, {@code 2:00:00}, {@code 0:07}. */
    static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, rest) : String.format("%d:%02d", minutes, rest);
    }
}
