package dev.beckon.video.library;

import java.util.Locale;

/**
 * A coarse class of the browser that sent a view event; the user agent itself is not kept (it is identifying).
 * Known link-preview bots are their own class so they can be left out of counts.
 */
public enum UserAgentClass {
    MOBILE, DESKTOP, BOT, OTHER;

    private static final String[] BOTS = {"whatsapp", "facebookexternalhit", "slackbot", "twitterbot", "discordbot",
            "linkedinbot", "telegrambot", "bot/", "crawler", "spider", "preview"};

    /** The class of a {@code User-Agent} header; null or blank is {@link #OTHER}. */
    public static UserAgentClass of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return OTHER;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String bot : BOTS) {
            if (ua.contains(bot)) {
                return BOT;
            }
        }
        if (ua.contains("mobile") || ua.contains("android") || ua.contains("iphone") || ua.contains("ipad")) {
            return MOBILE;
        }
        if (ua.contains("windows") || ua.contains("macintosh") || ua.contains("x11") || ua.contains("cros")) {
            return DESKTOP;
        }
        return OTHER;
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
