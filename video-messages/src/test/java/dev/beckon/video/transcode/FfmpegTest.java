package dev.beckon.video.transcode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FfmpegTest {

    @TempDir
    Path dir;

    @Test
    void missingFromThePathIsAValueNotACrash() {
        Ffmpeg found = Ffmpeg.detect(Optional.empty(), dir.toString(), unused());

        assertThat(found).isInstanceOf(Ffmpeg.Missing.class);
        assertThat(((Ffmpeg.Missing) found).reason()).contains("ffmpeg is not on the PATH");
        assertThat(Ffmpeg.detect(Optional.empty(), null, unused())).isInstanceOf(Ffmpeg.Missing.class);
    }

    @Test
    void aConfiguredPathThatIsNotExecutableIsMissing() {
        Ffmpeg found = Ffmpeg.detect(Optional.of(dir.resolve("nope")), "", unused());

        assertThat(found).isEqualTo(new Ffmpeg.Missing("ffmpeg at " + dir.resolve("nope") + " is not an executable file"));
    }

    @Test
    void foundOnThePathAndCheckedWithVersion() throws IOException {
        Path ffmpeg = executable("ffmpeg");
        Path ffprobe = executable("ffprobe");
        List<List<String>> ran = new ArrayList<>();
        ProcessRunner runner = (command, timeout) -> {
            ran.add(command);
            return new ProcessRunner.Exited(0, "ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2025 the FFmpeg "
                    + "developers\nbuilt with gcc 12", "");
        };

        Ffmpeg found = Ffmpeg.detect(Optional.empty(), "/nonexistent" + java.io.File.pathSeparator + dir, runner);

        assertThat(found).isEqualTo(new Ffmpeg.Available(ffmpeg, Optional.of(ffprobe), "5.1.9-0+deb12u1"));
        assertThat(ran).containsExactly(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-version"));
    }

    @Test
    void aBinaryThatFailsOrCannotStartIsMissing() throws IOException {
        Path ffmpeg = executable("ffmpeg");

        Ffmpeg failing = Ffmpeg.detect(Optional.of(ffmpeg), "",
                (command, timeout) -> new ProcessRunner.Exited(127, "", "error while loading shared libraries"));
        Ffmpeg hanging = Ffmpeg.detect(Optional.of(ffmpeg), "",
                (command, timeout) -> new ProcessRunner.Killed(timeout, ""));
        Ffmpeg unstartable = Ffmpeg.detect(Optional.of(ffmpeg), "", (command, timeout) -> {
            throw new IOException("Exec format error");
        });

        assertThat(failing).isInstanceOf(Ffmpeg.Missing.class);
        assertThat(((Ffmpeg.Missing) failing).reason()).contains("did not answer -version");
        assertThat(hanging).isInstanceOf(Ffmpeg.Missing.class);
        assertThat(unstartable).isEqualTo(
                new Ffmpeg.Missing("ffmpeg at " + ffmpeg + " could not be started: Exec format error"));
    }

    @Test
    void versionWordIsReadFromTheFirstLine() {
        assertThat(Ffmpeg.version("ffmpeg version n7.1 Copyright")).isEqualTo("n7.1");
        assertThat(Ffmpeg.version("something else")).isEqualTo("unknown");
        assertThat(Ffmpeg.version("")).isEqualTo("unknown");
    }

    private Path executable(String name) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static ProcessRunner unused() {
        return (command, timeout) -> {
            throw new AssertionError("nothing to run: " + command + " " + Duration.ZERO);
        };
    }
}
