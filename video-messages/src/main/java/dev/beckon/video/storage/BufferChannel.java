package dev.beckon.video.storage;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;

/**
 * A read-only channel over a buffer's remaining bytes (a slice of a kept file mapping): each read is one copy out of
 * the page cache. Closing it only stops it; the mapping belongs to the storage. Not thread-safe: one reader.
 */
final class BufferChannel implements ReadableByteChannel {

    private final ByteBuffer source;
    private boolean open = true;

    BufferChannel(ByteBuffer source) {
        this.source = source;
    }

    @Override
    public int read(ByteBuffer dst) throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if (!source.hasRemaining()) {
            return -1;
        }
        int n = Math.min(dst.remaining(), source.remaining());
        dst.put(dst.position(), source, source.position(), n);
        dst.position(dst.position() + n);
        source.position(source.position() + n);
        return n;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
