package dev.beckon.suite.clicks;

import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the links of a message's text and HTML parts with tracked ones. In text every {@code http(s)://} URL is
 * replaced (without the sentence's closing punctuation); in HTML the {@code href} values (HTML-unescaped before they
 * are tracked). Links that already point at Beckon (an unsubscribe page, a tracked link) and links too long to store
 * stay as they are. Pure; thread-safe.
 */
final class TrackedUrls {

    private static final Pattern TEXT_URL = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("(href\\s*=\\s*)([\"'])(https?://[^\"']+)\\2",
            Pattern.CASE_INSENSITIVE);

    private final String ownBase;
    private final UnaryOperator<String> track;

    /**
     * @param ownBase Beckon's public base URL; links under it are left alone
     * @param track   the tracked link for a URL
     */
    TrackedUrls(String ownBase, UnaryOperator<String> track) {
        this.ownBase = Objects.requireNonNull(ownBase);
        this.track = Objects.requireNonNull(track);
    }

    String text(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TEXT_URL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String url = m.group();
            String tail = "";
            while (!url.isEmpty() && ".,;:!?)]}".indexOf(url.charAt(url.length() - 1)) >= 0) {
                tail = url.charAt(url.length() - 1) + tail;
                url = url.substring(0, url.length() - 1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(tracked(url) + tail));
        }
        m.appendTail(out);
        return out.toString();
    }

    String html(String html) {
        if (html == null) {
            return null;
        }
        Matcher m = HREF.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (m.find()) {
            String url = unescape(m.group(3));
            String replaced = tracked(url);
            String value = replaced.equals(url) ? m.group(3) : replaced;
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + value + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String tracked(String url) {
        return url.startsWith(ownBase + "/") || url.length() > JdbcClickLinks.MAX_URL ? url : track.apply(url);
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }
}
