package dev.beckon.suite.video;

import dev.beckon.suite.web.HtmlPage;

import java.util.Optional;

/**
 * The HTML a shopper (or a link previewer) gets at {@code /v/{token}}: mobile first, the video inline with its
 * poster, the first name as an HTML overlay (it never enters a stored file), a reply placeholder, and milestone
 * beacons (play, 25/50/75/100 %, cta) sent by script, so a fetch of the page is never counted as a view. The Open
 * Graph tags carry the shop and the poster but not the shopper's name, which previewers would copy to their
 * servers. Pure text; stateless and thread-safe.
 */
final class LandingPage {

    private LandingPage() {
    }

    /**
     * @param base      the absolute site root ending in a slash, for the Open Graph URLs
     * @param token     the link token (URL-safe base64, no escaping needed)
     * @param ready     whether the web MP4 exists; otherwise the page says the video is being prepared
     * @param beacons   whether to include the analytics script (left out for link previewers)
     */
    static String render(String base, String token, String shopDomain, Optional<String> firstName, boolean ready,
                         boolean beacons) {
        String self = "/v/" + token;
        String title = "A thank-you video from " + shopDomain;
        String greeting = firstName.map(n -> "Thank you, " + n + "!").orElse("Thank you!");
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<meta property=\"og:type\" content=\"video.other\">\n")
                .append("<meta property=\"og:title\" content=\"").append(escape(title)).append("\">\n")
                .append("<meta property=\"og:description\" content=\"A short personal video message for you.\">\n")
                .append("<meta property=\"og:url\" content=\"").append(escape(base + self.substring(1))).append("\">\n");
        if (ready) {
            html.append("<meta property=\"og:image\" content=\"").append(escape(base + self.substring(1)))
                    .append("/poster.jpg\">\n")
                    .append("<meta name=\"twitter:card\" content=\"summary_large_image\">\n");
        }
        html.append("<style>\n")
                .append("body{margin:0;font-family:system-ui,-apple-system,sans-serif;background:#111;color:#fff;}\n")
                .append("main{max-width:40rem;margin:0 auto;padding:1rem;}\n")
                .append("h1{font-size:1.4rem;margin:.5rem 0 1rem;}\n")
                .append("video{width:100%;height:auto;border-radius:.5rem;background:#000;}\n")
                .append("a.cta{display:block;margin:1rem 0;padding:.9rem;text-align:center;border-radius:.5rem;")
                .append("background:#fff;color:#111;text-decoration:none;font-weight:600;}\n")
                .append("p.note{color:#bbb;}\n")
                .append("form.reply label{display:block;margin:1rem 0 .4rem;color:#ddd;}\n")
                .append("form.reply textarea{width:100%;box-sizing:border-box;font:inherit;border-radius:.5rem;")
                .append("padding:.6rem;}\n")
                .append("form.reply button{margin-top:.5rem;padding:.7rem 1.4rem;border:0;border-radius:.5rem;")
                .append("font-weight:600;}\n</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(escape(greeting)).append("</h1>\n");
        if (ready) {
            html.append("<video id=\"video\" controls playsinline preload=\"metadata\" poster=\"").append(self)
                    .append("/poster.jpg\">\n<source src=\"").append(self)
                    .append("/video.mp4\" type=\"video/mp4\">\n</video>\n");
        } else {
            html.append("<p class=\"note\">Your video is being prepared. Please come back in a few minutes.</p>\n");
        }
        html.append("<a class=\"cta\" id=\"cta\" href=\"https://").append(escape(shopDomain))
                .append("/\" rel=\"noopener noreferrer\">Visit ").append(escape(shopDomain)).append("</a>\n")
                .append("<form class=\"reply\" method=\"post\" action=\"").append(self).append("/reply\">\n")
                .append("<label for=\"message\">Write back to ").append(escape(shopDomain)).append("</label>\n")
                .append("<textarea id=\"message\" name=\"message\" rows=\"3\" maxlength=\"2000\" required>")
                .append("</textarea>\n<button type=\"submit\">Send</button>\n</form>\n")
                .append("</main>\n");
        if (ready && beacons) {
            html.append("<script>\n(function(){\n")
                    .append("var v=document.getElementById('video'),url='").append(self).append("/events',sent={};\n")
                    .append("function send(k){if(sent[k])return;sent[k]=1;var b=JSON.stringify({kind:k});\n")
                    .append(" if(navigator.sendBeacon&&navigator.sendBeacon(url,new Blob([b],{type:'application/json'})))return;\n")
                    .append(" fetch(url,{method:'POST',body:b,headers:{'Content-Type':'application/json'},keepalive:true});}\n")
                    .append("v.addEventListener('play',function(){send('play');});\n")
                    .append("v.addEventListener('timeupdate',function(){if(!v.duration)return;")
                    .append("var p=v.currentTime/v.duration*100;[25,50,75].forEach(function(m){if(p>=m)send(String(m));});});\n")
                    .append("v.addEventListener('ended',function(){send('100');});\n")
                    .append("document.getElementById('cta').addEventListener('click',function(){send('cta');});\n")
                    .append("})();\n</script>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** The answer to a reply: it reached the shop, and the way back to the video. */
    static String replied(String token, String shopDomain) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>Message sent</title>\n</head>\n"
                + "<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem\">\n"
                + "<h1>Thank you, your message is on its way to " + escape(shopDomain) + ".</h1>\n"
                + "<p><a href=\"/v/" + token + "\">Back to the video</a></p>\n</body>\n</html>\n";
    }

    /** The page for a link that no longer works (expired or revoked): no video, no names. */
    static String gone(String message) {
        return notice("Link no longer available", message);
    }

    /** A short page with a heading and one sentence (a refused reply, a link that no longer works). */
    static String notice(String heading, String message) {
        return HtmlPage.notice(heading, message);
    }

    static String escape(String text) {
        return HtmlPage.escape(text);
    }
}
