package dev.beckon.suite.install;

import dev.beckon.suite.web.HtmlPage;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The small HTML pages a merchant sees at the end of an install. Every text from outside (shop domains, store
 * hashes, platform messages, API keys) is HTML-escaped; pages are never cached, since one may show an API key.
 */
final class InstallPages {

    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private InstallPages() {
    }

    /**
     * @param storeName the store as the merchant knows it
     * @param apiKey    the shop's API key when it was registered just now; null otherwise
     * @param notes     lines to show under the headline (e.g. webhooks the platform refused)
     */
    static Response installed(String storeName, String shopId, String apiKey, List<String> notes) {
        return page(200, installedHtml(storeName, shopId, apiKey, notes));
    }

    static String installedHtml(String storeName, String shopId, String apiKey, List<String> notes) {
        StringBuilder body = new StringBuilder()
                .append("<h1>Beckon is installed on ").append(escape(storeName)).append("</h1>\n")
                .append("<p>Beckon shop id: <code>").append(escape(shopId)).append("</code></p>\n");
        if (apiKey != null) {
            body.append("<p>Your Beckon API key, shown only this once. Keep it somewhere safe:</p>\n")
                    .append("<p><code id=\"api-key\">").append(escape(apiKey)).append("</code></p>\n");
        } else {
            body.append("<p>This store was installed before; its API key was shown at the first install.</p>\n");
        }
        if (!notes.isEmpty()) {
            body.append("<ul>\n");
            notes.forEach(note -> body.append("<li>").append(escape(note)).append("</li>\n"));
            body.append("</ul>\n");
        }
        return html("Beckon is installed", body.toString());
    }

    /** A page with a headline and one paragraph. */
    static Response message(int status, String headline, String text) {
        return page(status, messageHtml(headline, text));
    }

    static String messageHtml(String headline, String text) {
        return html(headline, "<h1>" + escape(headline) + "</h1>\n<p>" + escape(text) + "</p>\n");
    }

    private static String html(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + escape(title) + "</title>\n<meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n" + body
                + "</body>\n</html>\n";
    }

    private static Response page(int status, String html) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        return Response.status(status).type(HTML).cacheControl(noStore)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors https:")
                .entity(html).build();
    }

    static String escape(String text) {
        return text == null ? "" : HtmlPage.escape(text);
    }
}
