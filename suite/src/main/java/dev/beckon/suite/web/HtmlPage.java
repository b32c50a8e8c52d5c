package dev.beckon.suite.web;

/**
 * The short HTML pages shoppers see from a link in a message (a link that is not known or no longer works, an
 * unsubscribe confirmation, a refused reply): mobile-first, not indexed, one heading and a body. Only the body may
 * hold markup, and only markup written by Beckon; anything else goes through {@link #escape}.
 */
public final class HtmlPage {

    private HtmlPage() {
    }

    /** A page with a heading and one sentence, both escaped. */
    public static String notice(String heading, String sentence) {
        return page(heading, "<p>" + escape(sentence) + "</p>\n");
    }

    /**
     * @param heading  plain text, escaped here
     * @param bodyHtml markup written by Beckon (never shopper or merchant text unless escaped)
     */
    public static String page(String heading, String bodyHtml) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>" + escape(heading) + "</title>\n"
                + "<style>body{font-family:system-ui,-apple-system,sans-serif;max-width:40rem;margin:0 auto;"
                + "padding:1rem;}</style>\n</head>\n<body>\n<h1>" + escape(heading) + "</h1>\n"
                + bodyHtml + "</body>\n</html>\n";
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
