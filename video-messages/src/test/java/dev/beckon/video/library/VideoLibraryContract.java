package dev.beckon.video.library;

import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.model.ShopId;
import dev.beckon.video.links.IssuedLink;
import dev.beckon.video.links.LinkTokens;
import dev.beckon.video.links.TokenCheck;
import dev.beckon.video.metadata.ProbeResult;
import dev.beckon.video.storage.StorageKey;
import dev.beckon.video.upload.VideoContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The video library's stores, run against every database the suite supports. */
abstract class VideoLibraryContract {

    static final ShopId SHOP = new ShopId("shop-1");
    static final ShopId OTHER_SHOP = new ShopId("shop-2");
    static final String SHA = "a".repeat(64);

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    final SecureRandom random = new SecureRandom();
    DataSource dataSource;
    JdbcVideoStore videos;
    JdbcVideoLinkStore links;
    JdbcViewEventStore events;

    abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        dataSource = dataSource();
        assertThat(VideoSchema.migrate(dataSource)).isEqualTo(2);
        Transactions transactions = new Transactions(dataSource);
        videos = new JdbcVideoStore(transactions, clock);
        links = new JdbcVideoLinkStore(transactions);
        events = new JdbcViewEventStore(transactions);
    }

    @Test
    void migratingAgainDoesNothingAndTheHistoryTableIsTheModulesOwn() throws SQLException {
        assertThat(VideoSchema.migrate(dataSource)).isZero();
        try (Connection c = dataSource.getConnection();
             ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM video_schema_history")) {
            rows.next();
            assertThat(rows.getInt(1)).isPositive();
        }
    }

    @Test
    void anUploadedVideoIsRecordedAndReadBack() {
        VideoId id = VideoId.random();
        StorageKey original = StorageKey.random(random);

        Video video = videos.insertUploaded(id, SHOP, VideoContainer.MP4, original, 1234, SHA,
                new ProbeResult.Probed(Duration.ofMillis(20500), 1280, 720));

        assertThat(video).isEqualTo(new Video(id, SHOP, VideoState.UPLOADED, Optional.empty(), VideoContainer.MP4,
                original, 1234, SHA, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofMillis(20500)), Optional.of(1280), Optional.of(720), clock.instant(),
                clock.instant()));
        assertThat(videos.find(SHOP, id)).contains(video);
    }

    @Test
    void anotherShopCanNeitherSeeNorChangeTheVideo() {
        Video video = uploaded(null);

        assertThat(videos.find(OTHER_SHOP, video.id())).isEmpty();
        assertThat(videos.list(OTHER_SHOP, 10)).isEmpty();
        assertThat(videos.transition(OTHER_SHOP, video.id(), VideoState.UPLOADED, VideoState.FAILED, "x")).isFalse();
        assertThat(videos.find(SHOP, video.id()).orElseThrow().state()).isEqualTo(VideoState.UPLOADED);
    }

    @Test
    void stateChangesAreCompareAndSet() {
        Video video = uploaded(null);
        clock.advance(Duration.ofSeconds(5));

        assertThat(videos.transition(SHOP, video.id(), VideoState.UPLOADED, VideoState.TRANSCODING, null)).isTrue();
        assertThat(videos.transition(SHOP, video.id(), VideoState.UPLOADED, VideoState.FAILED, "late")).isFalse();
        assertThat(videos.transition(SHOP, video.id(), VideoState.TRANSCODING, VideoState.FAILED, "x".repeat(3000)))
                .isTrue();

        Video failed = videos.find(SHOP, video.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(VideoState.FAILED);
        assertThat(failed.reason().orElseThrow()).hasSize(2000).endsWith("...");
        assertThat(failed.updatedAt()).isEqualTo(clock.instant());
        assertThat(failed.createdAt()).isEqualTo(clock.instant().minusSeconds(5));
    }

    @Test
    void aTranscodedVideoIsReadyWithItsRenditionsAndTheirMetadata() {
        Video video = uploaded(null);
        videos.transition(SHOP, video.id(), VideoState.UPLOADED, VideoState.TRANSCODING, null);
        StorageKey mp4 = StorageKey.random(random);
        StorageKey poster = StorageKey.random(random);
        StorageKey gif = StorageKey.random(random);

        assertThat(videos.markReady(SHOP, video.id(), mp4, poster, gif,
                new ProbeResult.Probed(Duration.ofSeconds(12), 720, 1280))).isTrue();
        assertThat(videos.markReady(SHOP, video.id(), mp4, poster, gif, null)).as("only once").isFalse();

        Video ready = videos.find(SHOP, video.id()).orElseThrow();
        assertThat(ready.state()).isEqualTo(VideoState.READY);
        assertThat(ready.mp4()).contains(mp4);
        assertThat(ready.poster()).contains(poster);
        assertThat(ready.gif()).contains(gif);
        assertThat(ready.duration()).contains(Duration.ofSeconds(12));
        assertThat(ready.width()).contains(720);
        assertThat(ready.height()).contains(1280);
    }

    @Test
    void listsTheShopsVideosNewestFirst() {
        Video first = uploaded(null);
        clock.advance(Duration.ofMinutes(1));
        Video second = uploaded(null);

        assertThat(videos.list(SHOP, 10)).extracting(Video::id).containsExactly(second.id(), first.id());
        assertThat(videos.list(SHOP, 1)).extracting(Video::id).containsExactly(second.id());
    }

    @Test
    void aLinkIsFoundByItsTokenOnlyAndExpiresAndRevokes() {
        Video video = uploaded(null);
        IssuedLink issued = new LinkTokens(clock).issue(Duration.ofDays(90));
        links.insert(new VideoLink(issued.record(), video.id(), SHOP, Optional.of("Zoë"), Optional.of("1042")));

        VideoLink found = links.findByToken(issued.token()).orElseThrow();
        assertThat(found).isEqualTo(new VideoLink(issued.record(), video.id(), SHOP, Optional.of("Zoë"),
                Optional.of("1042")));
        assertThat(found.token().checkAt(clock.instant())).isInstanceOf(TokenCheck.Valid.class);
        assertThat(found.token().checkAt(clock.instant().plus(Duration.ofDays(90))))
                .isInstanceOf(TokenCheck.Expired.class);
        assertThat(links.findByToken(issued.record().tokenHash())).as("the stored hash is not a token").isEmpty();
        assertThat(links.findByToken("../../etc/passwd")).isEmpty();
        assertThat(links.findByToken(null)).isEmpty();

        assertThat(links.revoke(OTHER_SHOP, issued.record().tokenHash(), clock.instant())).isFalse();
        assertThat(links.revoke(SHOP, issued.record().tokenHash(), clock.instant())).isTrue();
        assertThat(links.revoke(SHOP, issued.record().tokenHash(), clock.instant().plusSeconds(60))).isTrue();
        assertThat(links.findByToken(issued.token()).orElseThrow().token().checkAt(clock.instant()))
                .isEqualTo(new TokenCheck.Revoked(clock.instant()));
    }

    @Test
    void aLinkCannotPointAtAnotherShopsVideo() {
        Video video = uploaded(null);
        IssuedLink issued = new LinkTokens(clock).issue(Duration.ofDays(1));

        assertThatThrownBy(() -> links.insert(new VideoLink(issued.record(), video.id(), OTHER_SHOP, Optional.empty(),
                Optional.empty()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void viewEventsCountLinksPerMilestoneLeavingBotsOut() {
        Video video = uploaded(null);
        VideoLink anna = link(video, "1001");
        VideoLink ben = link(video, "1002");
        events.record(anna, ViewEventKind.PLAY, clock.instant(), UserAgentClass.MOBILE);
        events.record(anna, ViewEventKind.PLAY, clock.instant(), UserAgentClass.MOBILE);
        events.record(anna, ViewEventKind.COMPLETE, clock.instant(), UserAgentClass.MOBILE);
        events.record(ben, ViewEventKind.PLAY, clock.instant(), UserAgentClass.DESKTOP);
        events.record(ben, ViewEventKind.CTA, clock.instant(), UserAgentClass.BOT);

        Map<ViewEventKind, Long> reached = events.linksReaching(SHOP, video.id());

        assertThat(reached).containsEntry(ViewEventKind.PLAY, 2L).containsEntry(ViewEventKind.COMPLETE, 1L)
                .containsEntry(ViewEventKind.CTA, 0L).containsEntry(ViewEventKind.PROGRESS_50, 0L);
        assertThat(events.linksReaching(OTHER_SHOP, video.id())).containsEntry(ViewEventKind.PLAY, 0L);
    }

    @Test
    void customerRedactDeletesThatOrdersLinksAndEvents() {
        Video video = uploaded(null);
        VideoLink anna = link(video, "1001");
        VideoLink ben = link(video, "1002");
        events.record(anna, ViewEventKind.PLAY, clock.instant(), UserAgentClass.MOBILE);
        events.record(ben, ViewEventKind.PLAY, clock.instant(), UserAgentClass.MOBILE);

        assertThat(links.deleteForOrders(OTHER_SHOP, List.of("1001"))).isZero();
        assertThat(links.deleteForOrders(SHOP, List.of("1001"))).isEqualTo(1);

        assertThat(events.linksReaching(SHOP, video.id())).containsEntry(ViewEventKind.PLAY, 1L);
    }

    @Test
    void shopRedactDeletesEverythingAndReturnsTheStorageKeys() {
        Video video = uploaded(null);
        videos.transition(SHOP, video.id(), VideoState.UPLOADED, VideoState.TRANSCODING, null);
        StorageKey mp4 = StorageKey.random(random);
        StorageKey poster = StorageKey.random(random);
        StorageKey gif = StorageKey.random(random);
        videos.markReady(SHOP, video.id(), mp4, poster, gif, null);
        events.record(link(video, "1001"), ViewEventKind.PLAY, clock.instant(), UserAgentClass.MOBILE);
        Video kept = videos.insertUploaded(VideoId.random(), OTHER_SHOP, VideoContainer.WEBM,
                StorageKey.random(random), 1, SHA, null);

        assertThat(videos.deleteShop(SHOP)).containsExactlyInAnyOrder(video.original(), mp4, poster, gif);

        assertThat(videos.list(SHOP, 10)).isEmpty();
        assertThat(videos.find(OTHER_SHOP, kept.id())).isPresent();
    }

    private Video uploaded(ProbeResult.Probed probed) {
        return videos.insertUploaded(VideoId.random(), SHOP, VideoContainer.MP4, StorageKey.random(random), 10, SHA,
                probed);
    }

    private VideoLink link(Video video, String orderId) {
        IssuedLink issued = new LinkTokens(clock).issue(Duration.ofDays(90));
        VideoLink link = new VideoLink(issued.record(), video.id(), video.shop(), Optional.of("Anna"),
                Optional.of(orderId));
        links.insert(link);
        return link;
    }
}
