package dev.beckon.video.upload;

/**
 * Reads EBML variable-length integers (RFC 8794 §4) from a byte array, for the few header elements the sniffer
 * needs. Not thread-safe: one reader per sniff.
 */
final class EbmlReader {

    private final byte[] bytes;
    private int position;

    EbmlReader(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    int position() {
        return position;
    }

    /** An element id (1 to 4 bytes, marker bit kept), or -1 when malformed or cut off. */
    int id() {
        int width = width(4);
        if (width < 0) {
            return -1;
        }
        int id = 0;
        for (int i = 0; i < width; i++) {
            id = (id << 8) | (bytes[position + i] & 0xFF);
        }
        position += width;
        return id;
    }

    /** An element data size (1 to 8 bytes, marker bit removed), or -1 when malformed, cut off or "unknown". */
    long size() {
        int width = width(8);
        if (width < 0) {
            return -1;
        }
        long value = (bytes[position] & 0xFF) & (0xFF >> width);
        boolean allOnes = value == (0xFF >> width);
        for (int i = 1; i < width; i++) {
            int b = bytes[position + i] & 0xFF;
            allOnes &= b == 0xFF;
            value = (value << 8) | b;
        }
        position += width;
        return allOnes ? -1 : value;
    }

    void skip(long size) {
        position = (int) Math.min(bytes.length, position + size);
    }

    private int width(int max) {
        if (position >= bytes.length) {
            return -1;
        }
        int first = bytes[position] & 0xFF;
        int width = Integer.numberOfLeadingZeros(first) - 23;
        return first == 0 || width > max || position + width > bytes.length ? -1 : width;
    }
}
