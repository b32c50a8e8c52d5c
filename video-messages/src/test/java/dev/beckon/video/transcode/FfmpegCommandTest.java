package dev.beckon.video.transcode;

import dev.beckon.video.upload.VideoContainer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FfmpegCommandTest {

    private static final List<String> PREFIX = List.of("/usr/bin/ffmpeg", "-nostdin", "-hide_banner", "-loglevel",
            "error", "-y", "-timelimit", "600");

    private final FfmpegCommand.Builder commands =
            FfmpegCommand.using(Path.of("/usr/bin/ffmpeg"), Duration.ofMinutes(10));

    @Test
    void webSafeMp4() {
        FfmpegCommand command = commands.webSafeMp4(Path.of("/work/v1/original"), VideoContainer.QUICKTIME,
                Path.of("/work/v1/web.mp4"), Duration.ofMinutes(3));

        assertThat(command.args()).containsExactlyElementsOf(with(
                "-f", "mov", "-protocol_whitelist", "file", "-t", "180", "-i", "file:/work/v1/original",
                "-map", "0:v:0", "-map", "0:a:0?",
                "-vf", "scale=w='if(gte(iw,ih),-2,min(720,trunc(iw/2)*2))':h='if(gte(iw,ih),min(720,trunc(ih/2)*2),-2)'",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-profile:v", "high",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2",
                "-map_metadata", "-1", "-sn", "-dn",
                "-movflags", "+faststart",
                "-f", "mp4", "/work/v1/web.mp4"));
        assertThat(command.output()).isEqualTo(Path.of("/work/v1/web.mp4"));
        assertThat(command.purpose()).isEqualTo("mp4");
    }

    @Test
    void webmUploadsAreReadWithTheMatroskaDemuxerNeverByProbing() {
        FfmpegCommand command = commands.webSafeMp4(Path.of("/w/original"), VideoContainer.WEBM, Path.of("/w/web.mp4"),
                Duration.ofSeconds(90));

        assertThat(command.args()).containsSubsequence("-f", "matroska", "-protocol_whitelist", "file", "-t", "90",
                "-i", "file:/w/original");
    }

    @Test
    void poster() {
        FfmpegCommand command = commands.poster(Path.of("/w/web.mp4"), Path.of("/w/poster.jpg"), Duration.ofMillis(500));

        assertThat(command.args()).containsExactlyElementsOf(with(
                "-ss", "0.5", "-f", "mov", "-protocol_whitelist", "file", "-i", "file:/w/web.mp4",
                "-frames:v", "1", "-vf", "scale=640:-2", "-q:v", "3", "-map_metadata", "-1", "-an", "-update", "1",
                "-f", "image2", "/w/poster.jpg"));
    }

    @Test
    void previewGif() {
        FfmpegCommand command = commands.previewGif(Path.of("/w/web.mp4"), Path.of("/w/preview.gif"));

        assertThat(command.args()).containsExactlyElementsOf(with(
                "-f", "mov", "-protocol_whitelist", "file", "-t", "3", "-i", "file:/w/web.mp4",
                "-vf", "fps=10,scale=480:-2:flags=lanczos,split[a][b];[a]palettegen[p];[b][p]paletteuse",
                "-loop", "0", "-an", "-map_metadata", "-1", "-f", "gif", "/w/preview.gif"));
    }

    @Test
    void personalisedReadsTheNameFromAFileNeverFromTheCommandLine() {
        FfmpegCommand command = commands.personalised(Path.of("/w/web.mp4"), Path.of("/w/name.txt"),
                Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"), Path.of("/w/personal.mp4"));

        assertThat(command.args()).containsExactlyElementsOf(with(
                "-f", "mov", "-protocol_whitelist", "file", "-i", "file:/w/web.mp4",
                "-map", "0:v:0", "-map", "0:a:0?",
                "-vf", "drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:textfile=/w/name.txt"
                        + ":expansion=none:fontcolor=white:fontsize=56:line_spacing=10"
                        + ":box=1:boxcolor=black@0.55:boxborderw=24:x=(w-text_w)/2:y=h-th-80:enable='between(t,0,6)'",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-profile:v", "high",
                "-c:a", "copy", "-map_metadata", "-1", "-sn", "-dn", "-movflags", "+faststart",
                "-f", "mp4", "/w/personal.mp4"));
    }

    @Test
    void aPathThatWouldNeedEscapingInsideAFilterIsRefused() {
        assertThatThrownBy(() -> commands.personalised(Path.of("/w/web.mp4"), Path.of("/w/it's:a,name.txt"),
                Path.of("/fonts/f.ttf"), Path.of("/w/out.mp4")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path needs escaping");
    }

    @Test
    void everyCommandIsHardened() {
        List<FfmpegCommand> all = List.of(
                commands.webSafeMp4(Path.of("/w/o"), VideoContainer.MP4, Path.of("/w/m.mp4"), Duration.ofMinutes(3)),
                commands.poster(Path.of("/w/m.mp4"), Path.of("/w/p.jpg"), Duration.ofSeconds(1)),
                commands.previewGif(Path.of("/w/m.mp4"), Path.of("/w/g.gif")),
                commands.personalised(Path.of("/w/m.mp4"), Path.of("/w/n.txt"), Path.of("/f.ttf"), Path.of("/w/x.mp4")));
        for (FfmpegCommand command : all) {
            List<String> args = command.args();
            assertThat(args.subList(0, PREFIX.size())).as(command.purpose()).isEqualTo(PREFIX);
            int input = args.indexOf("-i");
            assertThat(args.subList(0, input)).as(command.purpose())
                    .containsSubsequence("-f").containsSubsequence("-protocol_whitelist", "file");
            assertThat(args.get(input + 1)).startsWith("file:");
            assertThat(args.get(args.size() - 1)).isEqualTo(command.output().toString());
        }
    }

    @Test
    void cpuLimitIsWholeSecondsAndAtLeastOne() {
        assertThat(FfmpegCommand.using(Path.of("ffmpeg"), Duration.ofMillis(10))
                .previewGif(Path.of("/a"), Path.of("/b")).args()).containsSubsequence("-timelimit", "1");
        assertThat(FfmpegCommand.seconds(Duration.ofMillis(1250))).isEqualTo("1.25");
        assertThat(FfmpegCommand.seconds(Duration.ZERO)).isEqualTo("0");
    }

    private static List<String> with(String... rest) {
        List<String> args = new java.util.ArrayList<>(PREFIX);
        args.addAll(List.of(rest));
        return args;
    }
}
