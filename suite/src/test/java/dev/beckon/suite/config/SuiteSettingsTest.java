package dev.beckon.suite.config;

import dev.beckon.engine.channels.email.SmtpSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuiteSettingsTest {

    @Test
    void aNewcomerGetsEmbeddedDefaults() {
        SuiteSettings settings = SuiteSettings.from(key -> null);

        assertThat(settings.dataDir()).isEqualTo(Path.of("beckon-data").toAbsolutePath());
        assertThat(settings.databaseUrl()).startsWith("jdbc:h2:file:" + settings.dataDir().resolve("beckon"))
                .contains("MODE=PostgreSQL");
        assertThat(settings.embeddedDatabase()).isTrue();
        assertThat(settings.embeddedBroker()).isTrue();
        assertThat(settings.brokerHost()).isEqualTo("127.0.0.1");
        assertThat(settings.brokerPort()).isEqualTo(1884);
        assertThat(settings.sms().baseUrl()).hasToString("https://api.twilio.com");
        assertThat(settings.sms().configured()).isFalse();
        assertThat(settings.engine().defaultAbandonedCheckoutDelay()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.webhookMaxBodyBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void configuredValuesWin() {
        Map<String, String> config = Map.of(
                "beckon.db.url", "jdbc:postgresql://db:5432/beckon",
                "beckon.mqtt.embedded", "false",
                "beckon.sms.base-url", "http://127.0.0.1:9999/",
                "beckon.sms.account-sid", "AC1",
                "beckon.sms.auth-token", "t",
                "beckon.sms.from", "+15005550006",
                "beckon.abandoned-checkout.delay", "PT30M");

        SuiteSettings settings = SuiteSettings.from(config::get);

        assertThat(settings.embeddedDatabase()).isFalse();
        assertThat(settings.embeddedBroker()).isFalse();
        assertThat(settings.sms().messagesUri())
                .hasToString("http://127.0.0.1:9999/2010-04-01/Accounts/AC1/Messages.json");
        assertThat(settings.engine().defaultAbandonedCheckoutDelay()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> SuiteSettings.from(Map.of("beckon.mqtt.port", "mqtt")::get))
                .hasMessageStartingWith("beckon.mqtt.port must be a whole number");
        assertThatThrownBy(() -> SuiteSettings.from(Map.of("beckon.sms.base-url", "twilio")::get))
                .hasMessageStartingWith("beckon.sms.base-url must be an absolute http(s) URL");
        assertThatThrownBy(() -> SuiteSettings.from(Map.of("beckon.abandoned-checkout.delay", "1h")::get))
                .hasMessageStartingWith("beckon.abandoned-checkout.delay must be an ISO-8601 duration");
    }

    @Test
    void theSmtpRelayIsReadFromItsKeys() {
        SuiteSettings unset = SuiteSettings.from(key -> null);
        SuiteSettings set = SuiteSettings.from(Map.of(
                "beckon.email.smtp.host", "smtp.example.net",
                "beckon.email.smtp.port", "465",
                "beckon.email.smtp.username", "apikey",
                "beckon.email.smtp.password", "smtp-secret",
                "beckon.email.smtp.from", "Ann's Shop <hello@shop.example>",
                "beckon.email.smtp.security", "SSL",
                "beckon.email.smtp.timeout", "PT5S")::get);

        assertThat(unset.email().configured()).isFalse();
        assertThat(unset.email().port()).isEqualTo(587);
        assertThat(unset.email().security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(set.email()).isEqualTo(new SmtpSettings("smtp.example.net", 465, "apikey", "smtp-secret",
                "Ann's Shop <hello@shop.example>", SmtpSettings.Security.SSL, Duration.ofSeconds(5)));
        assertThat(set.toString()).doesNotContain("smtp-secret");
        assertThatThrownBy(() -> SuiteSettings.from(Map.of("beckon.email.smtp.security", "tls")::get))
                .hasMessageStartingWith("beckon.email.smtp.security must be none, starttls or ssl");
        assertThatThrownBy(() -> SuiteSettings.from(Map.of("beckon.email.smtp.port", "0")::get))
                .hasMessageStartingWith("beckon.email.smtp.port must be between 1 and 65535");
        assertThatThrownBy(() -> SuiteSettings.from(Map.of("beckon.email.smtp.from", "shop at example")::get))
                .hasMessageStartingWith("beckon.email.smtp.from must be an e-mail address");
    }

    @Test
    void secretsStayOutOfTheLog() {
        SuiteSettings settings = SuiteSettings.from(Map.of("beckon.sms.auth-token", "very-secret",
                "beckon.admin.token", "operator-secret-123456", "beckon.db.password", "db-secret")::get);

        assertThat(settings.toString()).doesNotContain("very-secret").doesNotContain("operator-secret")
                .doesNotContain("db-secret");
    }
}
