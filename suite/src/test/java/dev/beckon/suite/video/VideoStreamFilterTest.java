package dev.beckon.suite.video;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.library.VideoId;
import dev.beckon.video.library.VideoLink;
import dev.beckon.video.links.LinkToken;
import dev.beckon.video.storage.LocalFileStorage;
import dev.beckon.video.storage.PutOutcome;
import dev.beckon.video.storage.StorageKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only {@code /v/{token}/video.mp4} is taken by the filter; every other path goes on to JAX-RS. With
 * {@code beckon.video.accel-redirect} on, a good link is handed to the front server instead of being streamed.
 * The token's target is kept in {@link StreamTargets} beforehand, so no database is needed; request and response are
 * plain recording stand-ins.
 */
class VideoStreamFilterTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final String TOKEN = "Qx9_rT-2mK4";

    @TempDir
    Path dir;

    private final byte[] video = new byte[10_000];
    private VideoStreamFilter filter;
    private StorageKey key;

    @BeforeEach
    void setUp() throws IOException {
        new Random(7).nextBytes(video);
        LocalFileStorage storage = LocalFileStorage.at(dir);
        key = ((PutOutcome.Stored) storage.put(new ByteArrayInputStream(video), video.length)).key();
        filter = new VideoStreamFilter();
        filter.storage = storage;
        filter.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        filter.streamTargets = new StreamTargets();
        filter.accelRedirect = AccelRedirect.OFF;
    }

    @Test
    void theTokenComesFromTheVideoPathOnly() {
        assertThat(VideoStreamFilter.token("/v/Qx9_rT-2mK4/video.mp4", "")).isEqualTo("Qx9_rT-2mK4");
        assertThat(VideoStreamFilter.token("/shop/v/abc/video.mp4", "/shop")).isEqualTo("abc");
        assertThat(VideoStreamFilter.token("/v/abc", "")).isNull();
        assertThat(VideoStreamFilter.token("/v/abc/poster.jpg", "")).isNull();
        assertThat(VideoStreamFilter.token("/v/abc/events", "")).isNull();
        assertThat(VideoStreamFilter.token("/v//video.mp4", "")).isNull();
        assertThat(VideoStreamFilter.token("/v/a/b/video.mp4", "")).isNull();
        assertThat(VideoStreamFilter.token("/api/v/abc/video.mp4", "")).isNull();
    }

    @Test
    void byDefaultTheSuiteSendsTheRangeItself() throws Exception {
        keep(link(NOW.plus(Duration.ofDays(1)), null));

        Recorded response = get("bytes=100-199");

        assertThat(response.status).isEqualTo(206);
        assertThat(response.headers).containsEntry("Content-Range", "bytes 100-199/" + video.length)
                .doesNotContainKey(AccelRedirect.HEADER);
        assertThat(response.body.toByteArray()).isEqualTo(Arrays.copyOfRange(video, 100, 200));
    }

    @Test
    void withAccelRedirectTheFrontServerGetsTheStoredFileAndTheSuiteSendsNoBytes() throws Exception {
        filter.accelRedirect = AccelRedirect.parse("/beckon-video-files/");
        keep(link(NOW.plus(Duration.ofDays(1)), null));

        Recorded response = get("bytes=100-199");

        assertThat(response.status).isEqualTo(200);
        assertThat(response.headers)
                .containsEntry(AccelRedirect.HEADER,
                        "/beckon-video-files/" + key.value().substring(0, 2) + "/" + key.value())
                .containsEntry("Content-Type", "video/mp4")
                .containsEntry("Content-Length", "0")
                .doesNotContainKey("Content-Range");
        assertThat(response.body.size()).isZero();
        assertThat(dir.resolve("objects").resolve(response.headers.get(AccelRedirect.HEADER)
                .substring("/beckon-video-files/".length()))).hasBinaryContent(video);
    }

    @Test
    void withAccelRedirectARevokedLinkIsStillTheGonePageAndNothingIsHandedOver() throws Exception {
        filter.accelRedirect = AccelRedirect.parse("/beckon-video-files");
        keep(link(NOW.plus(Duration.ofDays(1)), NOW.minusSeconds(60)));

        Recorded response = get("bytes=0-1");

        assertThat(response.status).isEqualTo(410);
        assertThat(response.headers).doesNotContainKey(AccelRedirect.HEADER);
        assertThat(response.body.toString(StandardCharsets.UTF_8)).contains("no longer available");
    }

    @Test
    void withAccelRedirectAnExpiredLinkIsStillTheGonePage() throws Exception {
        filter.accelRedirect = AccelRedirect.parse("/beckon-video-files");
        keep(link(NOW, null));

        Recorded response = get(null);

        assertThat(response.status).isEqualTo(410);
        assertThat(response.headers).doesNotContainKey(AccelRedirect.HEADER);
    }

    private void keep(VideoLink link) {
        filter.streamTargets.keep(TOKEN, new StreamTargets.Target(link, key, video.length, NOW.minusSeconds(3600)));
    }

    private static VideoLink link(Instant expiresAt, Instant revokedAt) {
        LinkToken token = new LinkToken("0".repeat(64), NOW.minus(Duration.ofDays(1)), expiresAt, revokedAt);
        return new VideoLink(token, VideoId.random(), new ShopId("shop-1"), Optional.of("Zoë"), Optional.empty());
    }

    private Recorded get(String range) throws Exception {
        Map<String, String> headers = new HashMap<>();
        if (range != null) {
            headers.put("Range", range);
        }
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> "/v/" + TOKEN + "/video.mp4";
                    case "getContextPath" -> "";
                    case "getMethod" -> "GET";
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Recorded response = new Recorded();
        FilterChain onwards = (rq, rs) -> {
            throw new AssertionError("the video path must not go on to JAX-RS");
        };
        filter.doFilter(request, response.proxy(), onwards);
        return response;
    }

    /** What the filter set on the response and wrote into it. */
    private static final class Recorded {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse proxy() {
            ServletOutputStream output = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                            case "setContentLength", "setContentLengthLong" ->
                                    headers.put("Content-Length", String.valueOf(args[0]));
                            case "getOutputStream" -> {
                                return output;
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
        }
    }
}
