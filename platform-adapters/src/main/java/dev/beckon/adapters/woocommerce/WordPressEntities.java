package dev.beckon.adapters.woocommerce;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's {@code wp_specialchars_decode($text, ENT_QUOTES)}, which WooCommerce applies to a webhook secret
 * before keying the HMAC with it. Exactly that function, not a general HTML decoder:
 * <ol>
 *   <li>zero padding is removed from the numeric forms of the five special characters ({@code &#0039;} becomes
 *       {@code &#039;}, {@code &#x0027;} becomes {@code &#x27;}; the hex {@code x} in any case);</li>
 *   <li>then, in one left-to-right pass (PHP's {@code strtr}, so {@code &amp;lt;} becomes {@code &lt;}, not
 *       {@code <}): {@code &amp; &#038; &#x26;} to {@code &}, {@code &lt; &#060;} to {@code <},
 *       {@code &gt; &#062;} to {@code >}, {@code &quot; &#034; &#x22;} to {@code "}, {@code &#039; &#x27;} to
 *       {@code '}.</li>
 * </ol>
 * Every other entity ({@code &#65;}, {@code &#x3c;}, {@code &nbsp;}) stays as written, as it does in WordPress.
 */
final class WordPressEntities {

    /** Step 1: the padded numeric forms, each with its canonical spelling. Case-sensitive except the hex ones. */
    private static final Map<Pattern, String> UNPADDED = Map.of(
            Pattern.compile("&#0*39;"), "&#039;",
            Pattern.compile("&#[xX]0*27;"), "&#x27;",
            Pattern.compile("&#0*34;"), "&#034;",
            Pattern.compile("&#[xX]0*22;"), "&#x22;",
            Pattern.compile("&#0*60;"), "&#060;",
            Pattern.compile("&#0*62;"), "&#062;",
            Pattern.compile("&#0*38;"), "&#038;",
            Pattern.compile("&#[xX]0*26;"), "&#x26;");

    /** Step 2: the translation table. No key is a prefix of another, so the first match is the longest. */
    private static final Map<String, String> TRANSLATION = Map.ofEntries(
            Map.entry("&#039;", "'"), Map.entry("&#x27;", "'"),
            Map.entry("&quot;", "\""), Map.entry("&#034;", "\""), Map.entry("&#x22;", "\""),
            Map.entry("&lt;", "<"), Map.entry("&#060;", "<"),
            Map.entry("&gt;", ">"), Map.entry("&#062;", ">"),
            Map.entry("&amp;", "&"), Map.entry("&#038;", "&"), Map.entry("&#x26;", "&"));

    private WordPressEntities() {
    }

    /** The text as WordPress decodes it; never null for a non-null text. */
    static String decodeSpecialchars(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        String unpadded = text;
        for (Map.Entry<Pattern, String> rule : UNPADDED.entrySet()) {
            unpadded = rule.getKey().matcher(unpadded).replaceAll(Matcher.quoteReplacement(rule.getValue()));
        }
        StringBuilder out = new StringBuilder(unpadded.length());
        int i = 0;
        while (i < unpadded.length()) {
            String replaced = null;
            int length = 0;
            if (unpadded.charAt(i) == '&') {
                for (Map.Entry<String, String> entry : TRANSLATION.entrySet()) {
                    if (unpadded.startsWith(entry.getKey(), i)) {
                        replaced = entry.getValue();
                        length = entry.getKey().length();
                        break;
                    }
                }
            }
            if (replaced != null) {
                out.append(replaced);
                i += length;
            } else {
                out.append(unpadded.charAt(i));
                i++;
            }
        }
        return out.toString();
    }
}
