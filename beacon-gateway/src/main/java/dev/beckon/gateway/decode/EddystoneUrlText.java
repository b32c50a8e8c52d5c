package dev.beckon.gateway.decode;

import java.util.List;
import java.util.Optional;

/** Expands the scheme byte and encoded bytes of an Eddystone-URL frame into the URL they stand for. */
final class EddystoneUrlText {

    private static final List<String> SCHEMES = List.of("http://www.", "https://www.", "http://", "https://");
    private static final List<String> EXPANSIONS = List.of(
            ".com/", ".org/", ".edu/", ".net/", ".info/", ".biz/", ".gov/",
            ".com", ".org", ".edu", ".net", ".info", ".biz", ".gov");

    private EddystoneUrlText() {
    }

    /**
     * @param scheme  the scheme byte, 0..255
     * @param encoded the encoded URL bytes; may be empty
     * @return the URL, or empty when the scheme is reserved or a byte is neither printable ASCII (0x21-0x7E)
     *         nor an expansion code (0x00-0x0D)
     */
    static Optional<String> expand(int scheme, byte[] encoded) {
        if (scheme >= SCHEMES.size()) {
            return Optional.empty();
        }
        StringBuilder url = new StringBuilder(SCHEMES.get(scheme));
        for (byte b : encoded) {
            int code = b & 0xFF;
            if (code < EXPANSIONS.size()) {
                url.append(EXPANSIONS.get(code));
            } else if (code >= 0x21 && code <= 0x7E) {
                url.append((char) code);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(url.toString());
    }
}
