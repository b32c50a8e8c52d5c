package dev.beckon.video.links;

import dev.beckon.api.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkTokensTest {

    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration NINETY_DAYS = Duration.ofDays(90);

    final MutableClock clock = new MutableClock(START);
    final LinkTokens tokens = new LinkTokens(clock);

    @Test
    void tokensAreUniqueUrlSafeAndCarryAtLeast128RandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = tokens.issue(NINETY_DAYS).token();

            assertThat(token).matches("[A-Za-z0-9_-]{32}");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(24);
            assertThat(seen.add(token)).as("token %s issued twice", token).isTrue();
        }
    }

    @Test
    void anIssuedTokenIsValidAndRecordsItsTimes() {
        IssuedLink link = tokens.issue(NINETY_DAYS);

        assertThat(tokens.check(link.token())).isEqualTo(new TokenCheck.Valid(link.record()));
        assertThat(link.record().createdAt()).isEqualTo(START);
        assertThat(link.record().expiresAt()).isEqualTo(START.plus(NINETY_DAYS));
        assertThat(link.record().revokedAt()).isNull();
    }

    @Test
    void theStoredRecordDoesNotContainTheToken() {
        IssuedLink link = tokens.issue(NINETY_DAYS);

        assertThat(link.record().toString()).doesNotContain(link.token());
        assertThat(link.toString()).doesNotContain(link.token());
    }

    @Test
    void aTokenWorksUntilTheLastInstantBeforeItsExpiry() {
        String token = tokens.issue(Duration.ofHours(1)).token();

        clock.advance(Duration.ofHours(1).minusNanos(1));
        assertThat(tokens.check(token)).isInstanceOf(TokenCheck.Valid.class);

        clock.advance(Duration.ofNanos(1));
        assertThat(tokens.check(token)).isEqualTo(new TokenCheck.Expired(START.plus(Duration.ofHours(1))));

        clock.advance(Duration.ofDays(400));
        assertThat(tokens.check(token)).isEqualTo(new TokenCheck.Expired(START.plus(Duration.ofHours(1))));
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnceAndRemembersWhen() {
        String token = tokens.issue(NINETY_DAYS).token();
        clock.advance(Duration.ofMinutes(5));

        assertThat(tokens.revoke(token)).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(tokens.revoke(token)).isTrue();

        assertThat(tokens.check(token)).isEqualTo(new TokenCheck.Revoked(START.plus(Duration.ofMinutes(5))));
    }

    @Test
    void revokingOneTokenLeavesOthersWorking() {
        String revoked = tokens.issue(NINETY_DAYS).token();
        String kept = tokens.issue(NINETY_DAYS).token();

        tokens.revoke(revoked);

        assertThat(tokens.check(kept)).isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void revocationIsReportedEvenAfterExpiry() {
        String token = tokens.issue(Duration.ofHours(1)).token();
        tokens.revoke(token);

        clock.advance(Duration.ofHours(2));

        assertThat(tokens.check(token)).isEqualTo(new TokenCheck.Revoked(START));
    }

    @Test
    void unknownAndMalformedTokensAreUnknown() {
        String issued = tokens.issue(NINETY_DAYS).token();
        String neverIssued = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        assertThat(tokens.check(neverIssued)).isEqualTo(new TokenCheck.Unknown());
        assertThat(tokens.check(issued.substring(1))).isEqualTo(new TokenCheck.Unknown());
        assertThat(tokens.check(issued + "x")).isEqualTo(new TokenCheck.Unknown());
        assertThat(tokens.check("../../etc/passwd")).isEqualTo(new TokenCheck.Unknown());
        assertThat(tokens.check("")).isEqualTo(new TokenCheck.Unknown());
        assertThat(tokens.check(null)).isEqualTo(new TokenCheck.Unknown());
        assertThat(tokens.revoke(neverIssued)).isFalse();
        assertThat(tokens.revoke(null)).isFalse();
    }

    @Test
    void aTimeToLiveMustBePositive() {
        assertThatThrownBy(() -> tokens.issue(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hashOfGivesTheStoredHashForWellFormedTokensOnly() {
        IssuedLink issued = tokens.issue(NINETY_DAYS);

        assertThat(LinkTokens.hashOf(issued.token())).contains(issued.record().tokenHash());
        assertThat(LinkTokens.hashOf(issued.record().tokenHash())).isEmpty();
        assertThat(LinkTokens.hashOf("../../etc/passwd")).isEmpty();
        assertThat(LinkTokens.hashOf(null)).isEmpty();
    }
}
