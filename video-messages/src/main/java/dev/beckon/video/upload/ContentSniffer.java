package dev.beckon.video.upload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides what an upload really is from its first bytes, ignoring the declared Content-Type and the file name
 * (both are the uploader's claims). Accepts ISO base media with a video brand (MP4, QuickTime) and EBML with a
 * {@code webm} or {@code matroska} DocType; rejects everything else with a reason: empty files, text, images
 * (including HEIF and AVIF, which also start with {@code ftyp}), audio-only MPEG-4, archives, executables.
 * Pure and stateless; thread-safe.
 */
public final class ContentSniffer {

    /** How many leading bytes to pass: enough for an ftyp box with its compatible brands and an EBML header. */
    public static final int HEAD_LENGTH = 128;

    private static final Set<String> QUICKTIME_BRANDS = Set.of("qt  ");
    private static final Set<String> MP4_VIDEO_BRANDS = Set.of(
            "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42", "mp71", "avc1",
            "dash", "M4V ", "M4VH", "M4VP", "mmp4", "MSNV", "NDAS", "f4v ", "3gp4", "3gp5", "3gp6", "3gp7", "3gp8",
            "3gp9", "3g2a", "3g2b", "3g2c");
    private static final Set<String> AUDIO_BRANDS = Set.of("M4A ", "M4B ", "M4P ", "F4A ", "F4B ");
    private static final Set<String> IMAGE_BRANDS = Set.of(
            "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis", "avci", "jpeg", "crx ");

    private static final int EBML_DOC_TYPE = 0x4282;

    private ContentSniffer() {
    }

    /**
     * @param head the upload's first bytes, ideally {@link #HEAD_LENGTH} of them (fewer when the upload is
     *             shorter); never null; not modified
     */
    public static SniffVerdict sniff(byte[] head) {
        if (head.length == 0) {
            return new SniffVerdict.Rejected("the file is empty (0 bytes)");
        }
        if (head.length >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            return isoMedia(head);
        }
        if (startsWith(head, 0x1A, 0x45, 0xDF, 0xA3)) {
            return ebml(head);
        }
        String known = KnownFormats.name(head);
        if (known != null) {
            return new SniffVerdict.Rejected("the file is " + known + ", not a video");
        }
        if (looksLikeText(head)) {
            return new SniffVerdict.Rejected("the file is text, not a video");
        }
        return new SniffVerdict.Rejected("the file is not an MP4, QuickTime or WebM video");
    }

    private static SniffVerdict isoMedia(byte[] head) {
        long boxSize = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        if (boxSize < 16 || boxSize % 4 != 0) {
            return new SniffVerdict.Rejected("the file has a malformed MP4 header ('ftyp' box of " + boxSize + " bytes)");
        }
        String major = ascii(head, 8, 4);
        List<String> brands = new ArrayList<>();
        brands.add(major);
        for (int at = 16; at + 4 <= Math.min(boxSize, head.length); at += 4) {
            brands.add(ascii(head, at, 4));
        }
        if (IMAGE_BRANDS.contains(major)) {
            return new SniffVerdict.Rejected("the file is a HEIF/AVIF image (brand '" + printable(major) + "'), not a video");
        }
        if (AUDIO_BRANDS.contains(major)) {
            return new SniffVerdict.Rejected("the file is MPEG-4 audio (brand '" + printable(major) + "'), not a video");
        }
        if (QUICKTIME_BRANDS.contains(major)) {
            return SniffVerdict.Sniffed.of(VideoContainer.QUICKTIME);
        }
        if (brands.stream().anyMatch(MP4_VIDEO_BRANDS::contains)) {
            return SniffVerdict.Sniffed.of(VideoContainer.MP4);
        }
        if (brands.stream().anyMatch(QUICKTIME_BRANDS::contains)) {
            return SniffVerdict.Sniffed.of(VideoContainer.QUICKTIME);
        }
        return new SniffVerdict.Rejected("the file is ISO media of an unsupported kind (brand '" + printable(major) + "')");
    }

    private static SniffVerdict ebml(byte[] head) {
        EbmlReader header = new EbmlReader(head, 4);
        long headerSize = header.size();
        if (headerSize < 0) {
            return new SniffVerdict.Rejected("the file has a malformed WebM/Matroska header");
        }
        long end = Math.min(head.length, header.position() + headerSize);
        EbmlReader reader = new EbmlReader(head, header.position());
        while (reader.position() < end) {
            int id = reader.id();
            long size = reader.size();
            if (id < 0 || size < 0 || reader.position() + size > end) {
                break;
            }
            if (id == EBML_DOC_TYPE) {
                String docType = ascii(head, reader.position(), (int) size).replace("\0", "");
                return switch (docType) {
                    case "webm" -> SniffVerdict.Sniffed.of(VideoContainer.WEBM);
                    case "matroska" -> SniffVerdict.Sniffed.of(VideoContainer.MATROSKA);
                    default -> new SniffVerdict.Rejected(
                            "the file is EBML of an unsupported kind (DocType '" + printable(docType) + "')");
                };
            }
            reader.skip(size);
        }
        return new SniffVerdict.Rejected("the file has a WebM/Matroska header without a document type");
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
            if (control) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    static String ascii(byte[] bytes, int from, int length) {
        int to = Math.min(bytes.length, from + length);
        return new String(bytes, from, Math.max(0, to - from), StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString();
    }
}
