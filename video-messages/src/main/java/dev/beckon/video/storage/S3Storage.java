package dev.beckon.video.storage;

import dev.beckon.video.upload.CappedCopy;
import dev.beckon.video.upload.CopyOutcome;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Videos as objects in an S3-compatible bucket, named by their generated {@link StorageKey} (never a user's file
 * name). Uploads are streamed under the cap into a temp file (which also gives the size and SHA-256), then sent as
 * one PUT with a known Content-Length from that file, so an object is visible only once complete and nothing is
 * held in memory. Reads are ranged GETs ({@code Range: bytes=a-b}), so a seek in the browser fetches only the bytes
 * it needs. Uses the JDK's {@code HttpURLConnection} client of the AWS SDK v2.
 *
 * <p>Thread-safe (the SDK client is). Every method blocks on the network; SDK failures are reported as
 * {@link IOException} (broken infrastructure), a missing object as empty or false. Close it to release the client.
 */
public final class S3Storage implements VideoStorage, AutoCloseable {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    private final S3Client client;
    private final String bucket;
    private final Path tempDir;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param tempDir where uploads are spooled before the PUT; one file per upload in progress, removed after it
     */
    public S3Storage(S3Client client, String bucket, Path tempDir) throws IOException {
        this.client = Objects.requireNonNull(client, "client");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.tempDir = Files.createDirectories(Objects.requireNonNull(tempDir, "tempDir"));
    }

    /** A client for {@code settings} on the URL-connection HTTP client, and storage over it. */
    public static S3Storage create(S3Settings settings, Path tempDir) throws IOException {
        AwsCredentialsProvider credentials = settings.accessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(),
                settings.secretKey().orElseThrow()))
                : DefaultCredentialsProvider.builder().build();
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(settings.region()))
                // checksums only where S3 requires them: S3-compatible servers do not all accept the SDK's
                // default aws-chunked uploads with trailing checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return new S3Storage(builder.build(), settings.bucket(), tempDir);
    }

    @Override
    public PutOutcome put(InputStream content, long cap) throws IOException {
        Path temp = Files.createTempFile(tempDir, "upload-", ".part");
        try {
            CopyOutcome copy;
            try (OutputStream out = Files.newOutputStream(temp)) {
                copy = CappedCopy.copy(content, out, cap);
            }
            if (!(copy instanceof CopyOutcome.Copied copied)) {
                return new PutOutcome.TooLarge(cap);
            }
            StorageKey key = StorageKey.random(random);
            try {
                client.putObject(PutObjectRequest.builder().bucket(bucket).key(key.value())
                        .contentType("application/octet-stream").contentLength(copied.bytes()).build(),
                        RequestBody.fromFile(temp));
            } catch (SdkException e) {
                throw new IOException("S3 PUT of " + key + " to bucket " + bucket + " failed: " + e.getMessage(), e);
            }
            return new PutOutcome.Stored(key, copied.bytes(), copied.sha256());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<VideoSlice> open(StorageKey key, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must be >= 0: " + offset + ", " + length);
        }
        if (length == 0) {
            return emptySliceAt(key, offset);
        }
        long last = length > Long.MAX_VALUE - offset ? -1 : offset + length - 1;
        String range = "bytes=" + offset + "-" + (last < 0 ? "" : Long.toString(last));
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = client.getObject(GetObjectRequest.builder().bucket(bucket).key(key.value()).range(range).build());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            if (e.statusCode() == 416) {
                return emptySliceAt(key, offset); // at (or past) the end, or an empty object
            }
            throw new IOException("S3 GET of " + key + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 GET of " + key + " failed: " + e.getMessage(), e);
        }
        try {
            GetObjectResponse response = in.response();
            String contentRange = response.contentRange();
            long total;
            long start;
            if (contentRange != null) {
                Matcher m = CONTENT_RANGE.matcher(contentRange);
                if (!m.matches()) {
                    throw new IOException("S3 answered an unreadable Content-Range for " + key + ": " + contentRange);
                }
                start = Long.parseLong(m.group(1));
                total = Long.parseLong(m.group(3));
            } else {
                start = 0; // the server ignored Range and sent the whole object
                total = response.contentLength();
            }
            if (start != 0 && start != offset) {
                throw new IOException("S3 answered bytes from " + start + " for a request from " + offset);
            }
            if (start == 0 && offset > 0) {
                in.skipNBytes(offset);
            }
            long sliceLength = Math.min(length, total - offset);
            return Optional.of(new VideoSlice(total, offset, sliceLength, new ObjectChannel(in, sliceLength)));
        } catch (IOException | RuntimeException e) {
            in.abort();
            in.close();
            throw e;
        }
    }

    @Override
    public OptionalLong size(StorageKey key) throws IOException {
        try {
            return OptionalLong.of(client.headObject(HeadObjectRequest.builder().bucket(bucket).key(key.value())
                    .build()).contentLength());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw new IOException("S3 HEAD of " + key + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 HEAD of " + key + " failed: " + e.getMessage(), e);
        }
    }

    /** S3's DELETE does not say whether the object existed, so a HEAD asks first. */
    @Override
    public boolean delete(StorageKey key) throws IOException {
        if (size(key).isEmpty()) {
            return false;
        }
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key.value()));
            return true;
        } catch (SdkException e) {
            throw new IOException("S3 DELETE of " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private Optional<VideoSlice> emptySliceAt(StorageKey key, long offset) throws IOException {
        OptionalLong size = size(key);
        if (size.isEmpty()) {
            return Optional.empty();
        }
        if (offset > size.getAsLong()) {
            throw new IllegalArgumentException("offset " + offset + " is past the end of " + size.getAsLong()
                    + " bytes");
        }
        return Optional.of(new VideoSlice(size.getAsLong(), offset, 0, new ObjectChannel(InputStream.nullInputStream(),
                0)));
    }

    /**
     * Exactly {@code remaining} bytes of an object's body. Closing before the end aborts the HTTP connection rather
     * than draining the rest (a seeking browser cancels ranges all the time).
     */
    private static final class ObjectChannel implements ReadableByteChannel {

        private final InputStream in;
        private long remaining;
        private boolean open = true;
        private byte[] chunk;

        ObjectChannel(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (!open) {
                throw new ClosedChannelException();
            }
            if (remaining == 0) {
                return -1;
            }
            int want = (int) Math.min(dst.remaining(), Math.min(remaining, 64 * 1024));
            if (want == 0) {
                return 0;
            }
            int n;
            if (dst.hasArray()) {
                n = in.read(dst.array(), dst.arrayOffset() + dst.position(), want);
                if (n > 0) {
                    dst.position(dst.position() + n);
                }
            } else {
                if (chunk == null) {
                    chunk = new byte[64 * 1024];
                }
                n = in.read(chunk, 0, want);
                if (n > 0) {
                    dst.put(chunk, 0, n);
                }
            }
            if (n < 0) {
                throw new IOException("the object ended " + remaining + " bytes early");
            }
            remaining -= n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            if (!open) {
                return;
            }
            open = false;
            if (remaining > 0 && in instanceof ResponseInputStream<?> response) {
                response.abort();
            }
            in.close();
        }
    }
}
