package dev.beckon.suite.video;

import dev.beckon.suite.conversations.JdbcConversations;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.video.library.JdbcVideoLinkStore;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.JdbcViewEventStore;
import dev.beckon.video.library.UserAgentClass;
import dev.beckon.video.library.Video;
import dev.beckon.video.library.VideoLink;
import dev.beckon.video.library.VideoState;
import dev.beckon.video.library.ViewEventKind;
import dev.beckon.video.links.TokenCheck;
import dev.beckon.video.personalise.RenderId;
import dev.beckon.video.personalise.RenderQueue;
import dev.beckon.video.personalise.RenderState;
import dev.beckon.video.storage.StorageKey;
import dev.beckon.video.storage.VideoSlice;
import dev.beckon.video.storage.VideoStorage;
import dev.beckon.video.streaming.ResponseHeaders;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The shopper's side, without login: the landing page {@code /v/{token}}, its poster and e-mail preview GIF, and the
 * analytics beacons. The video itself ({@code /v/{token}/video.mp4}, HTTP Range) is served by
 * {@link VideoStreamFilter} ahead of JAX-RS. The token in the URL is the authorisation
 * (Safari drops cookies on some media requests). A link made for a burned-in render streams the render's file
 * instead of the video, with the same Range handling. Unknown tokens get a bare 404 that says nothing; expired and
 * revoked ones a 410 page. A fetch of the page never counts as a view: link previewers (WhatsApp, iMessage,
 * Slack ...) and mail scanners fetch it too; only the page's script reports plays, and beacons from known bots are
 * not counted.
 */
@Path("v/{token}")
@RequestScoped
@Tag(name = "Landing page")
public class LandingResource {

    private static final System.Logger LOG = System.getLogger(LandingResource.class.getName());
    /** Large enough that a typical browser range (256 KiB .. 1 MiB) is a handful of reads and writes. */
    private static final int CHUNK = 256 * 1024;
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    JdbcVideoLinkStore links;

    @Inject
    JdbcVideoStore videos;

    @Inject
    JdbcViewEventStore viewEvents;

    @Inject
    JdbcShopStore shops;

    @Inject
    VideoStorage storage;

    @Inject
    VideoLinks videoLinks;

    @Inject
    RenderQueue renders;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @Inject
    JdbcConversations conversations;

    @GET
    @Operation(summary = "The landing page of a video link", hidden = true)
    public Response page(@PathParam("token") String token, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        Lookup lookup = lookup(token);
        if (lookup.failure() != null) {
            return lookup.failure();
        }
        VideoLink link = lookup.link();
        Optional<Video> video = videos.find(link.shop(), link.video());
        Optional<Shop> shop = shops.find(link.shop());
        if (video.isEmpty() || shop.isEmpty()) {
            return notFound();
        }
        Optional<RenderId> render = videoLinks.renderOf(link.token().tokenHash());
        if (render.isPresent() && renders.find(link.shop(), render.get()).isEmpty()) {
            return notFound(); // the render was erased
        }
        boolean ready = playable(link, video.get()).isPresent();
        boolean bot = UserAgentClass.of(userAgent) == UserAgentClass.BOT;
        String html = LandingPage.render(uri.getBaseUri().toString(), token, shop.get().domain(), link.firstName(),
                ready, !bot);
        return pageHeaders(Response.ok(html, HTML)).build();
    }

    @GET
    @Path("poster.jpg")
    @Operation(summary = "The video's poster image", hidden = true)
    public Response poster(@PathParam("token") String token) throws IOException {
        return image(token, Video::poster, "image/jpeg");
    }

    @GET
    @Path("preview.gif")
    @Operation(summary = "The video's first seconds as an animated GIF (for e-mails); not a view", hidden = true)
    public Response preview(@PathParam("token") String token) throws IOException {
        return image(token, Video::gif, "image/gif");
    }

    /** A still or animated preview of the link's video; fetching it never counts as a view. */
    private Response image(String token, java.util.function.Function<Video, Optional<StorageKey>> which,
                           String type) throws IOException {
        Lookup lookup = lookup(token);
        if (lookup.failure() != null) {
            return lookup.failure();
        }
        Optional<StorageKey> key = videos.find(lookup.link().shop(), lookup.link().video()).flatMap(which);
        OptionalLong size = key.isPresent() ? storage.size(key.get()) : OptionalLong.empty();
        if (size.isEmpty()) {
            return notFound();
        }
        return Response.ok(body(key.get(), 0, size.getAsLong(), lookup.link()), type)
                .header(ResponseHeaders.CONTENT_LENGTH, size.getAsLong())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .header("X-Robots-Tag", "noindex")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @POST
    @Path("events")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A landing-page beacon: {\"kind\": \"play\"|\"25\"|\"50\"|\"75\"|\"100\"|\"cta\"}",
            hidden = true)
    public Response event(@PathParam("token") String token, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                          String body) {
        ViewEventKind kind = kind(body);
        if (kind == null) {
            return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("send {\"kind\": \"play\"|\"25\"|\"50\"|\"75\"|\"100\"|\"cta\"}").build();
        }
        Lookup lookup = lookup(token);
        if (lookup.failure() != null) {
            return lookup.failure();
        }
        viewEvents.record(lookup.link(), kind, clock.instant(), UserAgentClass.of(userAgent));
        return Response.noContent().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The landing page's reply box: the message lands in the shop's conversations inbox",
            hidden = true)
    public Response reply(@PathParam("token") String token, @FormParam("message") String message) {
        Lookup lookup = lookup(token);
        if (lookup.failure() != null) {
            return lookup.failure();
        }
        VideoLink link = lookup.link();
        Optional<Shop> shop = shops.find(link.shop());
        if (shop.isEmpty()) {
            return notFound();
        }
        String text = message == null ? "" : message.strip();
        if (text.isEmpty() || text.length() > JdbcConversations.MAX_LENGTH) {
            return pageHeaders(Response.status(400).entity(LandingPage.notice("Message not sent", "Please write 1 to "
                    + JdbcConversations.MAX_LENGTH + " characters.")).type(HTML)).build();
        }
        if (!conversations.addVideoReply(link.shop(), link.token().tokenHash(), text, clock.instant())) {
            return pageHeaders(Response.status(429).entity(LandingPage.notice("Message not sent", "This link has sent its "
                    + JdbcConversations.MAX_PER_LINK + " messages; please contact the shop directly.")).type(HTML))
                    .build();
        }
        return pageHeaders(Response.ok(LandingPage.replied(token, shop.get().domain()), HTML)).build();
    }

    /** Streams {@code length} bytes from {@code start} with ranged reads, never the whole file in memory. */
    private StreamingOutput body(StorageKey key, long start, long length, VideoLink link) {
        return output -> {
            Optional<VideoSlice> opened = storage.open(key, start, length);
            if (opened.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "shop {0}: rendition {1} vanished while being served",
                        link.shop(), key);
                return;
            }
            try (VideoSlice slice = opened.get()) {
                copy(slice, output, link);
            }
        };
    }

    /**
     * Copies the slice into the response: file reads straight into one array that is handed to the container whole
     * (no {@code Channels.newChannel} wrapper, which re-chunks into 8 KiB writes, and no flush per chunk; the
     * container flushes once at the end).
     */
    static void copy(VideoSlice slice, OutputStream output, VideoLink link) throws IOException {
        byte[] array = new byte[(int) Math.min(CHUNK, Math.max(1, slice.length()))];
        ByteBuffer buffer = ByteBuffer.wrap(array);
        long remaining = slice.length();
        while (remaining > 0) {
            buffer.clear();
            if (buffer.remaining() > remaining) {
                buffer.limit((int) remaining);
            }
            int read = slice.channel().read(buffer);
            if (read < 0) {
                LOG.log(System.Logger.Level.WARNING, "shop {0}: video {1} ended {2} bytes early", link.shop(),
                        link.video(), remaining);
                return;
            }
            try {
                output.write(array, 0, read);
            } catch (IOException e) {
                // browsers cancel range requests whenever the shopper seeks: normal, not an error
                LOG.log(System.Logger.Level.DEBUG, "shop {0}: client went away while streaming video {1}: {2}",
                        link.shop(), link.video(), e.toString());
                return;
            }
            remaining -= read;
        }
    }

    private Lookup lookup(String token) {
        Optional<VideoLink> link = links.findByToken(token);
        if (link.isEmpty()) {
            return new Lookup(null, notFound());
        }
        Response failure = failure(link.get());
        return failure != null ? new Lookup(null, failure) : new Lookup(link.get(), null);
    }

    /** The 410 answer for an expired or revoked link; null for a link that works now. */
    private Response failure(VideoLink link) {
        String reason = goneReason(link, clock.instant());
        return reason == null ? null : gone(reason);
    }

    /** Why an expired or revoked link no longer works, for the shopper; null for a link that works at {@code now}. */
    static String goneReason(VideoLink link, java.time.Instant now) {
        TokenCheck check = link.token().checkAt(now);
        if (check instanceof TokenCheck.Expired) {
            return "This link has expired. Please ask the shop for a new one.";
        }
        if (check instanceof TokenCheck.Revoked) {
            return "This link is no longer available.";
        }
        return null;
    }

    private static ViewEventKind kind(String body) {
        if (body == null || body.isBlank() || body.length() > 1000) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject object = reader.readObject();
            return object.get("kind") instanceof JsonString kind ? ViewEventKind.ofColumn(kind.getString()) : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static Response notFound() {
        return pageHeaders(Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("Not found")).build();
    }

    private static Response gone(String message) {
        return pageHeaders(Response.status(410).type(HTML).entity(LandingPage.gone(message))).build();
    }

    private static Response.ResponseBuilder pageHeaders(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("X-Content-Type-Options", "nosniff");
    }

    /**
     * What the link plays: the burned-in render when the link was made for one (once it is ready), otherwise the
     * video's web MP4 (once transcoded); empty while neither is ready, or when the render was erased.
     */
    private Optional<Playable> playable(VideoLink link, Video video) {
        return playable(videoLinks, renders, link, video);
    }

    static Optional<Playable> playable(VideoLinks videoLinks, RenderQueue renders, VideoLink link, Video video) {
        Optional<RenderId> renderId = videoLinks.renderOf(link.token().tokenHash());
        if (renderId.isPresent()) {
            return renders.find(link.shop(), renderId.get())
                    .filter(r -> r.state() == RenderState.READY && r.output().isPresent())
                    .map(r -> new Playable(r.output().get(), r.updatedAt()));
        }
        if (video.state() != VideoState.READY || video.mp4().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Playable(video.mp4().get(), video.updatedAt()));
    }

    /** The stored MP4 a link plays, and when it was made. */
    record Playable(StorageKey key, java.time.Instant lastModified) {
    }

    /** A valid link, or the answer for a token that does not work. */
    private record Lookup(VideoLink link, Response failure) {
    }
}
