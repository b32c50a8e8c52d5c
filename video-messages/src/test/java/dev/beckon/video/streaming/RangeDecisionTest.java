package dev.beckon.video.streaming;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangeDecisionTest {

    @Test
    void aPartialTellsWhereToReadAndHowMuch() {
        RangeDecision decision = RangeRequest.get("bytes=1000-").evaluate(video(10_000));

        assertThat(decision).isEqualTo(new RangeDecision.Partial(1000, 9999, 10_000));
        assertThat(decision.contentLength()).isEqualTo(9000);
    }

    @Test
    void aPartialOutsideTheLengthIsABug() {
        assertThatThrownBy(() -> new RangeDecision.Partial(5, 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RangeDecision.Partial(5, 4, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVideoRepresentationNeedsAStrongETag() {
        assertThatThrownBy(() -> new Representation(1, new EntityTag("x", true), Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entityTagsParseOnlyTheirHeaderForm() {
        assertThat(EntityTag.parse("\"abc\"")).contains(EntityTag.strong("abc"));
        assertThat(EntityTag.parse("W/\"abc\"")).contains(new EntityTag("abc", true));
        assertThat(EntityTag.parse("\"\"")).contains(EntityTag.strong(""));
        assertThat(EntityTag.parse("abc")).isEmpty();
        assertThat(EntityTag.parse("\"a\"b\"")).isEmpty();
        assertThat(EntityTag.parse("\"a b\"")).isEmpty();
        assertThat(EntityTag.parse("w/\"abc\"")).isEmpty();
        assertThat(EntityTag.parse(null)).isEmpty();
    }

    private static Representation video(long length) {
        return new Representation(length, EntityTag.strong("v1"), Instant.parse("2026-11-20T10:15:30Z"));
    }
}
