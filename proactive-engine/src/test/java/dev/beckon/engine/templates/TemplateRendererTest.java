package dev.beckon.engine.templates;

import dev.beckon.api.model.Money;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateRendererTest {

    final TemplateRenderer renderer = new TemplateRenderer(new MoneyFormat(Locale.US));

    static MessageModel cart() {
        return new MessageModel("Tom & Jerry's", "Ann", null,
                List.of(new MessageModel.Line("IPod Nano - 8GB", 2, Money.of("199.00", "USD")),
                        new MessageModel.Line("<b>Case</b>", 1, Money.of("23.88", "USD"))),
                Money.of("421.88", "USD"), "https://shop.example/checkouts/c1/recover?key=k&x=1", null, "SAVE-4F7Q",
                "10%", null, null);
    }

    @Test
    void emailHtmlIsEscaped() throws TemplateException {
        Rendered r = renderer.render("<p>{{shopName}}</p>{{#lines}}<li>{{name}}</li>{{/lines}}"
                + "<a href=\"{{recoveryUrl}}\">", cart(), Format.EMAIL_HTML);

        assertThat(r.text()).isEqualTo("<p>Tom &amp; Jerry&#39;s</p><li>IPod Nano - 8GB</li>"
                + "<li>&lt;b&gt;Case&lt;/b&gt;</li><a href=\"https://shop.example/checkouts/c1/recover?key=k&amp;x=1\">");
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void smsAndEmailTextAreNotEscaped() throws TemplateException {
        String template = "{{shopName}}: {{recoveryUrl}}";
        String expected = "Tom & Jerry's: https://shop.example/checkouts/c1/recover?key=k&x=1";
        assertThat(renderer.render(template, cart(), Format.SMS).text()).isEqualTo(expected);
        assertThat(renderer.render(template, cart(), Format.EMAIL_TEXT).text()).isEqualTo(expected);
        assertThat(renderer.render(template, cart(), Format.PUSH).text()).isEqualTo(expected);
    }

    @Test
    void cartLinesAndTotalsAreFormattedInTheirCurrency() throws TemplateException {
        Rendered r = renderer.render("{{#lines}}{{quantity}} x {{name}} at {{price}} = {{lineTotal}}\n{{/lines}}"
                + "{{itemCount}} items, total {{total}}", cart(), Format.EMAIL_TEXT);

        assertThat(r.text()).isEqualTo("2 x IPod Nano - 8GB at $199.00 = $398.00\n"
                + "1 x <b>Case</b> at $23.88 = $23.88\n3 items, total $421.88");
    }

    @Test
    void missingVariablesRenderEmptyAndAreReported() throws TemplateException {
        Rendered r = renderer.render("Hi {{firstName}}, watch {{videoUrl}} or track {{trackingUrl}} {{videoUrl}}",
                cart(), Format.SMS);

        assertThat(r.text()).isEqualTo("Hi Ann, watch  or track  ");
        assertThat(r.missing()).containsExactly("videoUrl", "trackingUrl");
        assertThat(r.complete()).isFalse();
    }

    @Test
    void aSectionOnAnAbsentValueIsNotAMissingVariable() throws TemplateException {
        Rendered r = renderer.render("Hi{{#firstName}} {{firstName}}{{/firstName}}{{^videoUrl}}!{{/videoUrl}}",
                MessageModel.EMPTY, Format.SMS);

        assertThat(r.text()).isEqualTo("Hi!");
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void tripleMustacheIsNotEscapedInHtml() throws TemplateException {
        assertThat(renderer.render("{{{shopName}}}", cart(), Format.EMAIL_HTML).text()).isEqualTo("Tom & Jerry's");
    }

    @Test
    void theRenderedSmsIsMeasured() throws TemplateException {
        Rendered r = renderer.render("{{shopName}}: {{total}} in your cart", Map.of("shopName", "Café €",
                "total", "$1"), Format.SMS);

        assertThat(r.sms().encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(r.sms().units()).isEqualTo(r.text().length() + 1);
    }

    @Test
    void badSyntaxIsATypedErrorWithTheReason() {
        assertThatThrownBy(() -> renderer.render("Hi {{#firstName}}", cart(), Format.SMS))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("not a valid Mustache template");
        assertThatThrownBy(() -> renderer.check("{{#a}}x{{/b}}"))
                .isInstanceOf(TemplateException.class);
    }

    @Test
    void partialsAreRefusedSoTemplatesCannotReadFiles() {
        assertThatThrownBy(() -> renderer.check("{{> /etc/passwd}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("partials");
    }

    @Test
    void moneyUsesTheLocaleAndTheCurrencysDigits() {
        assertThat(new MoneyFormat(Locale.US).format(Money.of("12.5", "EUR"))).isEqualTo("€12.50");
        assertThat(new MoneyFormat(Locale.US).format(Money.of("1200", "JPY"))).isEqualTo("¥1,200");
        assertThat(new MoneyFormat(Locale.GERMANY).format(Money.of("1234.5", "EUR"))).isEqualTo("1.234,50\u00a0€");
    }
}
