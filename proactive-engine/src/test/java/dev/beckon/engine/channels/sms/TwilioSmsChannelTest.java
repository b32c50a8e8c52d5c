package dev.beckon.engine.channels.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.MessageId;
import dev.beckon.api.model.ShopId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel against a local HTTP server that answers as Twilio's Messages API does. */
class TwilioSmsChannelTest {

    static final String SID = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "f2c1d0e9b8a7f6e5d4c3b2a1f0e9d8c7";
    static final String FROM = "+15005550006";
    static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + SID + "/Messages.json";

    static final String QUEUED = """
            {"account_sid":"AC0123456789abcdef0123456789abcdef","api_version":"2010-04-01",\
            "body":"Hi Ann, your cart is waiting","date_created":"Mon, 23 Nov 2026 11:00:00 +0000",\
            "date_sent":null,"date_updated":"Mon, 23 Nov 2026 11:00:00 +0000","direction":"outbound-api",\
            "error_code":null,"error_message":null,"from":"+15005550006","messaging_service_sid":null,\
            "num_media":"0","num_segments":"1","price":null,"price_unit":"USD",\
            "sid":"SM1f0e8ae6ade43cb3c0ce4525424e404f","status":"queued",\
            "subresource_uris":{"media":"/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/\
            SM1f0e8ae6ade43cb3c0ce4525424e404f/Media.json"},"to":"+14155550100",\
            "uri":"/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/\
            SM1f0e8ae6ade43cb3c0ce4525424e404f.json"}""";

    static final String INVALID_TO = """
            {"code":21211,"message":"The 'To' number +1555 is not a valid phone number.",\
            "more_info":"https://www.twilio.com/docs/errors/21211","status":400}""";

    /** What the provider received. */
    record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst().orElse(null);
        }

        Map<String, String> form() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return fields;
        }
    }

    /** The provider's next answer. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    HttpServer twilio;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile Answer answer = new Answer(201, Map.of(), QUEUED);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean hang;

    @BeforeEach
    void startTwilio() throws IOException {
        twilio = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        twilio.createContext("/", this::answer);
        twilio.start();
    }

    @AfterEach
    void stopTwilio() {
        release.countDown();
        twilio.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            if (hang) {
                release.await(30, TimeUnit.SECONDS);
            }
            Answer a = answer;
            a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + twilio.getAddress().getPort());
    }

    TwilioSmsChannel channel(URI base, String sid, String token, String from, Duration timeout) {
        return new TwilioSmsChannel(new TwilioSettings(base, sid, token, from, timeout));
    }

    TwilioSmsChannel channel() {
        return channel(base(), SID, TOKEN, FROM, Duration.ofSeconds(5));
    }

    static OutboundMessage sms(String to, String body) {
        return new OutboundMessage(MessageId.of("4b1f3c52-7f0e-4d8e-9a55-3f0c8b1d2e77"), ShopId.of("shop-a"), to,
                null, body, "shop-a:abandoned-checkout:c1:sms-reminder");
    }

    Received onlyRequest() {
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    @Test
    void identifiesAsTheSmsChannel() {
        assertThat(channel().id()).isEqualTo("sms");
        assertThat(channel().type()).isEqualTo(ChannelType.SMS);
    }

    @Test
    void postsTheMessageFormToTheAccountsMessagesResourceWithBasicAuth() {
        channel().send(sms("+14155550100", "Hi Ann, your cart is waiting"));

        Received request = onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(MESSAGES_PATH);
        assertThat(request.query()).isNull();
        assertThat(request.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "To", "+14155550100", "From", FROM, "Body", "Hi Ann, your cart is waiting"));
    }

    @Test
    void encodesReservedAndNonAsciiCharactersInTheForm() {
        String body = "Zoë 👋 a&b=c+d 100% off? https://shop.example/r?key=k&utm=sms";

        channel().send(sms("+14155550100", body));

        Received request = onlyRequest();
        assertThat(request.form()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "To", "+14155550100", "From", FROM, "Body", body));
        assertThat(request.body()).doesNotContain("Zoë", "👋", " ", "+1415").contains("To=%2B14155550100");
    }

    @Test
    void aMessagingServiceSenderIsSentAsMessagingServiceSid() {
        channel(base(), SID, TOKEN, "MG9752274e9e519418a7406176694466fa", Duration.ofSeconds(5))
                .send(sms("+14155550100", "Hi"));

        assertThat(onlyRequest().form()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "To", "+14155550100", "MessagingServiceSid", "MG9752274e9e519418a7406176694466fa", "Body", "Hi"));
    }

    @Test
    void aQueuedMessageIsSentWithTwiliosSidAndStatus() {
        DeliveryReceipt receipt = channel().send(sms("+14155550100", "Hi"));

        assertThat(receipt).isEqualTo(new DeliveryReceipt.Sent("SM1f0e8ae6ade43cb3c0ce4525424e404f", "queued"));
    }

    @Test
    void anInvalidNumberIsAPermanentFailureWithTwiliosCodeAndMessage() {
        answer = new Answer(400, Map.of(), INVALID_TO);

        DeliveryReceipt receipt = channel().send(sms("+1555", "Hi"));

        assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.retryAfter()).isNull();
            assertThat(failed.reason()).contains("400", "21211",
                    "The 'To' number +1555 is not a valid phone number.");
        });
    }

    @Test
    void aRefusalWithOnlyACodeReadsCleanly() {
        answer = new Answer(401, Map.of(), "{\"code\":20003,\"status\":401}");

        DeliveryReceipt receipt = channel().send(sms("+14155550100", "Hi"));

        assertThat(receipt).isEqualTo(
                DeliveryReceipt.Failed.permanent("SMS provider refused the message (HTTP 401, code 20003)"));
    }

    @Test
    void aRefusalWithoutJsonStillNamesTheStatus() {
        answer = new Answer(403, Map.of(), "<html>Forbidden</html>");

        DeliveryReceipt receipt = channel().send(sms("+14155550100", "Hi"));

        assertThat(receipt).isEqualTo(DeliveryReceipt.Failed.permanent("SMS provider refused the message (HTTP 403)"));
    }

    @Test
    void tooManyRequestsIsRetryableAfterTheWaitTwilioAskedFor() {
        answer = new Answer(429, Map.of("Retry-After", "2"), """
                {"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429",\
                "status":429}""");

        DeliveryReceipt receipt = channel().send(sms("+14155550100", "Hi"));

        assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(2));
            assertThat(failed.reason()).contains("429", "20429", "Too Many Requests");
        });
    }

    @Test
    void aRetryAfterDateIsLeftToTheBackoff() {
        answer = new Answer(429, Map.of("Retry-After", "Mon, 23 Nov 2026 11:00:00 GMT"), "");

        DeliveryReceipt receipt = channel().send(sms("+14155550100", "Hi"));

        assertThat(receipt).isEqualTo(
                DeliveryReceipt.Failed.retryable("SMS provider refused the message (HTTP 429)", null));
    }

    @Test
    void aProviderOutageIsRetryable() {
        answer = new Answer(503, Map.of(), "Service Unavailable");

        DeliveryReceipt receipt = channel().send(sms("+14155550100", "Hi"));

        assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.retryAfter()).isNull();
            assertThat(failed.reason()).contains("503");
        });
    }

    @Test
    void anUnreachableProviderIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        DeliveryReceipt receipt = channel(URI.create("http://127.0.0.1:" + closedPort), SID, TOKEN, FROM,
                Duration.ofSeconds(5)).send(sms("+14155550100", "Hi"));

        assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("unreachable", "127.0.0.1:" + closedPort);
        });
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsRetryable() {
        hang = true;

        DeliveryReceipt receipt = channel(base(), SID, TOKEN, FROM, Duration.ofMillis(300))
                .send(sms("+14155550100", "Hi"));

        assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class,
                failed -> assertThat(failed.retryable()).isTrue());
    }

    @Test
    void anUnconfiguredChannelFailsPermanentlyWithoutCallingTheProvider() {
        List<TwilioSmsChannel> unconfigured = List.of(
                channel(base(), "", TOKEN, FROM, Duration.ofSeconds(5)),
                channel(base(), SID, " ", FROM, Duration.ofSeconds(5)),
                channel(base(), SID, TOKEN, null, Duration.ofSeconds(5)));

        for (TwilioSmsChannel channel : unconfigured) {
            DeliveryReceipt receipt = channel.send(sms("+14155550100", "Hi"));
            assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
                assertThat(failed.retryable()).isFalse();
                assertThat(failed.reason()).contains("BECKON_SMS_ACCOUNT_SID");
            });
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aBaseUrlWithATrailingSlashPostsToTheSamePath() {
        DeliveryReceipt receipt = channel(URI.create(base() + "/"), SID, TOKEN, FROM, Duration.ofSeconds(5))
                .send(sms("+14155550100", "Hi"));

        assertThat(onlyRequest().path()).isEqualTo(MESSAGES_PATH);
        assertThat(receipt).isInstanceOf(DeliveryReceipt.Sent.class);
    }

    @Test
    void aSuccessWithoutASidIsNotCountedAsSent() {
        answer = new Answer(200, Map.of(), "{\"status\":\"queued\"}");

        DeliveryReceipt receipt = channel().send(sms("+14155550100", "Hi"));

        assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("200", "sid");
        });
    }

    @Test
    void aSuccessWithAnEmptyBodyIsNotCountedAsSent() {
        answer = new Answer(201, Map.of(), "");

        assertThat(channel().send(sms("+14155550100", "Hi"))).isInstanceOf(DeliveryReceipt.Failed.class);
    }

    @Test
    void theAuthTokenIsNotShownInTheSettings() {
        assertThat(new TwilioSettings(base(), SID, TOKEN, FROM, Duration.ofSeconds(5)).toString())
                .doesNotContain(TOKEN).contains(SID);
    }
}
