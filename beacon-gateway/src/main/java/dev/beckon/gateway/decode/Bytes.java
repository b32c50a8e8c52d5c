package dev.beckon.gateway.decode;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.UUID;

/** Big-endian reads at fixed offsets of a payload whose length the caller has already checked. */
final class Bytes {

    private Bytes() {
    }

    static int unsigned8(byte[] data, int offset) {
        return data[offset] & 0xFF;
    }

    static int signed8(byte[] data, int offset) {
        return data[offset];
    }

    static int unsigned16(byte[] data, int offset) {
        return (data[offset] & 0xFF) << 8 | data[offset + 1] & 0xFF;
    }

    static int signed16(byte[] data, int offset) {
        return (short) unsigned16(data, offset);
    }

    static long unsigned32(byte[] data, int offset) {
        return (long) unsigned16(data, offset) << 16 | unsigned16(data, offset + 2);
    }

    static UUID uuid(byte[] data, int offset) {
        ByteBuffer buffer = ByteBuffer.wrap(data, offset, 16);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    static String hex(byte[] data, int offset, int length) {
        return HexFormat.of().formatHex(data, offset, offset + length);
    }
}
