package dev.beckon.video;

import dev.beckon.video.storage.S3Settings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VideoSettingsTest {

    @Test
    void defaults() {
        VideoSettings settings = VideoSettings.defaults();

        assertThat(settings).isEqualTo(new VideoSettings(Path.of("/var/lib/beckon/videos"),
                Path.of("/var/lib/beckon/videos/work"), 200L * 1024 * 1024, Duration.ofMinutes(3), 3840L * 2160,
                Duration.ofDays(90), Optional.empty(), 1, 32, Duration.ofMinutes(5)));
    }

    @Test
    void everyKeyCanBeSet() {
        VideoSettings settings = VideoSettings.from(Map.of(
                "beckon.video.storage-root", "/data/videos",
                "beckon.video.upload-cap-bytes", "1048576",
                "beckon.video.max-duration", "90",
                "beckon.video.max-pixels", "2073600",
                "beckon.video.link-lifetime", "P30D",
                "beckon.video.ffmpeg-path", "/opt/ffmpeg/bin/ffmpeg",
                "beckon.video.transcode-workers", "2",
                "beckon.video.transcode-queue-capacity", "5",
                "beckon.video.transcode-timeout", "PT90S",
                "unrelated.key", "ignored"));

        assertThat(settings).isEqualTo(new VideoSettings(Path.of("/data/videos"), Path.of("/data/videos/work"),
                1048576, Duration.ofSeconds(90), 2073600, Duration.ofDays(30),
                Optional.of(Path.of("/opt/ffmpeg/bin/ffmpeg")), 2, 5, Duration.ofSeconds(90)));
        assertThat(VideoSettings.from(Map.of("beckon.video.work-dir", "/scratch")).workDir())
                .isEqualTo(Path.of("/scratch"));
    }

    @Test
    void blankValuesTakeTheDefault() {
        assertThat(VideoSettings.from(Map.of("beckon.video.ffmpeg-path", " ", "beckon.video.max-duration", "")))
                .isEqualTo(VideoSettings.defaults());
    }

    @Test
    void errorsNameTheKeyAndTheValue() {
        assertThatThrownBy(() -> VideoSettings.from(Map.of("beckon.video.upload-cap-bytes", "200MB")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("beckon.video.upload-cap-bytes: expected a whole number from 1 to 9223372036854775807, "
                        + "got '200MB'");
        assertThatThrownBy(() -> VideoSettings.from(Map.of("beckon.video.max-duration", "3 minutes")))
                .hasMessageStartingWith("beckon.video.max-duration: expected an ISO-8601 duration");
        assertThatThrownBy(() -> VideoSettings.from(Map.of("beckon.video.transcode-timeout", "PT0S")))
                .hasMessage("beckon.video.transcode-timeout: expected a positive duration, got 'PT0S'");
        assertThatThrownBy(() -> VideoSettings.from(Map.of("beckon.video.transcode-workers", "0")))
                .hasMessageStartingWith("beckon.video.transcode-workers: expected a whole number from 1 to 64");
    }

    @Test
    void s3StorageIsChosenAndConfiguredByKeys() {
        VideoSettings settings = VideoSettings.from(Map.of(
                "beckon.video.storage", "S3",
                "beckon.video.s3.endpoint", "http://127.0.0.1:9000",
                "beckon.video.s3.bucket", "videos",
                "beckon.video.s3.access-key", "AKIA-test",
                "beckon.video.s3.secret-key", "very-secret"));

        assertThat(settings.storage()).isEqualTo(VideoSettings.StorageKind.S3);
        assertThat(settings.s3()).contains(new S3Settings(Optional.of(URI.create("http://127.0.0.1:9000")),
                "us-east-1", "videos", Optional.of("AKIA-test"), Optional.of("very-secret"), true));
        assertThat(settings.toString()).as("the secret never reaches a log").doesNotContain("very-secret");
        assertThat(VideoSettings.from(Map.of("beckon.video.storage", "s3", "beckon.video.s3.bucket", "b",
                "beckon.video.s3.region", "eu-central-1")).s3().orElseThrow())
                .as("AWS itself: default credentials chain, virtual-host addressing")
                .isEqualTo(new S3Settings(Optional.empty(), "eu-central-1", "b", Optional.empty(), Optional.empty(),
                        false));
        assertThat(VideoSettings.defaults().storage()).isEqualTo(VideoSettings.StorageKind.LOCAL);
        assertThat(VideoSettings.defaults().s3()).isEmpty();
    }

    @Test
    void badStorageSettingsNameTheKey() {
        assertThatThrownBy(() -> VideoSettings.from(Map.of("beckon.video.storage", "ftp")))
                .hasMessage("beckon.video.storage: expected local or s3, got 'ftp'");
        assertThatThrownBy(() -> VideoSettings.from(Map.of("beckon.video.storage", "s3")))
                .hasMessage("beckon.video.s3.bucket: required when beckon.video.storage is s3");
        assertThatThrownBy(() -> VideoSettings.from(Map.of("beckon.video.storage", "s3",
                "beckon.video.s3.bucket", "b", "beckon.video.s3.endpoint", "file:///etc")))
                .hasMessageStartingWith("beckon.video.s3.endpoint: expected an http or https URL");
        assertThatThrownBy(() -> VideoSettings.from(Map.of("beckon.video.storage", "s3",
                "beckon.video.s3.bucket", "b", "beckon.video.s3.access-key", "only-half")))
                .hasMessageContaining("set both, or neither");
        assertThatThrownBy(() -> VideoSettings.from(Map.of("beckon.video.storage", "s3",
                "beckon.video.s3.bucket", "b", "beckon.video.s3.path-style", "yes")))
                .hasMessage("beckon.video.s3.path-style: expected true or false, got 'yes'");
    }

    @Test
    void renderSettingsHaveDefaultsAndCanBeSet() {
        VideoSettings defaults = VideoSettings.defaults();
        assertThat(defaults.fontFile()).isEqualTo(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"));
        assertThat(defaults.renderWorkers()).isEqualTo(1);
        assertThat(defaults.renderQueueCapacity()).isEqualTo(16);
        assertThat(defaults.renderTimeout()).isEqualTo(Duration.ofMinutes(2));

        VideoSettings set = VideoSettings.from(Map.of("beckon.video.font-file", "/fonts/Noto.ttf",
                "beckon.video.render-workers", "2", "beckon.video.render-queue-capacity", "3",
                "beckon.video.render-timeout", "PT30S"));
        assertThat(set.fontFile()).isEqualTo(Path.of("/fonts/Noto.ttf"));
        assertThat(set.renderWorkers()).isEqualTo(2);
        assertThat(set.renderQueueCapacity()).isEqualTo(3);
        assertThat(set.renderTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void ffmpegCpuLimitScalesTheWallClockLimitByTheProcessors() {
        VideoSettings settings = VideoSettings.from(Map.of("beckon.video.transcode-timeout", "60"));

        assertThat(settings.ffmpegCpuLimit())
                .isEqualTo(Duration.ofSeconds(60L * Runtime.getRuntime().availableProcessors()));
    }
}
