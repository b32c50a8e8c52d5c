package dev.beckon.suite.video;

import dev.beckon.video.library.JdbcVideoLinkStore;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.VideoLink;
import dev.beckon.video.personalise.RenderQueue;
import dev.beckon.video.storage.LocalFileStorage;
import dev.beckon.video.storage.StorageKey;
import dev.beckon.video.storage.VideoSlice;
import dev.beckon.video.storage.VideoStorage;
import dev.beckon.video.streaming.EntityTag;
import dev.beckon.video.streaming.HttpMethod;
import dev.beckon.video.streaming.RangeDecision;
import dev.beckon.video.streaming.RangeRequest;
import dev.beckon.video.streaming.Representation;
import dev.beckon.video.streaming.ResponseHeaders;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code GET}/{@code HEAD /v/{token}/video.mp4}: the video with HTTP Range (RFC 9110, see
 * {@link RangeRequest}), served here ahead of JAX-RS because a seeking browser sends many small range requests and
 * each one through Jersey, HK2 and a request-scoped CDI bean cost more than the bytes. A token's target (its link,
 * the stored file and its size) is kept briefly in {@link StreamTargets}; the link's expiry is still checked on every
 * request. Unknown tokens get a bare 404, expired and revoked ones the 410 page. Every other {@code /v/} request
 * goes on to {@link LandingResource}. With {@link AccelRedirect} on, the checks are the same but a front nginx sends
 * the bytes. Aborted connections while seeking are normal and logged at debug level.
 * Thread-safe.
 */
@WebFilter(urlPatterns = "/v/*", asyncSupported = true)
public class VideoStreamFilter extends HttpFilter {

    private static final System.Logger LOG = System.getLogger(VideoStreamFilter.class.getName());
    private static final String SUFFIX = "/video.mp4";

    @Inject
    StreamTargets streamTargets;

    @Inject
    JdbcVideoLinkStore links;

    @Inject
    JdbcVideoStore videos;

    @Inject
    VideoStorage storage;

    @Inject
    VideoLinks videoLinks;

    @Inject
    RenderQueue renders;

    @Inject
    Clock clock;

    @Inject
    AccelRedirect accelRedirect;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String token = token(request.getRequestURI(), request.getContextPath());
        HttpMethod method = "GET".equals(request.getMethod()) ? HttpMethod.GET
                : "HEAD".equals(request.getMethod()) ? HttpMethod.HEAD : null;
        if (token == null || method == null) {
            chain.doFilter(request, response);
            return;
        }
        serve(token, new RangeRequest(method, request.getHeader("Range"), request.getHeader("If-Range")), response);
    }

    /** The token of a {@code /v/{token}/video.mp4} path; null for any other path. */
    static String token(String uri, String contextPath) {
        String path = contextPath != null && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
        if (!path.startsWith("/v/") || !path.endsWith(SUFFIX) || path.length() <= 3 + SUFFIX.length()) {
            return null;
        }
        String token = path.substring(3, path.length() - SUFFIX.length());
        return token.indexOf('/') >= 0 ? null : token;
    }

    private void serve(String token, RangeRequest request, HttpServletResponse response) throws IOException {
        Optional<StreamTargets.Target> kept = streamTargets.find(token);
        StreamTargets.Target target;
        if (kept.isPresent()) {
            target = kept.get();
            String gone = LandingResource.goneReason(target.link(), clock.instant());
            if (gone != null) {
                gone(response, gone);
                return;
            }
        } else {
            Optional<VideoLink> link = links.findByToken(token);
            if (link.isEmpty()) {
                notFound(response);
                return;
            }
            String gone = LandingResource.goneReason(link.get(), clock.instant());
            if (gone != null) {
                gone(response, gone);
                return;
            }
            Optional<StreamTargets.Target> found = streamTarget(link.get());
            if (found.isEmpty()) {
                notFound(response);
                return;
            }
            target = found.get();
            streamTargets.keep(token, target);
        }
        if (accelRedirect.on() && storage instanceof LocalFileStorage local) {
            handOver(response, local.relativePath(target.key()));
            return;
        }
        // stored content never changes under its key, so the key is a strong validator
        Representation representation = new Representation(target.size(), EntityTag.strong(target.key().value()),
                target.lastModified());
        RangeDecision decision = request.evaluate(representation);
        response.setStatus(decision.status());
        response.setHeader("Cache-Control", "private, max-age=3600");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        ResponseHeaders.of(decision, representation).forEach((name, value) -> {
            if (ResponseHeaders.CONTENT_LENGTH.equals(name)) {
                response.setContentLengthLong(Long.parseLong(value));
            } else {
                response.setHeader(name, value);
            }
        });
        if (decision instanceof RangeDecision.NotSatisfiable) {
            return;
        }
        response.setContentType("video/mp4");
        if (!request.sendsContent() || decision.contentLength() == 0) {
            return;
        }
        long start = decision instanceof RangeDecision.Partial partial ? partial.start() : 0;
        Optional<VideoSlice> opened = storage.open(target.key(), start, decision.contentLength());
        if (opened.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "shop {0}: rendition {1} vanished while being served",
                    target.link().shop(), target.key());
            streamTargets.forgetAll();
            return;
        }
        OutputStream output;
        try {
            output = response.getOutputStream();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "client went away before video {0} was sent: {1}",
                    target.link().video(), e.toString());
            opened.get().close();
            return;
        }
        try (VideoSlice slice = opened.get()) {
            LandingResource.copy(slice, output, target.link());
        }
    }

    /**
     * The token and the link are good: the front server sends the file at {@code relativePath} (below the storage's
     * objects folder) with its own Range, If-Range and HEAD handling; this answer carries no body. The front server
     * keeps {@code Content-Type} and {@code Cache-Control} from it.
     */
    private void handOver(HttpServletResponse response, String relativePath) {
        response.setStatus(200);
        response.setHeader("Cache-Control", "private, max-age=3600");
        response.setHeader(AccelRedirect.HEADER, accelRedirect.location(relativePath));
        response.setContentType("video/mp4");
        response.setContentLength(0);
    }

    /** What the link streams now: its playable file and the file's size; empty while there is none. */
    private Optional<StreamTargets.Target> streamTarget(VideoLink link) throws IOException {
        Optional<LandingResource.Playable> playable = videos.find(link.shop(), link.video())
                .flatMap(v -> LandingResource.playable(videoLinks, renders, link, v));
        if (playable.isEmpty()) {
            return Optional.empty();
        }
        StorageKey key = playable.get().key();
        OptionalLong size = storage.size(key);
        if (size.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "shop {0}: video {1} is ready but its rendition {2} is missing",
                    link.shop(), link.video(), key);
            return Optional.empty();
        }
        return Optional.of(new StreamTargets.Target(link, key, size.getAsLong(), playable.get().lastModified()));
    }

    private static void gone(HttpServletResponse response, String reason) throws IOException {
        pageHeaders(response);
        response.setStatus(410);
        response.setContentType("text/html;charset=UTF-8");
        byte[] page = LandingPage.gone(reason).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        pageHeaders(response);
        response.setStatus(404);
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = "Not found".getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void pageHeaders(HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }
}
