package dev.beckon.video.storage;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@link S3Storage} keeps videos. {@link #toString()} leaves the secret key out, so it does not end up in
 * logs. Immutable and thread-safe.
 *
 * @param endpoint  an S3-compatible server ({@code http://127.0.0.1:9000}); empty for AWS itself
 * @param region    the signing region; S3-compatible servers accept any, commonly {@code us-east-1}
 * @param bucket    the bucket, which must exist
 * @param accessKey with {@code secretKey}, static credentials; both empty for the SDK's default chain
 *                  (environment, profile, instance role)
 * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}; needed by most
 *                  S3-compatible servers
 */
public record S3Settings(Optional<URI> endpoint, String region, String bucket, Optional<String> accessKey,
                         Optional<String> secretKey, boolean pathStyle) {

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("set both the S3 access key and the secret key, or neither");
        }
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint.map(URI::toString).orElse("(AWS)") + ", region=" + region
                + ", bucket=" + bucket + ", accessKey=" + accessKey.orElse("(default chain)")
                + ", secretKey=" + (secretKey.isPresent() ? "<redacted>" : "(default chain)")
                + ", pathStyle=" + pathStyle + "]";
    }
}
