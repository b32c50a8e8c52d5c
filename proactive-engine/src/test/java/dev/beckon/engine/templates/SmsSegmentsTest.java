package dev.beckon.engine.templates;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTest {

    @Test
    void oneHundredSixtyPlainCharactersFitInOneSegment() {
        assertThat(SmsSegments.of("a".repeat(160)))
                .isEqualTo(new SmsSegments(SmsEncoding.GSM_7, 160, 160, 1));
    }

    @Test
    void oneMoreCharacterMakesTwoSegmentsOf153() {
        assertThat(SmsSegments.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void extensionCharactersTakeTwoSeptets() {
        SmsSegments euro = SmsSegments.of("€");
        assertThat(euro.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(euro.characters()).isEqualTo(1);
        assertThat(euro.units()).isEqualTo(2);

        assertThat(SmsSegments.of("[]{}^~\\|").units()).isEqualTo(16);
        // 159 plain + one euro = 161 septets: no longer one segment
        assertThat(SmsSegments.of("a".repeat(159) + "€").segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(158) + "€").segments()).isEqualTo(1);
    }

    @Test
    void anEscapePairIsNotSplitAcrossParts() {
        // 152 plain septets, then a euro (2 septets) that does not fit in the first part of 153
        SmsSegments s = SmsSegments.of("a".repeat(152) + "€" + "a".repeat(152));
        assertThat(s.units()).isEqualTo(306);
        assertThat(s.segments()).isEqualTo(3);
    }

    @Test
    void gsmAccentsStayGsm7ButOtherAccentsForceUcs2() {
        assertThat(SmsSegments.of("Hola, ¿qué tal? ñ ü é à").encoding()).isEqualTo(SmsEncoding.GSM_7);
        SmsSegments withA = SmsSegments.of("Olá, á");
        assertThat(withA.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(SmsSegments.nonGsm7Characters("Olá, á ’")).isEqualTo("á’");
    }

    @Test
    void oneEmojiForcesUcs2AndCountsTwoCodeUnits() {
        SmsSegments s = SmsSegments.of("Your cart is waiting 🛒");
        assertThat(s.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(s.characters()).isEqualTo(22);
        assertThat(s.units()).isEqualTo(23);
        assertThat(s.segments()).isEqualTo(1);
    }

    @Test
    void ucs2SegmentsAre70Then67() {
        assertThat(SmsSegments.of("ж".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("ж".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ж".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ж".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void aSurrogatePairIsNotSplitAcrossParts() {
        // 66 units, then an emoji (2 units) that does not fit in the first part of 67, then 66 more
        SmsSegments s = SmsSegments.of("ж".repeat(66) + "😀" + "ж".repeat(66));
        assertThat(s.units()).isEqualTo(134);
        assertThat(s.segments()).isEqualTo(3);
    }

    @Test
    void anEmptyBodyHasNoSegments() {
        assertThat(SmsSegments.of("")).isEqualTo(new SmsSegments(SmsEncoding.GSM_7, 0, 0, 0));
    }

    @Test
    void newlinesAreOneSeptet() {
        assertThat(SmsSegments.of("a\nb\r").units()).isEqualTo(4);
    }
}
