package dev.beckon.engine.channels.email;

import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.engine.channels.HtmlChannel;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * E-mail through an SMTP relay (Jakarta Mail, Eclipse Angus): a {@code multipart/alternative} of the text and HTML
 * parts in UTF-8, {@code From} with the shop's name, a {@code Message-ID} derived from the message's idempotency key
 * (a retry carries the same one, so the recipient's mail server can drop a duplicate), and for marketing mail with an
 * unsubscribe link the RFC 8058 one-click headers. One connection and one attempt per call; SMTP 4xx replies,
 * unreachable relays and timeouts are retryable, 5xx refusals are not. Never throws. Thread-safe.
 */
public final class SmtpEmailChannel implements HtmlChannel {

    public static final String ID = "email";

    private static final System.Logger LOG = System.getLogger(SmtpEmailChannel.class.getName());

    private final SmtpSettings settings;
    private final MailingHooks hooks;
    private final Clock clock;
    private final Session session;

    public SmtpEmailChannel(SmtpSettings settings, MailingHooks hooks, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.hooks = Objects.requireNonNull(hooks);
        this.clock = Objects.requireNonNull(clock);
        this.session = Session.getInstance(properties(settings));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    /** Sends as marketing: without a purpose the message gets the unsubscribe header it may need. */
    @Override
    public DeliveryReceipt send(OutboundMessage message, String html) {
        return send(message, html, Consent.Purpose.MARKETING);
    }

    @Override
    public DeliveryReceipt send(OutboundMessage message, String html, Consent.Purpose purpose) {
        if (!settings.configured()) {
            return DeliveryReceipt.Failed.permanent("the e-mail provider is not configured: set BECKON_EMAIL_SMTP_HOST"
                    + " and BECKON_EMAIL_SMTP_FROM");
        }
        String messageId = messageId(message);
        MimeMessage mime;
        try {
            mime = compose(message, html, purpose, messageId);
        } catch (AddressException e) {
            return DeliveryReceipt.Failed.permanent("not a valid e-mail address: " + e.getMessage());
        } catch (MessagingException | UnsupportedEncodingException e) {
            return DeliveryReceipt.Failed.permanent("the e-mail could not be composed: " + e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "message " + message.id().value()
                    + ": the sender name or unsubscribe link could not be made; not sent", e);
            return DeliveryReceipt.Failed.retryable("the e-mail could not be composed: " + e, null);
        }
        try (Transport transport = session.getTransport(protocol())) {
            transport.connect(settings.host(), settings.port(),
                    settings.username().isEmpty() ? null : settings.username(),
                    settings.username().isEmpty() ? null : settings.password());
            transport.sendMessage(mime, mime.getAllRecipients());
            return new DeliveryReceipt.Sent(messageId, "accepted");
        } catch (MessagingException e) {
            return failed(e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "message " + message.id().value() + ": SMTP client failed", e);
            return DeliveryReceipt.Failed.retryable("SMTP client error: " + e, null);
        }
    }

    private MimeMessage compose(OutboundMessage message, String html, Consent.Purpose purpose, String messageId)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = new FixedIdMessage(session, messageId);
        InternetAddress from = new InternetAddress(settings.from(), true);
        Optional<String> name = hooks.senderName(message.shop()).filter(n -> !n.isBlank());
        if (name.isPresent()) {
            from = new InternetAddress(from.getAddress(), name.get().strip(), StandardCharsets.UTF_8.name());
        }
        mime.setFrom(from);
        mime.setRecipients(Message.RecipientType.TO, new InternetAddress[] {new InternetAddress(message.to(), true)});
        mime.setSubject(message.subject() == null ? "" : message.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(Date.from(clock.instant()));
        if (html == null) {
            mime.setText(message.body(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.body(), StandardCharsets.UTF_8.name());
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, StandardCharsets.UTF_8.name(), "html");
            mime.setContent(new MimeMultipart("alternative", text, rich));
        }
        if (purpose == Consent.Purpose.MARKETING) {
            Optional<UnsubscribeLink> link = hooks.unsubscribeLink(message);
            if (link.isPresent()) {
                mime.setHeader("List-Unsubscribe", link.get().headerValue());
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        }
        mime.saveChanges();
        return mime;
    }

    private DeliveryReceipt failed(MessagingException e) {
        Integer code = replyCode(e);
        String detail = detail(e);
        if (code != null) {
            String reason = "SMTP relay refused the message (" + code + "): " + detail;
            return code >= 400 && code < 500 ? DeliveryReceipt.Failed.retryable(reason, null)
                    : DeliveryReceipt.Failed.permanent(reason);
        }
        if (e instanceof AuthenticationFailedException) {
            return DeliveryReceipt.Failed.permanent("SMTP relay " + settings.host() + " refused the login of '"
                    + settings.username() + "': " + detail);
        }
        if (hasIoCause(e)) {
            return DeliveryReceipt.Failed.retryable("SMTP relay unreachable at " + settings.host() + ":"
                    + settings.port() + ": " + detail, null);
        }
        return DeliveryReceipt.Failed.retryable("SMTP error: " + detail, null);
    }

    /** The SMTP reply code of the first refusal in the chain; null if the server gave none (a network error). */
    private static Integer replyCode(Exception e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (x instanceof SMTPSenderFailedException s) {
                return s.getReturnCode();
            }
            if (x instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                return s.getReturnCode();
            }
        }
        return null;
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable x = e; x != null; x = x.getCause() != x ? x.getCause() : null) {
            if (x instanceof IOException) {
                return true;
            }
            if (x instanceof MessagingException m && m.getNextException() instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String detail(Exception e) {
        Exception last = e;
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            last = x;
        }
        String text = last.getMessage() == null ? last.toString() : last.getMessage().strip();
        return last == e ? text : (e.getMessage() == null ? "" : e.getMessage().strip() + ": ") + text;
    }

    private String protocol() {
        return settings.security() == SmtpSettings.Security.SSL ? "smtps" : "smtp";
    }

    /**
     * {@code <key@domain>}: the idempotency key (letters, digits and {@code -._} kept, the rest replaced) at the
     * sender's domain, so every attempt at one message carries the same id.
     */
    String messageId(OutboundMessage message) {
        String key = message.idempotencyKey().replaceAll("[^A-Za-z0-9._-]", "_");
        String domain = "beckon.invalid";
        int at = settings.from().lastIndexOf('@');
        if (at >= 0) {
            String rest = settings.from().substring(at + 1).replaceAll("[>\\s].*$", "").toLowerCase(Locale.ROOT);
            if (!rest.isBlank()) {
                domain = rest;
            }
        }
        return "<" + key + "@" + domain + ">";
    }

    private static Properties properties(SmtpSettings settings) {
        String p = settings.security() == SmtpSettings.Security.SSL ? "smtps" : "smtp";
        String millis = Long.toString(settings.timeout().toMillis());
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", p);
        props.setProperty("mail." + p + ".host", settings.host());
        props.setProperty("mail." + p + ".port", Integer.toString(settings.port()));
        props.setProperty("mail." + p + ".connectiontimeout", millis);
        props.setProperty("mail." + p + ".timeout", millis);
        props.setProperty("mail." + p + ".writetimeout", millis);
        props.setProperty("mail." + p + ".auth", Boolean.toString(!settings.username().isEmpty()));
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
            props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        } else if (settings.security() == SmtpSettings.Security.SSL) {
            props.setProperty("mail.smtps.ssl.checkserveridentity", "true");
        }
        props.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
        return props;
    }

    /** A message whose {@code Message-ID} is ours, not one Jakarta Mail makes up on {@code saveChanges}. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
