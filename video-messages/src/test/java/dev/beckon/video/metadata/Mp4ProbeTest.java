package dev.beckon.video.metadata;

import dev.beckon.video.TinyMp4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class Mp4ProbeTest {

    private static final VideoLimits THANK_YOU = new VideoLimits(Duration.ofMinutes(3), VideoLimits.UHD_PIXELS);

    @TempDir
    Path dir;

    @Test
    void readsDurationAndSizeOfAnMp4() throws IOException {
        ProbeResult result = probe(TinyMp4.video().duration(Duration.ofSeconds(20)).size(1280, 720).bytes());

        assertThat(result).isEqualTo(new ProbeResult.Probed(Duration.ofSeconds(20), 1280, 720));
        assertThat(THANK_YOU.violation((ProbeResult.Probed) result)).isEmpty();
    }

    @Test
    void readsAPortraitQuickTimeWhoseMediaDataComesFirstWithA64BitSize() throws IOException {
        ProbeResult result = probe(TinyMp4.video().brand("qt  ").size(1080, 1920).duration(Duration.ofMillis(7500))
                .mdatFirst().largeSizeMdat().bytes());

        assertThat(result).isEqualTo(new ProbeResult.Probed(Duration.ofMillis(7500), 1080, 1920));
    }

    @Test
    void aTwoHourDeclaredDurationIsRejectedClearly() throws IOException {
        ProbeResult result = probe(TinyMp4.video().duration(Duration.ofHours(2)).bytes());

        assertThat(result).isInstanceOf(ProbeResult.Probed.class);
        assertThat(THANK_YOU.violation((ProbeResult.Probed) result))
                .contains("the video is 2:00:00 long; at most 3:00 is allowed");
    }

    @Test
    void framesLargerThan4kAreRejected() throws IOException {
        ProbeResult.Probed probed = (ProbeResult.Probed) probe(TinyMp4.video().size(7680, 4320).bytes());

        assertThat(THANK_YOU.violation(probed))
                .contains("the video is 7680x4320 pixels; at most 8294400 pixels per frame are allowed");
    }

    @Test
    void exactlyTheMaximumDurationIsAccepted() throws IOException {
        ProbeResult.Probed probed = (ProbeResult.Probed) probe(TinyMp4.video().duration(Duration.ofMinutes(3)).bytes());

        assertThat(THANK_YOU.violation(probed)).isEmpty();
    }

    @Test
    void anAudioOnlyFileHasNoVideoTrack() throws IOException {
        assertThat(probe(TinyMp4.video().handler("soun").bytes()))
                .isEqualTo(new ProbeResult.Unreadable("the file has no video track"));
    }

    @Test
    void aFileCutOffBeforeItsMovieHeaderIsUnreadable() throws IOException {
        byte[] full = TinyMp4.video().mdatFirst().bytes();
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 40);

        assertThat(probe(cut)).isInstanceOf(ProbeResult.Unreadable.class);
        assertThat(((ProbeResult.Unreadable) probe(cut)).reason()).contains("movie header");
    }

    @Test
    void aFileWithoutAMovieHeaderIsUnreadable() throws IOException {
        byte[] onlyFtypAndMdat = TinyMp4.concat(TinyMp4.box("ftyp", "isom\0\0\2\0isom".getBytes()),
                TinyMp4.box("mdat", new byte[100]));

        assertThat(probe(onlyFtypAndMdat))
                .isEqualTo(new ProbeResult.Unreadable("the file has no movie header ('moov' box); it may be cut off"));
    }

    @Test
    void aHostileBoxSizeDoesNotMakeTheProbeReadOrAllocateIt() throws IOException {
        byte[] hugeMoov = TinyMp4.concat(TinyMp4.box("ftyp", "isom\0\0\2\0isom".getBytes()),
                new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, 'm', 'o', 'o', 'v'}, new byte[64]);

        assertThat(probe(hugeMoov))
                .isEqualTo(new ProbeResult.Unreadable("the file's movie header is malformed or too large"));
    }

    @Test
    void aZeroDurationIsUnreadableRatherThanAccepted() throws IOException {
        assertThat(probe(TinyMp4.video().duration(Duration.ZERO).bytes()))
                .isEqualTo(new ProbeResult.Unreadable("the file does not declare its duration (a fragmented recording?)"));
    }

    @Test
    void garbageIsUnreadable() throws IOException {
        assertThat(probe("hello, this is not a video at all".getBytes())).isInstanceOf(ProbeResult.Unreadable.class);
        assertThat(probe(new byte[0])).isInstanceOf(ProbeResult.Unreadable.class);
    }

    private ProbeResult probe(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("clip-" + System.nanoTime() + ".mp4"), bytes);
        return Mp4Probe.probe(file);
    }
}
