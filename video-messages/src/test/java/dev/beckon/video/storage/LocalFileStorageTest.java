package dev.beckon.video.storage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFileStorageTest {

    static final long CAP = 1024 * 1024;

    @TempDir
    Path sandbox;
    Path root;
    LocalFileStorage storage;
    byte[] video;

    @BeforeEach
    void setUp() throws IOException {
        root = sandbox.resolve("videos");
        storage = LocalFileStorage.at(root);
        video = new byte[200_000];
        new Random(42).nextBytes(video);
    }

    @Test
    void aStoredVideoReadsBackWhole() throws IOException {
        PutOutcome.Stored stored = put(video);

        assertThat(stored.size()).isEqualTo(video.length);
        assertThat(stored.sha256()).isEqualTo(sha256(video));
        assertThat(storage.exists(stored.key())).isTrue();
        assertThat(storage.size(stored.key())).hasValue(video.length);
        try (VideoSlice slice = storage.open(stored.key()).orElseThrow()) {
            assertThat(slice.totalSize()).isEqualTo(video.length);
            assertThat(slice.offset()).isZero();
            assertThat(slice.length()).isEqualTo(video.length);
            assertThat(readAll(slice)).isEqualTo(video);
        }
    }

    @Test
    void aRangedReadYieldsExactlyThatRange() throws IOException {
        PutOutcome.Stored stored = put(video);

        try (VideoSlice slice = storage.open(stored.key(), 1000, 2).orElseThrow()) {
            assertThat(slice.length()).isEqualTo(2);
            assertThat(readAll(slice)).isEqualTo(Arrays.copyOfRange(video, 1000, 1002));
        }
        try (VideoSlice tail = storage.open(stored.key(), 150_000, 1_000_000).orElseThrow()) {
            assertThat(tail.length()).isEqualTo(50_000);
            assertThat(readAll(tail)).isEqualTo(Arrays.copyOfRange(video, 150_000, 200_000));
        }
        try (VideoSlice atTheEnd = storage.open(stored.key(), video.length, 10).orElseThrow()) {
            assertThat(readAll(atTheEnd)).isEmpty();
        }
    }

    @Test
    void anOffsetPastTheEndIsABug() throws IOException {
        PutOutcome.Stored stored = put(video);

        assertThatThrownBy(() -> storage.open(stored.key(), video.length + 1L, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyPutGetsAFreshGeneratedKey() throws IOException {
        StorageKey first = put(video).key();
        StorageKey second = put(video).key();

        assertThat(first).isNotEqualTo(second);
        assertThat(first.value()).matches("[0-9a-f]{32}");
        assertThat(second.value()).matches("[0-9a-f]{32}");
    }

    @Test
    void anUploadOverTheCapLeavesNothingBehind() throws IOException {
        PutOutcome outcome = storage.put(new ByteArrayInputStream(video), video.length - 1);

        assertThat(outcome).isEqualTo(new PutOutcome.TooLarge(video.length - 1));
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void anUploadThatBreaksOffLeavesNothingBehind() throws IOException {
        InputStream brokenPipe = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (sent >= 5000) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(len, 5000 - sent);
                Arrays.fill(b, off, off + n, (byte) 7);
                sent += n;
                return n;
            }
        };

        assertThatThrownBy(() -> storage.put(brokenPipe, CAP)).hasMessage("connection reset");
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void aDeletedVideoIsGone() throws IOException {
        StorageKey key = put(video).key();

        assertThat(storage.delete(key)).isTrue();

        assertThat(storage.exists(key)).isFalse();
        assertThat(storage.size(key)).isEmpty();
        assertThat(storage.open(key)).isEmpty();
        assertThat(storage.delete(key)).isFalse();
    }

    @Test
    void readsAfterTheFirstComeFromTheKeptMappingAndStopWhenTheFileIsDeletedUnderneath() throws IOException {
        StorageKey key = put(video).key();
        try (VideoSlice first = storage.open(key, 0, 10).orElseThrow()) {
            assertThat(readAll(first)).isEqualTo(Arrays.copyOfRange(video, 0, 10));
        }
        try (VideoSlice again = storage.open(key, 199_990, 100).orElseThrow();
             VideoSlice middle = storage.open(key, 1000, 65_536).orElseThrow()) {
            assertThat(again.length()).isEqualTo(10);
            assertThat(readAll(again)).isEqualTo(Arrays.copyOfRange(video, 199_990, 200_000));
            assertThat(readAll(middle)).as("two open slices read independently")
                    .isEqualTo(Arrays.copyOfRange(video, 1000, 66_536));
        }
        assertThatThrownBy(() -> storage.open(key, video.length + 1L, 1))
                .isInstanceOf(IllegalArgumentException.class);

        try (Stream<Path> files = Files.walk(root.resolve("objects"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file); // e.g. another instance erased it
            }
        }

        assertThat(storage.open(key, 0, 10)).isEmpty();
    }

    @Test
    void anUnknownKeyIsAbsentNotAnError() throws IOException {
        StorageKey never = StorageKey.parse("0123456789abcdef0123456789abcdef").orElseThrow();

        assertThat(storage.exists(never)).isFalse();
        assertThat(storage.open(never, 0, 10)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "../../etc/passwd", "/etc/passwd", "/tmp/0123456789abcdef0123456789abcdef",
            "ab/0123456789abcdef0123456789abcd", "0123456789abcdef\\0123456789abcde", "..", ".", "",
            "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef0",
            "my video.mp4", "0123456789abcdef0123456789abcde\u0000", "%2e%2e%2fetc%2fpasswd"})
    void aKeyOutsideTheGeneratedFormatCannotBeNamed(String hostile) throws IOException {
        put(video);
        List<Path> before = filesUnder(sandbox);

        assertThat(StorageKey.parse(hostile)).isEmpty();
        assertThatThrownBy(() -> new StorageKey(hostile)).isInstanceOf(IllegalArgumentException.class);
        assertThat(filesUnder(sandbox)).isEqualTo(before);
    }

    @Test
    void nothingIsWrittenOutsideTheRoot() throws IOException {
        StorageKey key = put(video).key();
        storage.put(new ByteArrayInputStream(video), 10);

        try (Stream<Path> top = Files.list(sandbox)) {
            assertThat(top).containsExactly(root);
        }
        assertThat(filesUnder(root)).containsExactly(
                root.resolve("objects").resolve(key.value().substring(0, 2)).resolve(key.value()));
    }

    @Test
    void theRelativePathIsWhereAFrontServerFindsTheStoredBytes() throws IOException {
        StorageKey key = put(video).key();

        String relative = storage.relativePath(key);

        assertThat(relative).isEqualTo(key.value().substring(0, 2) + "/" + key.value());
        assertThat(Files.readAllBytes(root.resolve("objects").resolve(relative))).isEqualTo(video);
    }

    @Test
    void aNullKeyIsNotParsed() {
        assertThat(StorageKey.parse(null)).isEmpty();
    }

    private PutOutcome.Stored put(byte[] content) throws IOException {
        PutOutcome outcome = storage.put(new ByteArrayInputStream(content), CAP);
        assertThat(outcome).isInstanceOf(PutOutcome.Stored.class);
        return (PutOutcome.Stored) outcome;
    }

    private static byte[] readAll(VideoSlice slice) throws IOException {
        return Channels.newInputStream(slice.channel()).readAllBytes();
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
