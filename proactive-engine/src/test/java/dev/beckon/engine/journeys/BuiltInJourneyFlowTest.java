package dev.beckon.engine.journeys;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.ConsentChanged;
import dev.beckon.api.event.DataErasureRequested;
import dev.beckon.api.event.OrderFulfilled;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.Shopper;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.engine.EngineSettings;
import dev.beckon.engine.Events;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.definitions.JourneyValidationException;
import dev.beckon.engine.definitions.ValidationError;
import dev.beckon.engine.messages.MessageState;
import dev.beckon.engine.messages.MessageView;
import dev.beckon.engine.offers.DiscountCodes;
import dev.beckon.engine.shoppers.ShopperKeys;
import dev.beckon.engine.videos.VideoRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.beckon.engine.Events.SHOP;
import static dev.beckon.engine.Events.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The built-in journeys run from their JSON definitions, end to end in the engine: real database, moving clock,
 * recording channels for SMS, e-mail and the app. Subclasses run the same flows on other databases.
 */
class BuiltInJourneyFlowTest {

    /** 10:00 in Los Angeles, where the test phone number is. */
    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    static final String PHONE = "+14155550100";

    MutableClock clock;
    Recording sms;
    Recording email;
    Recording app;
    ProactiveEngine engine;
    final List<DiscountCodes.Request> offers = new CopyOnWriteArrayList<>();

    DataSource database() {
        return TestDatabases.h2();
    }

    @BeforeEach
    void start() {
        clock = new MutableClock(T0);
        sms = new Recording("sms", ChannelType.SMS);
        email = new Recording("email", ChannelType.EMAIL);
        app = new Recording("app", ChannelType.APP);
        DataSource db = database();
        ProactiveEngine.migrate(db);
        DiscountCodes codes = request -> {
            offers.add(request);
            return new DiscountCodes.Result.Created("BECKON-" + offers.size());
        };
        engine = new ProactiveEngine(db, EngineSettings.defaults(), List.of(sms, email, app), clock, codes,
                VideoRequests.NONE);
    }

    void settle() {
        for (int i = 0; i < 20 && engine.runOnce() > 0; i++) {
            // keep going
        }
    }

    void at(Instant when) {
        clock.set(when);
        settle();
    }

    @Test
    void abandonedCheckoutSendsTheSmsAfterAnHourAndTheEmailWithASingleUseCodeAfterADay() {
        engine.accept(List.of(envelope(checkout("c1"), "e1", T0)));
        settle();
        at(T0.plus(Duration.ofHours(1)));
        assertThat(sms.sent).singleElement().satisfies(m -> assertThat(m.body()).contains("Hi Ann")
                .contains("https://shop.example/checkouts/c1/recover?key=k"));
        MessageView text = engine.messages(SHOP, 10).get(0);
        assertThat(text.segments()).isEqualTo(1);
        assertThat(text.encoding()).isEqualTo("GSM_7");

        at(T0.plus(Duration.ofHours(24)).minusSeconds(1));
        assertThat(email.sent).isEmpty();
        at(T0.plus(Duration.ofHours(24)));

        assertThat(offers).singleElement().satisfies(o -> {
            assertThat(o.spec().singleUse()).isTrue();
            assertThat(o.spec().describe()).isEqualTo("10%");
        });
        assertThat(email.sent).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("ann@example.com");
            assertThat(m.body()).contains("BECKON-1").contains("10%").contains("IPod Nano - 8GB");
            assertThat(m.subject()).isNotBlank();
        });
        assertThat(email.html).singleElement().asString().contains("BECKON-1");
        assertThat(email.purposes).as("an e-mail channel adds its unsubscribe header to marketing")
                .containsExactly(Consent.Purpose.MARKETING);
    }

    @Test
    void anOrderCancelsBothStepsOfTheAbandonedCheckout() {
        engine.accept(List.of(envelope(checkout("c1"), "e1", T0)));
        settle();
        at(T0.plus(Duration.ofHours(1)));
        at(T0.plus(Duration.ofHours(2)));
        engine.accept(List.of(envelope(Events.order("o1", "c1", clock.instant()), "o1", clock.instant())));
        settle();
        at(T0.plus(Duration.ofDays(3)));

        assertThat(sms.sent).hasSize(1);
        assertThat(email.sent).isEmpty();
        assertThat(offers).isEmpty();
    }

    @Test
    void orderUpdatesAreTransactionalSoTheyGoAtThreeInTheMorningAndOverTheCap() {
        Instant threeAm = Instant.parse("2026-11-24T11:00:00Z"); // 03:00 in Los Angeles
        clock.set(threeAm);
        engine.accept(List.of(envelope(fulfilled("1001"), "f1", threeAm), envelope(fulfilled("1002"), "f2", threeAm)));
        settle();

        assertThat(sms.sent).hasSize(2).allSatisfy(m -> assertThat(m.body()).contains("is on its way")
                .contains("https://track.example/"));
        assertThat(email.sent).hasSize(2);
        assertThat(email.purposes).containsExactly(Consent.Purpose.TRANSACTIONAL, Consent.Purpose.TRANSACTIONAL);
    }

    @Test
    void thankYouGoesRightAfterTheOrderWhenNoVideoServiceIsWired() {
        engine.accept(List.of(envelope(order("5001"), "o1", T0)));
        settle();

        assertThat(email.sent).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo("ann@example.com"));
    }

    @Test
    void winBackWritesAfterSixtyDaysWithoutAnOrderAndAnOrderInBetweenStartsOver() {
        engine.accept(List.of(envelope(order("5001"), "o1", T0)));
        settle();
        email.sent.clear();
        at(T0.plus(Duration.ofDays(30)));
        engine.accept(List.of(envelope(order("5002"), "o2", clock.instant())));
        settle();
        email.sent.clear();

        at(T0.plus(Duration.ofDays(61)));
        assertThat(email.sent).isEmpty(); // the first wait was ended by the second order

        at(T0.plus(Duration.ofDays(91)));
        assertThat(email.sent).singleElement().satisfies(m -> assertThat(m.body()).contains("BECKON-1"));
    }

    @Test
    void inStoreOfferGoesToTheAppAfterThirtySecondsAndNotAgainWithinTheCooldown() {
        engine.accept(List.of(envelope(new ConsentChanged(null, "device-1",
                Consent.marketing(ChannelType.APP, Consent.State.SUBSCRIBED, "app:offers", T0)), "c", T0)));
        engine.accept(List.of(envelope(dwell("v1", Duration.ofSeconds(20)), "d0", T0)));
        settle();
        assertThat(app.sent).isEmpty();

        engine.accept(List.of(envelope(dwell("v1", Duration.ofSeconds(35)), "d1", T0)));
        settle();
        assertThat(app.sent).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("device-1");
            assertThat(m.body()).contains("BECKON-1");
        });

        at(T0.plus(Duration.ofHours(1)));
        engine.accept(List.of(envelope(dwell("v2", Duration.ofSeconds(40)), "d2", clock.instant())));
        settle();
        assertThat(app.sent).hasSize(1);
    }

    @Test
    void aShopEditsAJourneyAndBadJsonIsRefusedWithPaths() throws Exception {
        assertThat(engine.journeys(SHOP)).extracting(j -> j.id()).containsExactly("abandoned-checkout",
                "browse-abandonment", "thank-you", "order-updates", "win-back", "in-store-offer");
        assertThat(engine.journey(SHOP, "no-such-journey")).isEmpty();

        assertThatThrownBy(() -> engine.putJourney(SHOP, "thank-you", "{\"id\": \"thank-you\""))
                .isInstanceOf(JourneyValidationException.class)
                .satisfies(e -> assertThat(((JourneyValidationException) e).errors()).singleElement()
                        .extracting(ValidationError::message).asString().startsWith("not valid JSON"));
        String winBack = new String(getClass().getResourceAsStream(
                "/dev/beckon/engine/definitions/win-back.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> engine.putJourney(SHOP, "thank-you", winBack))
                .isInstanceOf(JourneyValidationException.class)
                .satisfies(e -> assertThat(((JourneyValidationException) e).errors()).extracting(ValidationError::path)
                        .contains("/id"));

        engine.putJourney(SHOP, "win-back", winBack.replace("\"enabled\": true", "\"enabled\": false"));
        assertThat(engine.journey(SHOP, "win-back")).get().satisfies(j -> assertThat(j.enabled()).isFalse());
        engine.updateAbandonedCheckoutSettings(SHOP, true, Duration.ofMinutes(20));
        assertThat(engine.journey(SHOP, "abandoned-checkout")).get()
                .satisfies(j -> assertThat(j.steps().get(0).toString()).contains("PT20M"));
    }

    @Test
    void theOrdersAShopperPlacedInAWindowAreListedOnceEach() {
        engine.accept(List.of(envelope(order("5001"), "o1", T0), envelope(order("5001"), "o1-again", T0),
                envelope(order("5002"), "o2", T0.plus(Duration.ofDays(6)))));
        settle();
        String ann = ShopperKeys.of(ann());

        assertThat(engine.ordersPlaced(SHOP, ann, T0.minusSeconds(1), T0.plus(Duration.ofDays(5))))
                .singleElement().satisfies(o -> {
                    assertThat(o.order()).isEqualTo(OrderId.of("5001"));
                    assertThat(o.total()).isEqualTo(Money.of("50.00", "USD"));
                });
        assertThat(engine.ordersPlaced(SHOP, ann, T0.plusSeconds(1), T0.plus(Duration.ofDays(7))))
                .extracting(o -> o.order().value()).containsExactly("5002");
        assertThat(engine.ordersPlaced(SHOP, "someone-else", T0.minusSeconds(1), T0.plus(Duration.ofDays(7))))
                .isEmpty();
        // many shoppers in one query: those without an order are absent
        assertThat(engine.ordersPlaced(SHOP, List.of(ann, "someone-else", ann), T0.minusSeconds(1),
                T0.plus(Duration.ofDays(7)))).containsOnlyKeys(ann)
                .satisfies(byShopper -> assertThat(byShopper.get(ann)).extracting(o -> o.order().value())
                        .containsExactly("5001", "5002"));
    }

    @Test
    void aShoppersErasureRemovesTheirTrailAndStopsWhatWasStillToCome() {
        engine.accept(List.of(envelope(checkout("c1"), "e1", T0)));
        settle();
        at(T0.plus(Duration.ofHours(1)));
        assertThat(sms.sent).hasSize(1);
        String shopper = ShopperKeys.of(ann());
        assertThat(engine.timeline(SHOP, shopper, 100)).isNotEmpty();

        Shopper ann = ann();
        engine.accept(List.of(envelope(new DataErasureRequested(DataErasureRequested.Scope.CUSTOMER, ann.customer(),
                ann.email(), ann.phone(), List.of()), "redact-1", clock.instant())));
        settle();
        at(T0.plus(Duration.ofDays(2)));

        assertThat(email.sent).isEmpty();
        assertThat(offers).isEmpty();
        assertThat(engine.timeline(SHOP, shopper, 100)).isEmpty();
        assertThat(engine.messages(SHOP, 10)).singleElement().satisfies(m -> {
            assertThat(m.to()).isNull();
            assertThat(m.body()).isEqualTo("[erased]");
            assertThat(m.state()).isEqualTo(MessageState.SENT);
        });
        assertThat(engine.events(SHOP, 10)).extracting(e -> e.type()).containsExactly("DataErasureRequested");
        // a second request (Shopify retries) finds nothing left
        assertThat(engine.eraseShopper(SHOP, ann.customer(), ann.email(), ann.phone()).total()).isZero();
    }

    @Test
    void aShopErasureLeavesNothingOfTheShopButTheRequest() {
        engine.accept(List.of(envelope(checkout("c1"), "e1", T0), envelope(order("5001"), "o1", T0)));
        settle();
        assertThat(engine.messages(SHOP, 10)).isNotEmpty();

        engine.accept(List.of(envelope(new DataErasureRequested(DataErasureRequested.Scope.SHOP, null, null, null,
                List.of()), "shop-redact", clock.instant())));
        settle();
        at(T0.plus(Duration.ofDays(2)));

        assertThat(engine.messages(SHOP, 10)).isEmpty();
        assertThat(sms.sent).isEmpty();
        assertThat(engine.events(SHOP, 10)).extracting(e -> e.type()).containsExactly("DataErasureRequested");
    }

    static CheckoutUpdated checkout(String token) {
        CheckoutUpdated c = Events.checkout(token, PHONE, Consent.State.SUBSCRIBED, T0);
        Shopper s = c.shopper();
        Shopper withEmailConsent = new Shopper(s.customer(), s.firstName(), s.lastName(), s.email(), s.phone(),
                List.of(s.consents().get(0), Consent.marketing(ChannelType.EMAIL, Consent.State.SUBSCRIBED,
                        "shopify:checkout", T0)));
        return new CheckoutUpdated(c.checkout(), c.cartToken(), withEmailConsent, c.lines(), c.total(),
                c.recoveryUrl(), c.updatedAt(), c.completedAt());
    }

    static Shopper ann() {
        return checkout("x").shopper();
    }

    static OrderPlaced order(String id) {
        return new OrderPlaced(OrderId.of(id), "#" + id, null, null, ann(), List.of(), Money.of("50.00", "USD"), T0);
    }

    static OrderFulfilled fulfilled(String id) {
        Shopper s = ann();
        Shopper noConsent = new Shopper(CustomerId.of("603851970716743426"), s.firstName(), s.lastName(), s.email(),
                s.phone(), List.of());
        return new OrderFulfilled(OrderId.of(id), noConsent, URI.create("https://track.example/" + id), false, T0);
    }

    static ZoneDwelled dwell(String visit, Duration dwell) {
        return new ZoneDwelled(StoreId.of("store-1"), StoreZoneId.of("shoes"), VisitId.of(visit),
                DeviceId.of("device-1"), dwell, T0);
    }

    /** Records what it is asked to send, with the HTML part when there is one. */
    static final class Recording implements dev.beckon.engine.channels.HtmlChannel {

        final String id;
        final ChannelType type;
        final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
        final List<String> html = new CopyOnWriteArrayList<>();
        final List<Consent.Purpose> purposes = new CopyOnWriteArrayList<>();

        Recording(String id, ChannelType type) {
            this.id = id;
            this.type = type;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public ChannelType type() {
            return type;
        }

        @Override
        public DeliveryReceipt send(OutboundMessage message, String htmlPart) {
            sent.add(message);
            if (htmlPart != null) {
                html.add(htmlPart);
            }
            return new DeliveryReceipt.Sent(id + "-" + sent.size(), "queued");
        }

        @Override
        public DeliveryReceipt send(OutboundMessage message, String htmlPart, Consent.Purpose purpose) {
            purposes.add(purpose);
            return send(message, htmlPart);
        }
    }
}
