package dev.beckon.suite.video;

import java.util.regex.Pattern;

/**
 * {@code beckon.video.accel-redirect}: off by default. When set to a location prefix such as
 * {@code /beckon-video-files}, {@code /v/{token}/video.mp4} still checks the token, the link's expiry and what the
 * link plays, but answers with no body and {@code X-Accel-Redirect: <prefix>/<file below storage-root/objects>}; a
 * front nginx with an {@code internal} location for that prefix then sends the file itself with {@code sendfile} and
 * its own Range handling (configuration in docs/VIDEO-FRONT-NGINX.md). Only for local storage and only behind that
 * nginx: without it, players get an empty answer. The path after the prefix comes from the stored file's generated
 * key, never from the request. Immutable and thread-safe.
 *
 * @param prefix the configured location without a trailing slash; empty when off
 */
public record AccelRedirect(String prefix) {

    public static final String KEY = "beckon.video.accel-redirect";
    public static final String HEADER = "X-Accel-Redirect";

    /** The default: the suite sends the bytes itself. */
    public static final AccelRedirect OFF = new AccelRedirect("");

    /** One or more slash-led segments of URL-safe characters; no {@code .} or {@code ..} segment. */
    private static final Pattern FORMAT = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");

    /**
     * Reads the configured value: absent or blank is {@link #OFF}; a trailing slash is dropped.
     *
     * @throws IllegalArgumentException naming the key when the value is not an absolute URL path
     */
    public static AccelRedirect parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return OFF;
        }
        String value = configured.strip();
        String prefix = value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        if (!FORMAT.matcher(prefix).matches()) {
            throw new IllegalArgumentException(KEY + " must be a location path such as /beckon-video-files"
                    + " (letters, digits, '-', '_', '.', '~' between slashes), got '" + value + "'");
        }
        return new AccelRedirect(prefix);
    }

    /** True when a front server sends the bytes. */
    public boolean on() {
        return !prefix.isEmpty();
    }

    /** The header value for a file at {@code relativePath} below the storage's objects folder. */
    public String location(String relativePath) {
        if (!on()) {
            throw new IllegalStateException(KEY + " is off");
        }
        return prefix + "/" + relativePath;
    }
}
