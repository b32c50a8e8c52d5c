package dev.beckon.video.streaming;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Range-related response headers for a decision. The endpoint adds Content-Type, caching and privacy headers
 * itself. Stateless and thread-safe.
 *
 * <ul>
 *   <li>{@code Accept-Ranges: bytes} on every answer, 200, 206, 416 and HEAD alike.</li>
 *   <li>{@code Content-Length} always, set explicitly (Grizzly otherwise falls back to chunked encoding:
 *       payara/Payara#1042): the whole length for 200, {@code end-start+1} for 206, 0 for 416.</li>
 *   <li>{@code Content-Range: bytes start-end/length} on every 206, and {@code bytes *}{@code /length} on 416.</li>
 *   <li>{@code ETag} and {@code Last-Modified} on 200 and 206; not on 416, whose content is not the video.</li>
 * </ul>
 */
public final class ResponseHeaders {

    public static final String ACCEPT_RANGES = "Accept-Ranges";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_RANGE = "Content-Range";
    public static final String ETAG = "ETag";
    public static final String LAST_MODIFIED = "Last-Modified";

    private ResponseHeaders() {
    }

    /**
     * @return header name to value, in a stable order; unmodifiable
     */
    public static Map<String, String> of(RangeDecision decision, Representation video) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ACCEPT_RANGES, "bytes");
        if (decision instanceof RangeDecision.Partial p) {
            headers.put(CONTENT_RANGE, "bytes " + p.start() + "-" + p.endInclusive() + "/" + p.length());
        } else if (decision instanceof RangeDecision.NotSatisfiable n) {
            headers.put(CONTENT_RANGE, "bytes */" + n.length());
        }
        headers.put(CONTENT_LENGTH, Long.toString(decision.contentLength()));
        if (!(decision instanceof RangeDecision.NotSatisfiable)) {
            headers.put(ETAG, video.etag().headerValue());
            headers.put(LAST_MODIFIED, HttpDate.format(video.lastModified()));
        }
        return Collections.unmodifiableMap(headers);
    }
}
