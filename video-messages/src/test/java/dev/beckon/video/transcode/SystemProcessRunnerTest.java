package dev.beckon.video.transcode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs real (tiny) processes through /bin/sh, standing in for ffmpeg. */
class SystemProcessRunnerTest {

    private final SystemProcessRunner runner = new SystemProcessRunner();

    @BeforeAll
    static void needsAPosixShell() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "SKIPPED: no /bin/sh on this machine");
    }

    @Test
    void reportsTheExitCodeAndTheTailOfStandardError() throws Exception {
        ProcessRunner.Outcome outcome = runner.run(
                List.of("/bin/sh", "-c", "echo version 1; echo first >&2; echo 'last error' >&2; exit 3"),
                Duration.ofSeconds(10));

        assertThat(outcome).isEqualTo(new ProcessRunner.Exited(3, "version 1", "first\nlast error"));
    }

    @Test
    void keepsOnlyTheTailOfAHugeStandardError() throws Exception {
        ProcessRunner.Outcome outcome = runner.run(
                List.of("/bin/sh", "-c", "i=0; while [ $i -lt 3000 ]; do echo noise-$i >&2; i=$((i+1)); done; "
                        + "echo the-end >&2"), Duration.ofSeconds(20));

        ProcessRunner.Exited exited = (ProcessRunner.Exited) outcome;
        assertThat(exited.exitCode()).isZero();
        assertThat(exited.stderrTail()).endsWith("the-end").hasSizeLessThanOrEqualTo(SystemProcessRunner.STDERR_TAIL_BYTES);
    }

    @Test
    void aTimeoutKillsTheProcessAndItsChildren() throws Exception {
        Path pidFile = Files.createTempFile("child", ".pid");
        try {
            ProcessRunner.Outcome outcome = runner.run(
                    List.of("/bin/sh", "-c", "sleep 60 & echo $! > " + pidFile + "; wait"), Duration.ofMillis(700));

            assertThat(outcome).isInstanceOf(ProcessRunner.Killed.class);
            long child = Long.parseLong(Files.readString(pidFile).strip());
            await("the sleeping grandchild is killed too").atMost(Duration.ofSeconds(5))
                    .until(() -> !running(child));
        } finally {
            Files.deleteIfExists(pidFile);
        }
    }

    /** Alive and not a zombie (a killed orphan stays a zombie where PID 1 does not reap, as in some containers). */
    private static boolean running(long pid) throws IOException {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return true;
        }
        String text = Files.readString(stat);
        String state = text.substring(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
        return !state.equals("Z") && !state.equals("X");
    }

    @Test
    void aMissingProgramCannotStart() {
        assertThatThrownBy(() -> runner.run(List.of("/nonexistent/ffmpeg", "-version"), Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class);
    }
}
