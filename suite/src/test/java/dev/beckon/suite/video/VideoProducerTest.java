package dev.beckon.suite.video;

import dev.beckon.suite.config.SuiteSettings;
import dev.beckon.video.VideoSettings;
import dev.beckon.video.storage.LocalFileStorage;
import dev.beckon.video.storage.S3Storage;
import dev.beckon.video.storage.VideoStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VideoProducerTest {

    private final SuiteSettings suite = SuiteSettings.from(Map.of("beckon.data-dir", "/srv/beckon")::get);

    @Test
    void videosLiveInTheDataFolderByDefault() {
        VideoSettings settings = VideoProducer.settingsFrom(Map.of(), suite);

        assertThat(settings.storageRoot()).isEqualTo(Path.of("/srv/beckon/videos"));
        assertThat(settings.workDir()).isEqualTo(Path.of("/srv/beckon/videos/work"));
        assertThat(settings.linkLifetime()).isEqualTo(VideoSettings.DEFAULT_LINK_LIFETIME);
    }

    @Test
    void configuredKeysWin() {
        VideoSettings settings = VideoProducer.settingsFrom(Map.of(VideoSettings.STORAGE_ROOT, "/mnt/videos",
                VideoSettings.UPLOAD_CAP_BYTES, "1000"), suite);

        assertThat(settings.storageRoot()).isEqualTo(Path.of("/mnt/videos"));
        assertThat(settings.uploadCapBytes()).isEqualTo(1000);
        assertThat(settings.ffmpegPath()).isEqualTo(Optional.empty());
    }

    @Test
    void theLandingPageEscapesWhatTheMerchantTypedAndLeavesTheNameOutOfPreviews() {
        String html = LandingPage.render("https://beckon.example/", "tok", "shop.example",
                Optional.of("<script>Ann</script>"), true, false);

        assertThat(html).contains("&lt;script&gt;Ann&lt;/script&gt;").doesNotContain("<script>Ann")
                .contains("playsinline").doesNotContain("sendBeacon");
        assertThat(html.lines().filter(l -> l.contains("og:")).toList()).noneMatch(l -> l.contains("Ann"));
    }

    @Test
    void storageIsLocalByDefaultAndS3WhenConfigured(@TempDir Path dir) throws Exception {
        VideoSettings local = VideoProducer.settingsFrom(Map.of(VideoSettings.STORAGE_ROOT, dir.toString()), suite);
        VideoSettings s3 = VideoProducer.settingsFrom(Map.of(VideoSettings.STORAGE_ROOT, dir.toString(),
                VideoSettings.STORAGE, "s3", VideoSettings.S3_ENDPOINT, "http://127.0.0.1:9",
                VideoSettings.S3_BUCKET, "videos", VideoSettings.S3_ACCESS_KEY, "key",
                VideoSettings.S3_SECRET_KEY, "secret"), suite);

        assertThat(VideoProducer.openStorage(local)).isInstanceOf(LocalFileStorage.class);
        VideoStorage remote = VideoProducer.openStorage(s3);
        assertThat(remote).isInstanceOf(S3Storage.class);
        assertThat(dir.resolve("work/s3-spool")).isDirectory();
        new VideoProducer().closeStorage(remote);
    }

    @Test
    void aBadStorageKindNamesTheKey() {
        assertThatThrownBy(() -> VideoProducer.settingsFrom(Map.of(VideoSettings.STORAGE, "ftp"), suite))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(VideoSettings.STORAGE);
    }

    @Test
    void theFallbackTimerRunsEveryMinuteUnlessConfigured() {
        assertThat(VideoStartup.fallbackInterval(null)).isEqualTo(Duration.ofMinutes(1));
        assertThat(VideoStartup.fallbackInterval("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(VideoStartup.fallbackInterval("30")).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> VideoStartup.fallbackInterval("soon"))
                .hasMessageContaining(VideoStartup.FALLBACK_INTERVAL);
        assertThatThrownBy(() -> VideoStartup.fallbackInterval("PT0S")).hasMessageContaining("positive");
    }

    @Test
    void requestFieldsAreRefusedWithTheFieldsName() {
        JsonFields fields = JsonFields.parse("{\"dueAt\":\"tomorrow\",\"orderId\":7,\"firstName\":\"  Ann \"}",
                "with dueAt", false);

        assertThat(fields.text("firstName")).hasValue("Ann");
        assertThatThrownBy(() -> fields.instant("dueAt")).isInstanceOf(BadVideoRequest.class)
                .hasMessageContaining("dueAt");
        assertThatThrownBy(() -> fields.requiredText("orderId", 64)).hasMessageContaining("orderId must be a string");
        assertThatThrownBy(() -> fields.requiredText("shopperRef", 64)).hasMessageContaining("shopperRef is required");
        assertThat(JsonFields.parse("{\"dueAt\":\"2026-12-03T18:00:00+01:00\"}", "", false).instant("dueAt"))
                .hasValue(java.time.Instant.parse("2026-12-03T17:00:00Z"));
        assertThatThrownBy(() -> JsonFields.parse("[1]", "with orderId", false)).hasMessageContaining("orderId");
        assertThat(JsonFields.parse("", "", true).text("firstName")).isEmpty();
    }

    @Test
    void erasureTakesAnOptionalListOfOrders() {
        assertThat(ShopperErasureResource.orderIds(null)).isEmpty();
        assertThat(ShopperErasureResource.orderIds("{\"orderIds\":[\"1001\",\" 1002 \"]}"))
                .containsExactly("1001", "1002");
        assertThatThrownBy(() -> ShopperErasureResource.orderIds("{\"orderIds\":[1001]}"))
                .hasMessageContaining("orderIds");
    }
}
