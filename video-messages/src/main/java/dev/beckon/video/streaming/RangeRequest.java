package dev.beckon.video.streaming;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A GET or HEAD for a video, reduced to the headers that decide between 200, 206 and 416, and the pure function
 * that decides (RFC 9110 §14 and §13.1.5). No I/O; immutable and thread-safe.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>No Range header: 200.</li>
 *   <li>A Range header that is not a well-formed {@code bytes} ranges-specifier is ignored: 200. That covers an
 *       unknown unit ({@code items=0-1}), garbage ({@code bytes=abc}) and an empty set ({@code bytes=}).
 *       Ignoring is the choice that can never stop a video from playing, because every client must accept a 200.
 *       Units are compared case-insensitively and empty list elements are skipped, as §14.1 and §5.6.1.2
 *       require.</li>
 *   <li>A single range whose last position is below its first ({@code bytes=9-3}): 416 with
 *       {@code Content-Range: bytes *}{@code /len}. RFC 9110 §14.2 lets a server "ignore or reject" an invalid
 *       ranges-specifier; Beckon rejects this one, so a client with a broken seek sees a clear error instead of
 *       silently receiving the whole video.</li>
 *   <li>More than one range: 200 with the whole video. The RFC allows answering multipart/byteranges, coalescing,
 *       a subset, or ignoring the header. Browsers never send several ranges for {@code <video>} (Safari probes
 *       {@code bytes=0-1}, Chrome asks {@code bytes=0-} and {@code bytes=N-}); the clients that do (PDF viewers,
 *       download tools) all handle 200. A thank-you clip is a few megabytes, so the whole body costs little, and
 *       the choice avoids the multi-range bugs other servers shipped (nginx#988, tomcat#780) and the
 *       many-small-ranges denial of service.</li>
 *   <li>An If-Range header whose validator does not hold: 200, even when the range would have been unsatisfiable
 *       (answering 416 there broke Chrome's seeking: vercel/serve#447). An entity tag holds only when it is strong
 *       and equal to the video's; a weak tag never holds. An HTTP-date holds only when it is an IMF-fixdate equal to
 *       Last-Modified at second precision (a valid strong validator here, because stored videos never change).
 *       An If-Range without a Range is ignored.</li>
 *   <li>One range, resolved against the length:
 *       {@code bytes=a-b} gives {@code a..min(b, len-1)}; {@code bytes=a-} gives {@code a..len-1};
 *       {@code bytes=-n} gives {@code max(0, len-n)..len-1}; a first position at or past the end, and
 *       {@code bytes=-0}, give 416. A zero-length video has no satisfiable {@code a-b} range (416) and answers a
 *       suffix range with 200, since an empty 206 has no Content-Range form.</li>
 * </ol>
 *
 * <p>HEAD gets exactly the status and headers GET would get, and no content. RFC 9110 §9.3.2 asks for the same
 * header fields; answering the same status as well (as Apache httpd, Tomcat and Jetty do) means a HEAD tells a
 * client precisely what its GET will receive.
 *
 * @param method  GET or HEAD; never null
 * @param range   the Range header value as received; null when absent
 * @param ifRange the If-Range header value as received; null when absent
 */
public record RangeRequest(HttpMethod method, String range, String ifRange) {

    public RangeRequest {
        Objects.requireNonNull(method, "method");
    }

    /** A GET with only a Range header (null for none). */
    public static RangeRequest get(String range) {
        return new RangeRequest(HttpMethod.GET, range, null);
    }

    /** Decides the answer for {@code video}. Never throws for any header value. */
    public RangeDecision evaluate(Representation video) {
        long length = video.length();
        if (range == null) {
            return new RangeDecision.Full(length);
        }
        Optional<List<ByteRangeSpec>> specs = ByteRangeSpec.parseRangeHeader(range);
        if (specs.isEmpty() || specs.get().size() > 1) {
            return new RangeDecision.Full(length);
        }
        if (ifRange != null && !validatorHolds(ifRange, video)) {
            return new RangeDecision.Full(length);
        }
        return specs.get().get(0).resolve(length);
    }

    /** Whether the response carries content: GET does, HEAD does not. */
    public boolean sendsContent() {
        return method.sendsContent();
    }

    private static boolean validatorHolds(String ifRange, Representation video) {
        String v = ifRange.strip();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            return EntityTag.parse(v).map(tag -> tag.strongMatch(video.etag())).orElse(false);
        }
        return HttpDate.parse(v)
                .map(date -> date.equals(video.lastModified().truncatedTo(ChronoUnit.SECONDS)))
                .orElse(false);
    }
}
