package dev.beckon.video.streaming;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static dev.beckon.video.streaming.HttpMethod.GET;
import static dev.beckon.video.streaming.HttpMethod.HEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The Range matrix: one request per row, with the status and every Range-related header a client would see. */
class RangeRequestTest {

    static final String ETAG = "\"sha256-3a7bd3e2360a3d29\"";
    static final Instant LAST_MODIFIED = Instant.parse("2026-11-20T10:15:30.250Z");
    static final String LAST_MODIFIED_HEADER = "Fri, 20 Nov 2026 10:15:30 GMT";
    static final long LEN = 10_000;
    static final long HUGE = 5_000_000_000L;

    static Stream<Arguments> requests() {
        return Stream.of(
                // what browsers send
                row("no Range (Firefox's first request)", GET, null, null, LEN, 200, null, LEN),
                row("Safari's probe", GET, "bytes=0-1", null, LEN, 206, "bytes 0-1/10000", 2),
                row("Chrome's first request: the whole file is still a 206", GET, "bytes=0-", null, LEN, 206,
                        "bytes 0-9999/10000", LEN),
                row("seeking", GET, "bytes=1000-", null, LEN, 206, "bytes 1000-9999/10000", 9000),
                row("Chrome's probe near the end", GET, "bytes=9000-", null, LEN, 206, "bytes 9000-9999/10000", 1000),
                // closed and open ranges at the edges
                row("first byte", GET, "bytes=0-0", null, LEN, 206, "bytes 0-0/10000", 1),
                row("one middle byte", GET, "bytes=1000-1000", null, LEN, 206, "bytes 1000-1000/10000", 1),
                row("last byte", GET, "bytes=9999-9999", null, LEN, 206, "bytes 9999-9999/10000", 1),
                row("open range from the last byte", GET, "bytes=9999-", null, LEN, 206, "bytes 9999-9999/10000", 1),
                row("end beyond the length is clamped", GET, "bytes=500-20000", null, LEN, 206,
                        "bytes 500-9999/10000", 9500),
                row("end beyond a long is clamped", GET, "bytes=0-99999999999999999999999", null, LEN, 206,
                        "bytes 0-9999/10000", LEN),
                row("start at the length", GET, "bytes=10000-", null, LEN, 416, "bytes */10000", 0),
                row("start past the length", GET, "bytes=10010-", null, LEN, 416, "bytes */10000", 0),
                row("start past the length, closed", GET, "bytes=20000-30000", null, LEN, 416, "bytes */10000", 0),
                row("start beyond a long", GET, "bytes=99999999999999999999-", null, LEN, 416, "bytes */10000", 0),
                // suffixes
                row("suffix", GET, "bytes=-500", null, LEN, 206, "bytes 9500-9999/10000", 500),
                row("suffix of one byte", GET, "bytes=-1", null, LEN, 206, "bytes 9999-9999/10000", 1),
                row("suffix of exactly the length", GET, "bytes=-10000", null, LEN, 206, "bytes 0-9999/10000", LEN),
                row("suffix longer than the video is the whole", GET, "bytes=-20000", null, LEN, 206,
                        "bytes 0-9999/10000", LEN),
                row("suffix of zero bytes", GET, "bytes=-0", null, LEN, 416, "bytes */10000", 0),
                // syntax the RFC allows
                row("unit is case-insensitive", GET, "Bytes=0-1", null, LEN, 206, "bytes 0-1/10000", 2),
                row("empty list elements are ignored", GET, "bytes=,0-1,", null, LEN, 206, "bytes 0-1/10000", 2),
                row("whitespace around the value", GET, " bytes=0-1 ", null, LEN, 206, "bytes 0-1/10000", 2),
                // several ranges: the whole video
                row("two ranges", GET, "bytes=0-1,5-6", null, LEN, 200, null, LEN),
                row("two ranges with whitespace", GET, "bytes=0-1, 5-6", null, LEN, 200, null, LEN),
                row("two ranges, the first unsatisfiable", GET, "bytes=20000-30000,0-1", null, LEN, 200, null, LEN),
                row("overlapping ranges", GET, "bytes=0-100,50-150,0-", null, LEN, 200, null, LEN),
                // invalid headers are ignored
                row("first > last is a clear 416", GET, "bytes=9-3", null, LEN, 416, "bytes */10000", 0),
                row("not a number", GET, "bytes=abc", null, LEN, 200, null, LEN),
                row("unknown unit", GET, "items=0-1", null, LEN, 200, null, LEN),
                row("empty range set", GET, "bytes=", null, LEN, 200, null, LEN),
                row("empty header", GET, "", null, LEN, 200, null, LEN),
                row("only a dash", GET, "bytes=-", null, LEN, 200, null, LEN),
                row("three numbers", GET, "bytes=1-2-3", null, LEN, 200, null, LEN),
                row("a sign", GET, "bytes=+1-2", null, LEN, 200, null, LEN),
                row("negative suffix", GET, "bytes=--1", null, LEN, 200, null, LEN),
                row("hex", GET, "bytes=0x10-20", null, LEN, 200, null, LEN),
                row("no equals sign", GET, "bytes 0-1", null, LEN, 200, null, LEN),
                row("space before the equals sign", GET, "bytes =0-1", null, LEN, 200, null, LEN),
                row("space inside a range", GET, "bytes=0 - 1", null, LEN, 200, null, LEN),
                row("one invalid range spoils the set", GET, "bytes=0-1,9-3", null, LEN, 200, null, LEN),
                // zero-length and tiny videos
                row("empty video, no Range", GET, null, null, 0, 200, null, 0),
                row("empty video, Chrome's bytes=0-", GET, "bytes=0-", null, 0, 416, "bytes */0", 0),
                row("empty video, Safari's probe", GET, "bytes=0-1", null, 0, 416, "bytes */0", 0),
                row("empty video, suffix: the empty whole", GET, "bytes=-5", null, 0, 200, null, 0),
                row("empty video, zero suffix", GET, "bytes=-0", null, 0, 416, "bytes */0", 0),
                row("one-byte video, Safari's probe", GET, "bytes=0-1", null, 1, 206, "bytes 0-0/1", 1),
                // lengths past 2 GiB stay longs
                row("range past 4 GiB", GET, "bytes=4294967296-", null, HUGE, 206,
                        "bytes 4294967296-4999999999/5000000000", 705_032_704),
                row("suffix of a huge video", GET, "bytes=-3000000000", null, HUGE, 206,
                        "bytes 2000000000-4999999999/5000000000", 3_000_000_000L),
                // If-Range
                row("If-Range with the strong ETag", GET, "bytes=100-199", ETAG, LEN, 206, "bytes 100-199/10000", 100),
                row("If-Range with a stale strong ETag", GET, "bytes=100-199", "\"sha256-old\"", LEN, 200, null, LEN),
                row("If-Range with the weak form of the ETag", GET, "bytes=100-199", "W/" + ETAG, LEN, 200, null, LEN),
                row("weak If-Range with a range past the end: 200, not 416 (vercel/serve#447)", GET, "bytes=20000-",
                        "W/" + ETAG, LEN, 200, null, LEN),
                row("If-Range matches, range unsatisfiable", GET, "bytes=20000-", ETAG, LEN, 416, "bytes */10000", 0),
                row("If-Range with Last-Modified", GET, "bytes=100-199", LAST_MODIFIED_HEADER, LEN, 206,
                        "bytes 100-199/10000", 100),
                row("If-Range one second off Last-Modified", GET, "bytes=100-199", "Fri, 20 Nov 2026 10:15:31 GMT",
                        LEN, 200, null, LEN),
                row("If-Range date with the wrong weekday", GET, "bytes=100-199", "Mon, 20 Nov 2026 10:15:30 GMT",
                        LEN, 200, null, LEN),
                row("If-Range with an unquoted tag", GET, "bytes=100-199", "sha256-3a7bd3e2360a3d29", LEN, 200, null,
                        LEN),
                row("If-Range garbage", GET, "bytes=100-199", "yesterday", LEN, 200, null, LEN),
                row("If-Range without Range is ignored", GET, null, ETAG, LEN, 200, null, LEN),
                row("If-Range with a reversed Range", GET, "bytes=9-3", ETAG, LEN, 416, "bytes */10000", 0),
                // HEAD answers what GET would, without content
                row("HEAD", HEAD, null, null, LEN, 200, null, LEN),
                row("HEAD with Safari's probe", HEAD, "bytes=0-1", null, LEN, 206, "bytes 0-1/10000", 2),
                row("HEAD past the end", HEAD, "bytes=10000-", null, LEN, 416, "bytes */10000", 0),
                row("HEAD with a reversed range", HEAD, "bytes=9-3", null, LEN, 416, "bytes */10000", 0),
                row("HEAD with a stale If-Range", HEAD, "bytes=0-1", "\"sha256-old\"", LEN, 200, null, LEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void answersWithTheStatusAndHeadersABrowserNeeds(String description, HttpMethod method, String range,
                                                     String ifRange, long length, int status, String contentRange,
                                                     long contentLength) {
        Representation video = new Representation(length, EntityTag.parse(ETAG).orElseThrow(), LAST_MODIFIED);
        RangeRequest request = new RangeRequest(method, range, ifRange);

        RangeDecision decision = request.evaluate(video);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Accept-Ranges", "bytes");
        if (contentRange != null) {
            expected.put("Content-Range", contentRange);
        }
        expected.put("Content-Length", Long.toString(contentLength));
        if (status != 416) {
            expected.put("ETag", ETAG);
            expected.put("Last-Modified", LAST_MODIFIED_HEADER);
        }
        assertThat(decision.status()).isEqualTo(status);
        assertThat(ResponseHeaders.of(decision, video)).containsExactlyEntriesOf(expected);
        assertThat(decision.contentLength()).isEqualTo(contentLength);
        assertThat(request.sendsContent()).isEqualTo(method == GET);
    }

    private static Arguments row(String description, HttpMethod method, String range, String ifRange, long length,
                                 int status, String contentRange, long contentLength) {
        return arguments(description, method, range, ifRange, length, status, contentRange, contentLength);
    }
}
