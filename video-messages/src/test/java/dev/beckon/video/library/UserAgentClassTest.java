package dev.beckon.video.library;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserAgentClassTest {

    @Test
    void linkPreviewersAreBots() {
        assertThat(UserAgentClass.of("WhatsApp/2.23.20.0 A")).isEqualTo(UserAgentClass.BOT);
        assertThat(UserAgentClass.of("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"))
                .isEqualTo(UserAgentClass.BOT);
        assertThat(UserAgentClass.of("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"))
                .isEqualTo(UserAgentClass.BOT);
    }

    @Test
    void browsersAreMobileOrDesktop() {
        assertThat(UserAgentClass.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
                + "Mobile/15E148 Safari/604.1")).isEqualTo(UserAgentClass.MOBILE);
        assertThat(UserAgentClass.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0"))
                .isEqualTo(UserAgentClass.DESKTOP);
        assertThat(UserAgentClass.of(null)).isEqualTo(UserAgentClass.OTHER);
        assertThat(UserAgentClass.of("curl/8.0")).isEqualTo(UserAgentClass.OTHER);
    }

    @Test
    void beaconKindsRoundTrip() {
        for (ViewEventKind kind : ViewEventKind.values()) {
            assertThat(ViewEventKind.ofColumn(kind.column())).isEqualTo(kind);
        }
        assertThat(ViewEventKind.ofColumn("landing")).isNull();
    }
}
