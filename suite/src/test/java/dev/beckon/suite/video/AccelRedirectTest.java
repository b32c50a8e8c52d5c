package dev.beckon.suite.video;

import dev.beckon.video.storage.LocalFileStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code beckon.video.accel-redirect}: off unless set to a plain location path. */
class AccelRedirectTest {

    @Test
    void unsetOrBlankIsOff() {
        assertThat(AccelRedirect.parse(null).on()).isFalse();
        assertThat(AccelRedirect.parse("  ").on()).isFalse();
        assertThat(AccelRedirect.parse(null)).isEqualTo(AccelRedirect.OFF);
    }

    @Test
    void aLocationPathIsThePrefixWithoutItsTrailingSlash() {
        AccelRedirect accel = AccelRedirect.parse(" /internal/beckon-video.files/ ");

        assertThat(accel.on()).isTrue();
        assertThat(accel.prefix()).isEqualTo("/internal/beckon-video.files");
        assertThat(accel.location("ab/ab12")).isEqualTo("/internal/beckon-video.files/ab/ab12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"beckon-video", "/", "//x", "/a/../etc", "/a/./b", "/.hidden", "/a b", "/a?x=1",
            "/a#b", "http://nginx/x", "/a\\b", "/a%2e%2e"})
    void anythingButAPlainLocationPathIsRefusedNamingTheKey(String value) {
        assertThatThrownBy(() -> AccelRedirect.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(AccelRedirect.KEY);
    }

    @Test
    void theLocationOfAnOffRedirectIsABug() {
        assertThatThrownBy(() -> AccelRedirect.OFF.location("ab/ab12")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyLocalStorageHasFilesAFrontServerCanSend(@TempDir Path dir) throws Exception {
        assertThat(VideoProducer.accelRedirect("/beckon-video-files", LocalFileStorage.at(dir)).on()).isTrue();
        assertThat(VideoProducer.accelRedirect(null, null)).isEqualTo(AccelRedirect.OFF);
        assertThatThrownBy(() -> VideoProducer.accelRedirect("/beckon-video-files", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beckon.video.storage=local");
    }
}
