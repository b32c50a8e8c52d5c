package dev.beckon.video.upload;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Real leading bytes of real files, as the uploader would send them. */
class ContentSnifferTest {

    /** ffmpeg's default MP4: ftyp isom, minor 0x200, compatible isom iso2 avc1 mp41, then a free box. */
    static final String FFMPEG_MP4 = "000000206674797069736f6d0000020069736f6d69736f32617663316d703431"
            + "0000000866726565";
    /** An Android camera MP4: ftyp mp42, compatible isom mp42. */
    static final String ANDROID_MP4 = "00000018667479706d70343200000000" + "69736f6d6d703432" + "00000008776964650000";
    /** An iPhone MOV: ftyp qt, minor 0, compatible qt, then a wide box. */
    static final String IPHONE_MOV = "0000001466747970717420200000000071742020" + "0000000877696465";
    /** Chrome's MediaRecorder WebM: EBML header with DocType webm, then the Segment id. */
    static final String CHROME_WEBM = "1a45dfa39f4286810142f7810142f2810442f381084282847765626d"
            + "4287810442858102" + "18538067";
    /** An mkvmerge Matroska header. */
    static final String MKV = "1a45dfa3a34286810142f7810142f2810442f381084282886d6174726f736b61"
            + "4287810442858102" + "18538067";

    @Test
    void anMp4IsAnMp4() {
        assertThat(sniff(FFMPEG_MP4)).isEqualTo(new SniffVerdict.Sniffed(VideoContainer.MP4, "video/mp4"));
        assertThat(sniff(ANDROID_MP4)).isEqualTo(new SniffVerdict.Sniffed(VideoContainer.MP4, "video/mp4"));
    }

    @Test
    void anIphoneMovIsQuickTime() {
        assertThat(sniff(IPHONE_MOV)).isEqualTo(new SniffVerdict.Sniffed(VideoContainer.QUICKTIME, "video/quicktime"));
    }

    @Test
    void aMediaRecorderWebmIsWebm() {
        assertThat(sniff(CHROME_WEBM)).isEqualTo(new SniffVerdict.Sniffed(VideoContainer.WEBM, "video/webm"));
    }

    @Test
    void aMatroskaFileIsMatroska() {
        assertThat(sniff(MKV)).isEqualTo(new SniffVerdict.Sniffed(VideoContainer.MATROSKA, "video/x-matroska"));
    }

    @Test
    void anUnknownMajorBrandWithAnMp4CompatibleBrandIsAnMp4() {
        String xavc = "000000186674797058415643" + "00000000" + "58415643" + "6d703432";

        assertThat(sniff(xavc)).isEqualTo(new SniffVerdict.Sniffed(VideoContainer.MP4, "video/mp4"));
    }

    @Test
    void anEmptyFileIsRejected() {
        assertThat(ContentSniffer.sniff(new byte[0])).isEqualTo(new SniffVerdict.Rejected("the file is empty (0 bytes)"));
    }

    @Test
    void aTextFileRenamedToMp4IsRejectedAsText() {
        byte[] text = "Thanks for your order!\nSee you soon.\n".getBytes(StandardCharsets.UTF_8);

        assertThat(ContentSniffer.sniff(text)).isEqualTo(new SniffVerdict.Rejected("the file is text, not a video"));
    }

    @Test
    void anHtmlFileWithUtf8IsRejectedAsText() {
        byte[] html = "<!doctype html><p>Grüße</p>".getBytes(StandardCharsets.UTF_8);

        assertThat(ContentSniffer.sniff(html)).isEqualTo(new SniffVerdict.Rejected("the file is text, not a video"));
    }

    @Test
    void aPngIsRejectedAsAnImage() {
        String png = "89504e470d0a1a0a0000000d4948445200000001000000010806000000";

        assertThat(sniff(png)).isEqualTo(new SniffVerdict.Rejected("the file is a PNG image, not a video"));
    }

    @Test
    void aJpegIsRejectedAsAnImage() {
        assertThat(sniff("ffd8ffe000104a46494600010100")).isEqualTo(
                new SniffVerdict.Rejected("the file is a JPEG image, not a video"));
    }

    @Test
    void anAvifImageIsRejectedThoughItStartsWithFtyp() {
        String avif = "0000001c667479706176696600000000617669666d6966316d696166";

        assertThat(sniff(avif)).isEqualTo(
                new SniffVerdict.Rejected("the file is a HEIF/AVIF image (brand 'avif'), not a video"));
    }

    @Test
    void anIphoneHeicPhotoIsRejected() {
        String heic = "00000018667479706865696300000000" + "6d69663168656963";

        assertThat(sniff(heic)).isEqualTo(
                new SniffVerdict.Rejected("the file is a HEIF/AVIF image (brand 'heic'), not a video"));
    }

    @Test
    void anM4aIsRejectedAsAudio() {
        String m4a = "00000020667479704d344120000000004d34412069736f6d6d70343269736f6d";

        assertThat(sniff(m4a)).isEqualTo(
                new SniffVerdict.Rejected("the file is MPEG-4 audio (brand 'M4A '), not a video"));
    }

    @Test
    void aMalformedFtypBoxIsRejected() {
        assertThat(sniff("0000000466747970" + "69736f6d")).isEqualTo(
                new SniffVerdict.Rejected("the file has a malformed MP4 header ('ftyp' box of 4 bytes)"));
    }

    @Test
    void anEbmlFileOfAnotherKindIsRejected() {
        String other = "1a45dfa38b4286810142828461626364";

        assertThat(sniff(other)).isEqualTo(
                new SniffVerdict.Rejected("the file is EBML of an unsupported kind (DocType 'abcd')"));
    }

    @Test
    void aTruncatedEbmlHeaderIsRejected() {
        assertThat(sniff("1a45dfa39f42868101")).isEqualTo(
                new SniffVerdict.Rejected("the file has a WebM/Matroska header without a document type"));
    }

    @Test
    void anAviIsRejectedWithAHint() {
        String avi = "52494646" + "00100000" + "41564920" + "4c495354";

        assertThat(sniff(avi)).isEqualTo(new SniffVerdict.Rejected(
                "the file is an AVI video, which is not accepted (use MP4, MOV or WebM), not a video"));
    }

    @Test
    void unknownBinaryIsRejected() {
        assertThat(sniff("000102030405060708090a0b0c0d0e0f")).isEqualTo(
                new SniffVerdict.Rejected("the file is not an MP4, QuickTime or WebM video"));
    }

    private static SniffVerdict sniff(String hex) {
        return ContentSniffer.sniff(HexFormat.of().parseHex(hex));
    }
}
