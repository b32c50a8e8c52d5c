package dev.beckon.suite.config;

import dev.beckon.engine.EngineSettings;
import dev.beckon.engine.channels.email.SmtpSettings;
import dev.beckon.engine.channels.sms.TwilioSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every setting of the suite, read once at start. Each key has a default and is listed in the README; as
 * environment variables the keys are upper-cased with dots and dashes as underscores
 * ({@code beckon.sms.base-url} is {@code BECKON_SMS_BASE_URL}).
 */
public record SuiteSettings(Path dataDir, String databaseUrl, String databaseUser, String databasePassword,
                            int databasePoolSize, String adminToken, boolean embeddedBroker, String brokerHost,
                            int brokerPort, TwilioSettings sms, EngineSettings engine, long webhookMaxBodyBytes,
                            URI publicBaseUrl, SmtpSettings email) {

    /** The keys and their defaults; an empty default means "not set". */
    public static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("beckon.data-dir", "./beckon-data"),
            Map.entry("beckon.public-base-url", "http://localhost:8080"),
            Map.entry("beckon.db.url", ""),
            Map.entry("beckon.db.user", ""),
            Map.entry("beckon.db.password", ""),
            Map.entry("beckon.db.pool-size", "10"),
            Map.entry("beckon.admin.token", ""),
            Map.entry("beckon.mqtt.embedded", "true"),
            Map.entry("beckon.mqtt.host", "127.0.0.1"),
            Map.entry("beckon.mqtt.port", "1884"),
            Map.entry("beckon.sms.base-url", "https://api.twilio.com"),
            Map.entry("beckon.sms.account-sid", ""),
            Map.entry("beckon.sms.auth-token", ""),
            Map.entry("beckon.sms.from", ""),
            Map.entry("beckon.sms.timeout", "PT10S"),
            Map.entry("beckon.email.smtp.host", ""),
            Map.entry("beckon.email.smtp.port", "587"),
            Map.entry("beckon.email.smtp.username", ""),
            Map.entry("beckon.email.smtp.password", ""),
            Map.entry("beckon.email.smtp.from", ""),
            Map.entry("beckon.email.smtp.security", "starttls"),
            Map.entry("beckon.email.smtp.timeout", "PT10S"),
            Map.entry("beckon.abandoned-checkout.delay", "PT1H"),
            Map.entry("beckon.engine.poll-interval", "PT1S"),
            Map.entry("beckon.engine.batch-size", "50"),
            Map.entry("beckon.engine.workers", "2"),
            Map.entry("beckon.outbox.concurrency", "16"),
            Map.entry("beckon.outbox.retry-base", "PT30S"),
            Map.entry("beckon.outbox.retry-max", "PT1H"),
            Map.entry("beckon.outbox.max-attempts", "5"),
            Map.entry("beckon.outbox.send-lease", "PT10M"),
            Map.entry("beckon.webhooks.max-body-bytes", "1048576"));

    public SuiteSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(email, "email");
    }

    /**
     * Builds the settings from a lookup of configured values (MicroProfile Config in the suite, a map in tests);
     * keys the lookup does not know take their defaults.
     *
     * @throws IllegalArgumentException naming the key whose value is invalid
     */
    public static SuiteSettings from(Function<String, String> lookup) {
        Map<String, String> values = new java.util.HashMap<>();
        DEFAULTS.forEach((key, fallback) -> {
            String value = lookup.apply(key);
            values.put(key, value == null ? fallback : value.strip());
        });
        Path dataDir = Path.of(values.get("beckon.data-dir")).toAbsolutePath().normalize();
        String url = values.get("beckon.db.url");
        if (url.isEmpty()) {
            url = "jdbc:h2:file:" + dataDir.resolve("beckon") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        }
        TwilioSettings sms = new TwilioSettings(uri(values, "beckon.sms.base-url"), values.get("beckon.sms.account-sid"),
                values.get("beckon.sms.auth-token"), values.get("beckon.sms.from"),
                duration(values, "beckon.sms.timeout"));
        SmtpSettings email = email(values);
        return new SuiteSettings(dataDir, url, values.get("beckon.db.user"), values.get("beckon.db.password"),
                integer(values, "beckon.db.pool-size"), values.get("beckon.admin.token"),
                Boolean.parseBoolean(values.get("beckon.mqtt.embedded")), values.get("beckon.mqtt.host"),
                integer(values, "beckon.mqtt.port"), sms, EngineSettings.from(values),
                integer(values, "beckon.webhooks.max-body-bytes"), uri(values, "beckon.public-base-url"), email);
    }

    private static SmtpSettings email(Map<String, String> values) {
        SmtpSettings.Security security;
        try {
            security = SmtpSettings.Security.parse(values.get("beckon.email.smtp.security"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("beckon.email.smtp.security " + e.getMessage(), e);
        }
        int port = integer(values, "beckon.email.smtp.port");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("beckon.email.smtp.port must be between 1 and 65535, got " + port);
        }
        Duration timeout = duration(values, "beckon.email.smtp.timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("beckon.email.smtp.timeout must be positive, got " + timeout);
        }
        String from = values.get("beckon.email.smtp.from");
        if (!from.isEmpty()) {
            try {
                new jakarta.mail.internet.InternetAddress(from, true);
            } catch (jakarta.mail.internet.AddressException e) {
                throw new IllegalArgumentException("beckon.email.smtp.from must be an e-mail address such as"
                        + " 'Shop <mail@shop.example>', got '" + from + "'", e);
            }
        }
        return new SmtpSettings(values.get("beckon.email.smtp.host"), port, values.get("beckon.email.smtp.username"),
                values.get("beckon.email.smtp.password"), from, security, timeout);
    }

    public boolean embeddedDatabase() {
        return databaseUrl.startsWith("jdbc:h2:");
    }

    private static int integer(Map<String, String> values, String key) {
        try {
            return Integer.parseInt(values.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + values.get(key) + "'", e);
        }
    }

    private static Duration duration(Map<String, String> values, String key) {
        try {
            return Duration.parse(values.get(key));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT10S, got '"
                    + values.get(key) + "'", e);
        }
    }

    private static URI uri(Map<String, String> values, String key) {
        try {
            URI uri = URI.create(values.get(key));
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be an absolute http(s) URL, got '" + values.get(key) + "'",
                    e);
        }
    }

    @Override
    public String toString() {
        return "SuiteSettings[dataDir=" + dataDir + ", databaseUrl=" + databaseUrl + ", embeddedBroker="
                + embeddedBroker + ", broker=" + brokerHost + ":" + brokerPort + ", sms=" + sms + ", email=" + email
                + ", engine=" + engine + "]";
    }
}
