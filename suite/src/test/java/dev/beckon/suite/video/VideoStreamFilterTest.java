package dev.beckon.suite.video;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Only {@code /v/{token}/video.mp4} is taken by the filter; every other path goes on to JAX-RS. */
class VideoStreamFilterTest {

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
}
