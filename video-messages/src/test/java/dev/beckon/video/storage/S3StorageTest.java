package dev.beckon.video.storage;

import dev.beckon.video.VideoSettings;
import org.awaitility.Awaitility;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link S3Storage} against S3Proxy (Maven Central) started in-process on 127.0.0.1 with an in-memory blob store
 * and AWS signature checking, configured through {@link VideoSettings} as the suite does.
 */
class S3StorageTest {

    private static final String ACCESS = "beckon-test";
    private static final String SECRET = "beckon-test-secret";
    private static S3Proxy proxy;
    private static BlobStoreContext blobs;

    @TempDir
    Path temp;

    private S3Storage storage;
    private String bucket;
    private final byte[] video = new byte[3 * 1024 * 1024 + 17];

    @BeforeAll
    static void startS3Proxy() throws Exception {
        blobs = ContextBuilder.newBuilder("transient").credentials("unused", "unused").build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
        proxy.start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> AbstractLifeCycle.STARTED.equals(proxy.getState()));
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
        if (blobs != null) {
            blobs.close();
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        new Random(42).nextBytes(video);
        bucket = "videos-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        blobs.getBlobStore().createContainerInLocation(null, bucket);
        VideoSettings settings = VideoSettings.from(Map.of(
                VideoSettings.STORAGE, "s3",
                VideoSettings.S3_ENDPOINT, "http://127.0.0.1:" + proxy.getPort(),
                VideoSettings.S3_BUCKET, bucket,
                VideoSettings.S3_ACCESS_KEY, ACCESS,
                VideoSettings.S3_SECRET_KEY, SECRET));
        storage = S3Storage.create(settings.s3().orElseThrow(), temp.resolve("spool"));
    }

    @AfterEach
    void tearDown() {
        storage.close();
    }

    @Test
    void aStoredVideoReadsBackWholeWithItsSizeAndHash() throws Exception {
        PutOutcome.Stored stored = (PutOutcome.Stored) storage.put(new ByteArrayInputStream(video), video.length);

        assertThat(stored.size()).isEqualTo(video.length);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(video)));
        assertThat(storage.size(stored.key())).hasValue(video.length);
        assertThat(read(storage.open(stored.key()).orElseThrow())).isEqualTo(video);
        assertThat(blobs.getBlobStore().blobExists(bucket, stored.key().value()))
                .as("the object is named by the generated key").isTrue();
        assertThat(Files.list(temp.resolve("spool")).toList()).as("the spool file is gone").isEmpty();
    }

    @Test
    void aRangedReadFetchesExactlyThatRange() throws IOException {
        StorageKey key = ((PutOutcome.Stored) storage.put(new ByteArrayInputStream(video), video.length)).key();

        VideoSlice safariProbe = storage.open(key, 0, 2).orElseThrow();
        VideoSlice seek = storage.open(key, 2_000_000, 1000).orElseThrow();
        VideoSlice tail = storage.open(key, video.length - 10, 1000).orElseThrow();
        VideoSlice atEnd = storage.open(key, video.length, 1000).orElseThrow();

        assertThat(safariProbe.totalSize()).isEqualTo(video.length);
        assertThat(read(safariProbe)).containsExactly(video[0], video[1]);
        assertThat(seek.length()).isEqualTo(1000);
        assertThat(read(seek)).isEqualTo(java.util.Arrays.copyOfRange(video, 2_000_000, 2_001_000));
        assertThat(tail.length()).as("clamped to the end").isEqualTo(10);
        assertThat(read(tail)).isEqualTo(java.util.Arrays.copyOfRange(video, video.length - 10, video.length));
        assertThat(atEnd.length()).isZero();
        assertThat(read(atEnd)).isEmpty();
        assertThatThrownBy(() -> storage.open(key, video.length + 1L, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingARangeEarlyLeavesTheStorageUsable() throws IOException {
        StorageKey key = ((PutOutcome.Stored) storage.put(new ByteArrayInputStream(video), video.length)).key();

        for (int i = 0; i < 20; i++) {
            try (VideoSlice slice = storage.open(key, i * 1000L, video.length).orElseThrow()) {
                slice.channel().read(java.nio.ByteBuffer.allocate(100)); // a browser cancelling a seek
            }
        }

        assertThat(read(storage.open(key, 5, 3).orElseThrow())).containsExactly(video[5], video[6], video[7]);
    }

    @Test
    void anUploadOverTheCapLeavesNothingBehind() throws IOException {
        PutOutcome outcome = storage.put(new ByteArrayInputStream(video), 1000);

        assertThat(outcome).isEqualTo(new PutOutcome.TooLarge(1000));
        assertThat(blobs.getBlobStore().list(bucket)).isEmpty();
        assertThat(Files.list(temp.resolve("spool")).toList()).isEmpty();
    }

    @Test
    void aDeletedVideoIsGoneAndAnUnknownKeyIsAbsentNotAnError() throws IOException {
        StorageKey key = ((PutOutcome.Stored) storage.put(new ByteArrayInputStream(video), video.length)).key();

        assertThat(storage.delete(key)).isTrue();
        assertThat(storage.delete(key)).isFalse();
        assertThat(storage.exists(key)).isFalse();
        assertThat(storage.open(key)).isEmpty();
        assertThat(storage.open(key, 0, 0)).isEmpty();
        assertThat(storage.size(StorageKey.random(new java.security.SecureRandom()))).isEmpty();
    }

    @Test
    void anEmptyVideoIsStoredAndReadBack() throws IOException {
        StorageKey key = ((PutOutcome.Stored) storage.put(new ByteArrayInputStream(new byte[0]), 10)).key();

        VideoSlice slice = storage.open(key).orElseThrow();

        assertThat(slice.totalSize()).isZero();
        assertThat(read(slice)).isEmpty();
    }

    @Test
    void wrongCredentialsAreAnInfrastructureErrorNamingTheOperation() throws IOException {
        S3Storage wrong = S3Storage.create(new S3Settings(java.util.Optional.of(URI.create("http://127.0.0.1:"
                + proxy.getPort())), "us-east-1", bucket, java.util.Optional.of(ACCESS),
                java.util.Optional.of("not-the-secret"), true), temp.resolve("spool"));
        try {
            assertThatThrownBy(() -> wrong.put(new ByteArrayInputStream(video), video.length))
                    .isInstanceOf(IOException.class).hasMessageContaining("S3 PUT of");
        } finally {
            wrong.close();
        }
    }

    private static byte[] read(VideoSlice slice) throws IOException {
        try (slice; InputStream in = Channels.newInputStream(slice.channel())) {
            return in.readAllBytes();
        }
    }
}
