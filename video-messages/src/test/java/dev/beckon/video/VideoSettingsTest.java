package dev.beckon.video;

import org.junit.jupiter.api.Test;

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
    void ffmpegCpuLimitScalesTheWallClockLimitByTheProcessors() {
        VideoSettings settings = VideoSettings.from(Map.of("beckon.video.transcode-timeout", "60"));

        assertThat(settings.ffmpegCpuLimit())
                .isEqualTo(Duration.ofSeconds(60L * Runtime.getRuntime().availableProcessors()));
    }
}
