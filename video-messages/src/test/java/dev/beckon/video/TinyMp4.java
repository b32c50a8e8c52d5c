package dev.beckon.video;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Builds the smallest MP4 headers a probe reads: {@code ftyp}, then {@code moov} with a movie header and one track
 * (header, media header, handler), then an {@code mdat} of filler. No playable media: enough for metadata tests.
 */
public final class TinyMp4 {

    private static final int TIMESCALE = 1000;

    private Duration duration = Duration.ofSeconds(20);
    private int width = 1280;
    private int height = 720;
    private String handler = "vide";
    private String brand = "isom";
    private boolean mdatFirst;
    private boolean largeSizeMdat;

    public static TinyMp4 video() {
        return new TinyMp4();
    }

    public TinyMp4 duration(Duration value) {
        duration = value;
        return this;
    }

    public TinyMp4 size(int w, int h) {
        width = w;
        height = h;
        return this;
    }

    public TinyMp4 handler(String value) {
        handler = value;
        return this;
    }

    public TinyMp4 brand(String value) {
        brand = value;
        return this;
    }

    /** Puts the media data before the movie header, as cameras do before a faststart remux. */
    public TinyMp4 mdatFirst() {
        mdatFirst = true;
        return this;
    }

    /** Writes the media data box with a 64-bit size field. */
    public TinyMp4 largeSizeMdat() {
        largeSizeMdat = true;
        return this;
    }

    public byte[] bytes() {
        byte[] ftyp = box("ftyp", concat(ascii(brand), u32(512), ascii(brand), ascii("mp41")));
        byte[] moov = moov();
        byte[] mdat = largeSizeMdat ? largeBox("mdat", new byte[64]) : box("mdat", new byte[64]);
        return mdatFirst ? concat(ftyp, mdat, moov) : concat(ftyp, moov, mdat);
    }

    public byte[] moov() {
        long units = duration.toMillis() * TIMESCALE / 1000;
        byte[] mvhd = box("mvhd", concat(u32(0), u32(0), u32(0), u32(TIMESCALE), u32(units), u32(0x00010000),
                u16(0x0100), new byte[10], matrix(), new byte[24], u32(2)));
        byte[] tkhd = box("tkhd", concat(u32(0x00000007), u32(0), u32(0), u32(1), u32(0), u32(units), new byte[8],
                u16(0), u16(0), u16(0), u16(0), matrix(), u32((long) width << 16), u32((long) height << 16)));
        byte[] mdhd = box("mdhd", concat(u32(0), u32(0), u32(0), u32(TIMESCALE), u32(units), u16(0x55C4), u16(0)));
        byte[] hdlr = box("hdlr", concat(u32(0), u32(0), ascii(handler), new byte[12], ascii("Handler\0")));
        byte[] mdia = box("mdia", concat(mdhd, hdlr));
        byte[] trak = box("trak", concat(tkhd, mdia));
        return box("moov", concat(mvhd, trak));
    }

    private static byte[] matrix() {
        return concat(u32(0x00010000), u32(0), u32(0), u32(0), u32(0x00010000), u32(0), u32(0), u32(0),
                u32(0x40000000));
    }

    public static byte[] box(String type, byte[] content) {
        return concat(u32(8 + content.length), ascii(type), content);
    }

    private static byte[] largeBox(String type, byte[] content) {
        return concat(u32(1), ascii(type), ByteBuffer.allocate(8).putLong(16L + content.length).array(), content);
    }

    private static byte[] u32(long value) {
        return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    private static byte[] u16(int value) {
        return ByteBuffer.allocate(2).putShort((short) value).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
