package dev.beckon.engine.channels.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.MessageId;
import dev.beckon.api.model.ShopId;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpEmailChannelTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final ShopId SHOP = ShopId.of("shop-1");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
    private static final MailingHooks HOOKS = new MailingHooks() {
        @Override
        public Optional<String> senderName(ShopId shop) {
            return Optional.of("Ärzte & Söhne");
        }

        @Override
        public Optional<UnsubscribeLink> unsubscribeLink(OutboundMessage message) {
            return Optional.of(new UnsubscribeLink(URI.create("https://beckon.example/u/tok-" + message.id().value()),
                    "unsubscribe@shop.example"));
        }
    };

    private SmtpSettings settings(int port) {
        return new SmtpSettings("127.0.0.1", port, "", "", "Beckon <mail@shop.example>", SmtpSettings.Security.NONE,
                Duration.ofSeconds(5));
    }

    private SmtpEmailChannel channel() {
        return new SmtpEmailChannel(settings(SMTP.getSmtp().getPort()), HOOKS, CLOCK);
    }

    private static OutboundMessage message(String id, String to) {
        return new OutboundMessage(MessageId.of(id), SHOP, to, "Dein Warenkorb wartet – 10 % Rabatt",
                "Hi Zoë,\nComplete your order: https://shop.example/r/abc", id);
    }

    @Test
    void marketingMailArrivesAsTextAndHtmlWithSenderNameMessageIdAndOneClickUnsubscribe() throws Exception {
        DeliveryReceipt receipt = channel().send(message("msg-1", "zoe@example.com"),
                "<p>Hi Zoë, <a href=\"https://shop.example/r/abc\">Complete your order</a></p>",
                Consent.Purpose.MARKETING);

        assertThat(receipt).isEqualTo(new DeliveryReceipt.Sent("<msg-1@shop.example>", "accepted"));
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Dein Warenkorb wartet – 10 % Rabatt");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("mail@shop.example");
        assertThat(from.getPersonal()).isEqualTo("Ärzte & Söhne");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("zoe@example.com");
        assertThat(mail.getMessageID()).isEqualTo("<msg-1@shop.example>");
        assertThat(mail.getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://beckon.example/u/tok-msg-1>, <mailto:unsubscribe@shop.example>");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) text.getContent()).contains("Hi Zoë,").contains("https://shop.example/r/abc");
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat((String) html.getContent()).contains("<a href=\"https://shop.example/r/abc\">");
    }

    @Test
    void transactionalMailCarriesNoUnsubscribeHeader() throws Exception {
        DeliveryReceipt receipt = channel().send(message("msg-2", "zoe@example.com"), null,
                Consent.Purpose.TRANSACTIONAL);

        assertThat(receipt).isInstanceOf(DeliveryReceipt.Sent.class);
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getHeader("List-Unsubscribe")).isNull();
        assertThat(mail.getHeader("List-Unsubscribe-Post")).isNull();
        assertThat(mail.getContentType()).startsWith("text/plain");
        assertThat((String) mail.getContent()).contains("Hi Zoë,");
    }

    @Test
    void aRetryCarriesTheSameMessageId() throws Exception {
        SmtpEmailChannel channel = channel();
        channel.send(message("msg-3", "zoe@example.com"), "<p>one</p>", Consent.Purpose.MARKETING);
        channel.send(message("msg-3", "zoe@example.com"), "<p>one</p>", Consent.Purpose.MARKETING);

        assertThat(SMTP.getReceivedMessages()).extracting(MimeMessage::getMessageID)
                .containsExactly("<msg-3@shop.example>", "<msg-3@shop.example>");
    }

    @Test
    void withoutItsUnsubscribeLinkMarketingMailIsNotSentButRetried() {
        MailingHooks broken = new MailingHooks() {
            @Override
            public Optional<UnsubscribeLink> unsubscribeLink(OutboundMessage message) {
                throw new IllegalStateException("database down");
            }
        };

        DeliveryReceipt receipt = new SmtpEmailChannel(settings(SMTP.getSmtp().getPort()), broken, CLOCK)
                .send(message("msg-9", "zoe@example.com"), "<p>x</p>", Consent.Purpose.MARKETING);

        assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("database down");
        });
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void notConfiguredIsAPermanentFailureNamingTheSettings() {
        SmtpEmailChannel channel = new SmtpEmailChannel(new SmtpSettings("", 25, "", "", "",
                SmtpSettings.Security.STARTTLS, Duration.ofSeconds(5)), HOOKS, CLOCK);

        DeliveryReceipt receipt = channel.send(message("msg-4", "zoe@example.com"), "<p>x</p>",
                Consent.Purpose.MARKETING);

        assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("not configured").contains("BECKON_EMAIL_SMTP_HOST");
        });
    }

    @Test
    void anAddressThatIsNoAddressFailsForGood() {
        DeliveryReceipt receipt = channel().send(message("msg-5", "zoe at example"), null, Consent.Purpose.MARKETING);

        assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).startsWith("not a valid e-mail address");
        });
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRecipientTheServerRejectsWith5xxFailsForGood() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("550 5.1.1 <nobody@example.com>: user unknown")) {
            DeliveryReceipt receipt = new SmtpEmailChannel(settings(server.port()), HOOKS, CLOCK)
                    .send(message("msg-6", "nobody@example.com"), "<p>x</p>", Consent.Purpose.MARKETING);

            assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
                assertThat(failed.retryable()).isFalse();
                assertThat(failed.reason()).contains("550").contains("user unknown");
            });
        }
    }

    @Test
    void aRecipientTheServerDefersWith4xxIsRetryable() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("450 4.2.1 mailbox busy, try later")) {
            DeliveryReceipt receipt = new SmtpEmailChannel(settings(server.port()), HOOKS, CLOCK)
                    .send(message("msg-7", "busy@example.com"), "<p>x</p>", Consent.Purpose.MARKETING);

            assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
                assertThat(failed.retryable()).isTrue();
                assertThat(failed.reason()).contains("450").contains("mailbox busy");
            });
        }
    }

    @Test
    void aServerThatIsDownIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        DeliveryReceipt receipt = new SmtpEmailChannel(settings(closedPort), HOOKS, CLOCK)
                .send(message("msg-8", "zoe@example.com"), "<p>x</p>", Consent.Purpose.MARKETING);

        assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("unreachable").contains("127.0.0.1:" + closedPort);
        });
    }

    /** An SMTP server that answers every command with 250, and RCPT TO with the given reply. One session. */
    private static final class ScriptedSmtpServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0);
        private final Thread thread;

        ScriptedSmtpServer(String rcptReply) throws IOException {
            thread = new Thread(() -> serve(rcptReply), "scripted-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(String rcptReply) {
            try (Socket client = socket.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                         StandardCharsets.US_ASCII));
                 PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                out.print("220 scripted ESMTP\r\n");
                out.flush();
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                    String reply = switch (command) {
                        case "EHLO", "HELO" -> "250 scripted";
                        case "RCPT" -> rcptReply;
                        case "QUIT" -> "221 bye";
                        case "DATA" -> "554 no valid recipients";
                        default -> "250 ok";
                    };
                    out.print(reply + "\r\n");
                    out.flush();
                    if (command.equals("QUIT")) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the client hung up
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
