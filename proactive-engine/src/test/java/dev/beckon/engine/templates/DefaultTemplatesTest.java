package dev.beckon.engine.templates;

import dev.beckon.api.model.Money;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultTemplatesTest {

    final DefaultTemplates templates = DefaultTemplates.load();
    final TemplateRenderer renderer = new TemplateRenderer(new MoneyFormat(Locale.US));

    @Test
    void everyShippedTemplateCompilesAndEmailsHaveASubject() throws TemplateException {
        assertThat(templates.ids()).containsExactlyInAnyOrderElementsOf(DefaultTemplates.IDS);
        for (String id : DefaultTemplates.IDS) {
            MessageTemplate t = templates.find(id).orElseThrow();
            renderer.check(t.text());
            if (id.endsWith("-email")) {
                assertThat(t.subject()).as(id).isNotBlank();
                assertThat(t.html()).as(id).isNotBlank();
                renderer.check(t.subject());
                renderer.check(t.html());
            } else {
                assertThat(t.subject()).as(id).isNull();
            }
        }
        assertThat(templates.find("nope")).isEmpty();
    }

    @Test
    void theAbandonedCheckoutSmsFitsOneGsm7Segment() throws TemplateException {
        MessageModel model = new MessageModel("Acme", "Ann", null, List.of(), Money.of("421.88", "USD"),
                "https://acme.myshopify.com/checkouts/c/3d2f4c7e9a1b/recover?key=0f1e2d3c4b5a6978", null, null,
                null, null, null);

        Rendered sms = renderer.render(templates.find("abandoned-checkout-sms").orElseThrow().text(), model,
                Format.SMS);

        assertThat(sms.text()).isEqualTo("Acme: Hi Ann, you left items in your cart: "
                + "https://acme.myshopify.com/checkouts/c/3d2f4c7e9a1b/recover?key=0f1e2d3c4b5a6978"
                + " Reply STOP to opt out.");
        assertThat(sms.missing()).isEmpty();
        assertThat(sms.sms().encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(sms.sms().segments()).isEqualTo(1);
    }

    @Test
    void theAbandonedCheckoutEmailListsTheCartAndTheCode() throws TemplateException {
        MessageModel model = new MessageModel("Acme", null, null,
                List.of(new MessageModel.Line("Mug", 2, Money.of("9.50", "EUR"))), Money.of("19.00", "EUR"),
                "https://acme.example/r?a=1&b=2", null, "SAVE-4F7Q", "10%", null, null);
        MessageTemplate t = templates.find("abandoned-checkout-email").orElseThrow();

        Rendered subject = renderer.render(t.subject(), model, Format.EMAIL_TEXT);
        Rendered html = renderer.render(t.html(), model, Format.EMAIL_HTML);
        Rendered text = renderer.render(t.text(), model, Format.EMAIL_TEXT);

        assertThat(subject.text()).isEqualTo("Your cart is waiting, with 10% off");
        assertThat(html.text()).contains("<tr><td>2 &times; Mug</td><td>€19.00</td></tr>",
                "<strong>SAVE-4F7Q</strong>", "href=\"https://acme.example/r?a=1&amp;b=2\"");
        assertThat(text.text()).contains("- 2 x Mug: €19.00\n", "Total: €19.00", "https://acme.example/r?a=1&b=2");
        assertThat(html.missing()).isEmpty();
    }
    @Test
    void theThankYouEmailShowsTheVideoPreviewLinkingToItsPageAndStaysPlainWithoutOne() throws TemplateException {
        MessageTemplate t = templates.find("thank-you-email").orElseThrow();
        MessageModel withVideo = new MessageModel("Acme & Co", "<Zoë>", "#1001", List.of(), null, null, null, null,
                null, "https://beckon.example/v/Qx9_rT-2mK4pL8sV3bN7cY1dF6gH0jZw", null);

        Rendered html = renderer.render(t.html(), withVideo, Format.EMAIL_HTML);
        Rendered text = renderer.render(t.text(), withVideo, Format.EMAIL_TEXT);

        assertThat(html.text()).contains("<a href=\"https://beckon.example/v/Qx9_rT-2mK4pL8sV3bN7cY1dF6gH0jZw\">"
                        + "<img src=\"https://beckon.example/v/Qx9_rT-2mK4pL8sV3bN7cY1dF6gH0jZw/preview.gif\" "
                        + "alt=\"Play your video\"", "Hi &lt;Zoë&gt;,", "at Acme &amp; Co.")
                .doesNotContain("<Zoë>");
        assertThat(text.text()).contains("Hi <Zoë>,", "We recorded a short message for you: "
                + "https://beckon.example/v/Qx9_rT-2mK4pL8sV3bN7cY1dF6gH0jZw");
        assertThat(html.missing()).isEmpty();

        MessageModel noVideo = new MessageModel("Acme", "Zoë", "#1001", List.of(), null, null, null, null, null, null,
                null);
        assertThat(renderer.render(t.html(), noVideo, Format.EMAIL_HTML).text()).doesNotContain("<img", "/v/",
                "Watch");
        assertThat(renderer.render(t.text(), noVideo, Format.EMAIL_TEXT).text()).doesNotContain("recorded", "http")
                .contains("Thank you for your order #1001 at Acme.");
    }
}
