package dev.beckon.gateway.decode;

/**
 * Hex text to bytes, with the failure as a value rather than an exception: exactly one of {@link #bytes()} and
 * {@link #failure()} is non-null.
 */
record HexPayload(byte[] bytes, DecodeFailure failure) {

    /** BLE extended advertising data tops out well below this; anything longer is not an advertisement. */
    static final int MAX_BYTES = 255;

    static HexPayload parse(String hex) {
        if (hex == null || hex.isEmpty()) {
            return new HexPayload(null, DecodeFailure.NO_DATA);
        }
        if (hex.length() > 2 * MAX_BYTES) {
            return new HexPayload(null, DecodeFailure.TOO_LONG);
        }
        if (hex.length() % 2 != 0) {
            return new HexPayload(null, DecodeFailure.ODD_LENGTH);
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0 || !isAscii(hex.charAt(2 * i)) || !isAscii(hex.charAt(2 * i + 1))) {
                return new HexPayload(null, DecodeFailure.NOT_HEX);
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return new HexPayload(bytes, null);
    }

    /** Character.digit accepts full-width and other Unicode digits; hex on the wire is ASCII only. */
    private static boolean isAscii(char c) {
        return c < 0x80;
    }
}
