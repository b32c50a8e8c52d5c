package dev.beckon.video.upload;

/** Signatures of common non-video files, so a rejection can say what the file is. Stateless; thread-safe. */
final class KnownFormats {

    private KnownFormats() {
    }

    /** @return a name such as "a PNG image", or null when the bytes match none of the known signatures */
    static String name(byte[] head) {
        if (ContentSniffer.startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "a PNG image";
        }
        if (ContentSniffer.startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (ContentSniffer.startsWith(head, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (ContentSniffer.startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return "a PDF document";
        }
        if (ContentSniffer.startsWith(head, 'P', 'K', 0x03, 0x04)) {
            return "a ZIP archive";
        }
        if (ContentSniffer.startsWith(head, 0x7F, 'E', 'L', 'F') || ContentSniffer.startsWith(head, 'M', 'Z')) {
            return "a program";
        }
        if (ContentSniffer.startsWith(head, 'I', 'D', '3') || ContentSniffer.startsWith(head, 'O', 'g', 'g', 'S')) {
            return "audio";
        }
        if (ContentSniffer.startsWith(head, 'R', 'I', 'F', 'F')) {
            return switch (ContentSniffer.ascii(head, 8, 4)) {
                case "AVI " -> "an AVI video, which is not accepted (use MP4, MOV or WebM)";
                case "WEBP" -> "a WebP image";
                case "WAVE" -> "WAV audio";
                default -> "a RIFF file";
            };
        }
        return null;
    }
}
