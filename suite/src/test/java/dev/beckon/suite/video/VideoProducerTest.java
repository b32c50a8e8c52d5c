package dev.beckon.suite.video;

import dev.beckon.suite.config.SuiteSettings;
import dev.beckon.video.VideoSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

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
}
