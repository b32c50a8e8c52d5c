package dev.beckon.adapters.woocommerce.install;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * The port through which the install talks to a store's REST API. Implementations send exactly one request,
 * authenticated with the keys as {@link WooAuth} says, never follow redirects, bound the time and the size of the
 * answer, and are thread-safe. {@link HttpWooStoreApi} is the production one.
 */
@FunctionalInterface
public interface WooStoreApi {

    /**
     * @return the store's answer, whatever its status; never null
     * @throws IOException          if no answer was had (unreachable, timeout, answer too large)
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    Answer send(Request request) throws IOException, InterruptedException;

    /**
     * @param method   {@code GET}, {@code POST} or {@code DELETE}; never null
     * @param url      the full URL; never null
     * @param keys     the REST keys; never null
     * @param auth     how they travel; never null
     * @param jsonBody the JSON body for a POST; null for none
     */
    record Request(String method, URI url, WooKeys keys, WooAuth auth, String jsonBody) {

        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(auth, "auth");
        }
    }

    /**
     * @param status   the HTTP status
     * @param body     the body as text; never null, may be empty
     * @param location the {@code Location} header of a redirect; null if none
     */
    record Answer(int status, String body, String location) {

        public Answer {
            Objects.requireNonNull(body, "body");
        }
    }
}
