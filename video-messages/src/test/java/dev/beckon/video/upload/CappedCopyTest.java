package dev.beckon.video.upload;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CappedCopyTest {

    @Test
    void exactlyTheCapIsCopied() throws IOException {
        byte[] input = "0123456789".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        CopyOutcome outcome = CappedCopy.copy(new ByteArrayInputStream(input), out, 10);

        assertThat(outcome).isEqualTo(new CopyOutcome.Copied(10,
                "84d89877f0d4041efb6bf91a16f0248f2fd573e6af05c19f96bedb9f882f7882"));
        assertThat(out.toByteArray()).isEqualTo(input);
    }

    @Test
    void oneByteOverTheCapIsTooLarge() throws IOException {
        byte[] input = "0123456789X".getBytes(StandardCharsets.US_ASCII);

        CopyOutcome outcome = CappedCopy.copy(new ByteArrayInputStream(input), new ByteArrayOutputStream(), 10);

        assertThat(outcome).isEqualTo(new CopyOutcome.TooLarge(10));
    }

    @Test
    void anEmptyInputIsCopiedAsZeroBytes() throws IOException {
        CopyOutcome outcome = CappedCopy.copy(InputStream.nullInputStream(), OutputStream.nullOutputStream(), 10);

        assertThat(outcome).isEqualTo(new CopyOutcome.Copied(0,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    @Test
    void aSlowTrickleIsCountedAcrossManyReads() throws IOException {
        InputStream oneByteAtATime = new GeneratedStream(1000) {
            @Override
            public int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };

        assertThat(CappedCopy.copy(oneByteAtATime, OutputStream.nullOutputStream(), 999))
                .isEqualTo(new CopyOutcome.TooLarge(999));
    }

    @Test
    void anEndlessUploadStopsJustPastTheCapHoldingOneBufferAtMost() throws IOException {
        long cap = 32L * 1024 * 1024;
        GeneratedStream endless = new GeneratedStream(Long.MAX_VALUE);
        InFlightSink sink = new InFlightSink(endless);

        CopyOutcome outcome = CappedCopy.copy(endless, sink, cap);

        assertThat(outcome).isEqualTo(new CopyOutcome.TooLarge(cap));
        assertThat(sink.written).isLessThanOrEqualTo(cap);
        assertThat(endless.produced).isLessThanOrEqualTo(cap + CappedCopy.BUFFER_SIZE);
        assertThat(sink.maxInFlight).isLessThanOrEqualTo(CappedCopy.BUFFER_SIZE);
    }

    @Test
    void aLargeUploadUnderTheCapStreamsThroughWithoutPilingUp() throws IOException {
        long size = 64L * 1024 * 1024 + 7;
        GeneratedStream upload = new GeneratedStream(size);
        InFlightSink sink = new InFlightSink(upload);

        CopyOutcome outcome = CappedCopy.copy(upload, sink, size);

        assertThat(outcome).isInstanceOf(CopyOutcome.Copied.class);
        assertThat(((CopyOutcome.Copied) outcome).bytes()).isEqualTo(size);
        assertThat(sink.written).isEqualTo(size);
        assertThat(sink.maxInFlight).isLessThanOrEqualTo(CappedCopy.BUFFER_SIZE);
    }

    /** Bytes made up on demand: nothing stores the stream, so only the code under test could hold it. */
    static class GeneratedStream extends InputStream {

        private final long size;
        long produced;

        GeneratedStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (produced >= size) {
                return -1;
            }
            return (int) (produced++ % 251);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (produced >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - produced);
            Arrays.fill(b, off, off + n, (byte) (produced % 251));
            produced += n;
            return n;
        }
    }

    /** Discards what it gets, remembering how far the reader was ahead of the writer at worst. */
    static final class InFlightSink extends OutputStream {

        private final GeneratedStream source;
        long written;
        long maxInFlight;

        InFlightSink(GeneratedStream source) {
            this.source = source;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            maxInFlight = Math.max(maxInFlight, source.produced - written);
            written += len;
        }
    }
}
