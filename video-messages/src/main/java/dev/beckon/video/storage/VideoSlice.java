package dev.beckon.video.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.Objects;

/**
 * An open read of part of a stored video: {@code channel} yields exactly {@code length} bytes starting at
 * {@code offset}, then end-of-stream. The caller closes it. Not thread-safe: one reader.
 *
 * @param totalSize the stored video's complete size
 * @param offset    where the slice starts; {@code <= totalSize}
 * @param length    how many bytes the channel yields; {@code offset + length <= totalSize}
 */
public record VideoSlice(long totalSize, long offset, long length, ReadableByteChannel channel) implements Closeable {

    public VideoSlice {
        Objects.requireNonNull(channel, "channel");
        if (offset < 0 || length < 0 || offset > totalSize || length > totalSize - offset) {
            throw new IllegalArgumentException(
                    "slice " + offset + "+" + length + " is not inside a size of " + totalSize);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
