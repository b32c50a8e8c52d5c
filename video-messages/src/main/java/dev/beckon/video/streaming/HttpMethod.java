package dev.beckon.video.streaming;

/** The two methods the video endpoint answers. Range evaluation treats them alike; only GET sends content. */
public enum HttpMethod {
    GET,
    HEAD;

    /** Whether a response to this method carries content (RFC 9110 §9.3.2: HEAD never does). */
    public boolean sendsContent() {
        return this == GET;
    }
}
