package dev.beckon.suite.channels;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.engine.channels.HtmlChannel;
import dev.beckon.api.model.MessageId;
import dev.beckon.api.model.ShopId;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dispatcher gets back through a provider's circuit. The breaker itself is MicroProfile Fault Tolerance's
 * (active in the container); here the circuit bean is a plain object.
 */
class GuardedChannelTest {

    static final OutboundMessage MESSAGE = new OutboundMessage(MessageId.of("m-1"), ShopId.of("shop-1"),
            "+34600000000", null, "hello", "m-1");

    @Test
    void aSentMessageAndAPermanentRefusalPassThrough() {
        DeliveryReceipt sent = new DeliveryReceipt.Sent("SM1", "queued");
        DeliveryReceipt refused = DeliveryReceipt.Failed.permanent("21211 invalid 'To' number");

        assertThat(new GuardedChannel(answering(sent), new ProviderCircuits()).send(MESSAGE)).isEqualTo(sent);
        assertThat(new GuardedChannel(answering(refused), new ProviderCircuits()).send(MESSAGE)).isEqualTo(refused);
    }

    @Test
    void aRetryableFailureCountsForTheCircuitAndComesBackUnchanged() {
        DeliveryReceipt.Failed unavailable = DeliveryReceipt.Failed.retryable("HTTP 503", Duration.ofSeconds(5));

        assertThat(new GuardedChannel(answering(unavailable), new ProviderCircuits()).send(MESSAGE))
                .isEqualTo(unavailable);
    }

    @Test
    void anOpenCircuitIsARetryableFailureThatWaitsTheCircuitsDelay() {
        ProviderCircuits open = new ProviderCircuits() {
            @Override
            public DeliveryReceipt sms(Channel channel, OutboundMessage message) {
                throw new CircuitBreakerOpenException("open");
            }
        };

        DeliveryReceipt receipt = new GuardedChannel(answering(new DeliveryReceipt.Sent("SM1", "queued")), open)
                .send(MESSAGE);

        assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(ProviderCircuits.OPEN_SECONDS));
            assertThat(failed.reason()).contains("twilio").contains("circuit open");
        });
    }

    @Test
    void theHtmlPartAndThePurposeReachAnHtmlChannelThroughTheEmailCircuit() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        ProviderCircuits circuits = new ProviderCircuits() {
            @Override
            public DeliveryReceipt email(Channel channel, OutboundMessage message) {
                seen.add("email circuit");
                return super.email(channel, message);
            }
        };
        HtmlChannel mail = new HtmlChannel() {
            @Override
            public DeliveryReceipt send(OutboundMessage message, String html) {
                seen.add("no purpose");
                return DeliveryReceipt.Failed.permanent("unexpected");
            }

            @Override
            public DeliveryReceipt send(OutboundMessage message, String html, Consent.Purpose purpose) {
                seen.add(html + " " + purpose);
                return new DeliveryReceipt.Sent("<m-1@shop.example>", "accepted");
            }

            @Override
            public ChannelType type() {
                return ChannelType.EMAIL;
            }

            @Override
            public String id() {
                return "email";
            }
        };

        DeliveryReceipt receipt = new GuardedChannel(mail, circuits).send(MESSAGE, "<p>hello</p>",
                Consent.Purpose.TRANSACTIONAL);

        assertThat(receipt).isEqualTo(new DeliveryReceipt.Sent("<m-1@shop.example>", "accepted"));
        assertThat(seen).containsExactly("email circuit", "<p>hello</p> TRANSACTIONAL");
    }

    @Test
    void aTextChannelBehindTheGuardGetsTheTextOnly() {
        DeliveryReceipt sent = new DeliveryReceipt.Sent("SM1", "queued");

        assertThat(new GuardedChannel(answering(sent), new ProviderCircuits()).send(MESSAGE, "<p>ignored</p>",
                Consent.Purpose.MARKETING)).isEqualTo(sent);
    }

    private static Channel answering(DeliveryReceipt receipt) {
        return new Channel() {
            @Override
            public ChannelType type() {
                return ChannelType.SMS;
            }

            @Override
            public DeliveryReceipt send(OutboundMessage message) {
                return receipt;
            }

            @Override
            public String id() {
                return "twilio";
            }
        };
    }
}
