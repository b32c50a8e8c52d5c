package dev.beckon.video.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;

/**
 * A read-only view of {@code length} bytes of a file from {@code offset}, using positional reads. Closing it closes
 * the file. Not thread-safe: one reader.
 */
final class FileRangeChannel implements ReadableByteChannel {

    private final FileChannel file;
    private long position;
    private long remaining;

    FileRangeChannel(FileChannel file, long offset, long length) {
        this.file = file;
        this.position = offset;
        this.remaining = length;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!file.isOpen()) {
            throw new ClosedChannelException();
        }
        if (remaining == 0) {
            return -1;
        }
        int want = (int) Math.min(dst.remaining(), remaining);
        if (want == 0) {
            return 0;
        }
        int limit = dst.limit();
        dst.limit(dst.position() + want);
        int n;
        try {
            n = file.read(dst, position);
        } finally {
            dst.limit(limit);
        }
        if (n < 0) {
            remaining = 0; // the file got shorter underneath us; stored videos never do, but do not loop
            return -1;
        }
        position += n;
        remaining -= n;
        return n;
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
