package dev.beckon.video.metadata;

import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.HandlerBox;
import org.mp4parser.boxes.iso14496.part12.MediaBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Reads duration, width and height of an MP4 or QuickTime file without ffmpeg. Finds the top-level {@code moov}
 * box by walking box headers (following 64-bit sizes), reads only that box, at most {@link #MAX_MOOV_BYTES}, and
 * lets mp4parser's {@code isoparser} decode it: the movie header's duration and time scale, and the display size
 * from the header of the first track whose handler is {@code vide}. The media data is never read, so a 200 MB
 * upload costs a few KiB of I/O, and a hostile size field cannot make it allocate more than the cap.
 *
 * <p>Fragmented MP4 without a declared duration, and WebM/Matroska, are {@link ProbeResult.Unreadable}. Stateless
 * and thread-safe; blocks on file I/O.
 */
public final class Mp4Probe {

    /** The largest {@code moov} read; a 3-minute clip's is tens of KiB, a 2-hour film's a few MiB. */
    public static final int MAX_MOOV_BYTES = 16 * 1024 * 1024;
    private static final int MAX_TOP_LEVEL_BOXES = 1024;
    private static final System.Logger LOG = System.getLogger(Mp4Probe.class.getName());

    static {
        IsoparserBoxMap.prime(); // inside a WAR isoparser cannot find its box map on its own
    }

    private Mp4Probe() {
    }

    /** Probes the file at {@code path}; never throws for bad content. */
    public static ProbeResult probe(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return probe(channel);
        }
    }

    /**
     * Probes from the channel's start; never throws for bad content.
     *
     * @throws IOException when reading fails (infrastructure, not content)
     */
    public static ProbeResult probe(SeekableByteChannel channel) throws IOException {
        byte[] moov = findMoov(channel);
        if (moov == null) {
            return new ProbeResult.Unreadable("the file has no movie header ('moov' box); it may be cut off");
        }
        if (moov.length == 0) {
            return new ProbeResult.Unreadable("the file's movie header is malformed or too large");
        }
        try (IsoFile iso = new IsoFile(Channels.newChannel(new ByteArrayInputStream(moov)))) {
            return decode(iso);
        } catch (RuntimeException | IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "movie header not readable", e);
            return new ProbeResult.Unreadable("the file's movie header could not be read (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private static ProbeResult decode(IsoFile iso) {
        MovieBox movie = iso.getMovieBox();
        MovieHeaderBox header = movie == null ? null : movie.getMovieHeaderBox();
        if (header == null) {
            return new ProbeResult.Unreadable("the file has no movie header ('mvhd' box)");
        }
        if (header.getTimescale() <= 0) {
            return new ProbeResult.Unreadable("the file's movie header has no time scale");
        }
        if (header.getDuration() <= 0) {
            return new ProbeResult.Unreadable("the file does not declare its duration (a fragmented recording?)");
        }
        Duration duration = Duration.ofMillis(Math.multiplyHigh(header.getDuration(), 1000) != 0
                ? Long.MAX_VALUE : header.getDuration() * 1000 / header.getTimescale());
        for (TrackBox track : movie.getBoxes(TrackBox.class)) {
            MediaBox media = track.getMediaBox();
            HandlerBox handler = media == null ? null : media.getHandlerBox();
            TrackHeaderBox trackHeader = track.getTrackHeaderBox();
            if (handler == null || trackHeader == null || !"vide".equals(handler.getHandlerType())) {
                continue;
            }
            int width = (int) Math.round(trackHeader.getWidth());
            int height = (int) Math.round(trackHeader.getHeight());
            if (width <= 0 || height <= 0) {
                return new ProbeResult.Unreadable("the video track declares no picture size");
            }
            return new ProbeResult.Probed(duration, width, height);
        }
        return new ProbeResult.Unreadable("the file has no video track");
    }

    /** The bytes of the first top-level moov box; null when there is none; empty when malformed or too large. */
    private static byte[] findMoov(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        long at = 0;
        ByteBuffer header = ByteBuffer.allocate(16);
        for (int boxes = 0; boxes < MAX_TOP_LEVEL_BOXES && at + 8 <= size; boxes++) {
            header.clear().limit(8);
            if (!readFully(channel.position(at), header)) {
                return null;
            }
            long boxSize = header.getInt(0) & 0xFFFFFFFFL;
            String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
            int headerLength = 8;
            if (boxSize == 1) {
                header.limit(16);
                if (!readFully(channel, header)) {
                    return null;
                }
                boxSize = header.getLong(8);
                headerLength = 16;
            } else if (boxSize == 0) {
                boxSize = size - at;
            }
            if (boxSize < headerLength) {
                return new byte[0];
            }
            if (type.equals("moov")) {
                if (boxSize > MAX_MOOV_BYTES || at + boxSize > size) {
                    return new byte[0];
                }
                ByteBuffer moov = ByteBuffer.allocate((int) boxSize);
                return readFully(channel.position(at), moov) ? moov.array() : new byte[0];
            }
            at += boxSize;
        }
        return null;
    }

    private static boolean readFully(SeekableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }
}
