package dev.beckon.adapters.saleor.install;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * The port through which register calls a Saleor GraphQL API. Implementations send exactly one POST with
 * {@code Authorization: Bearer <token>}, never follow redirects, bound the time and the size of the answer, and are
 * thread-safe. {@link HttpSaleorApi} is the production one.
 */
@FunctionalInterface
public interface SaleorApi {

    /**
     * @param apiUrl the GraphQL endpoint ({@code https://demo.saleor.cloud/graphql/}); never null
     * @param token  the app token; never null, never logged
     * @param body   the GraphQL request JSON ({@code {"query": "…"}}); never null
     * @return the answer, whatever its status; never null
     * @throws IOException          if no answer was had (unreachable, timeout, too large)
     * @throws InterruptedException if interrupted while waiting
     */
    Answer post(URI apiUrl, String token, String body) throws IOException, InterruptedException;

    /**
     * @param status the HTTP status
     * @param body   the body as text; never null
     */
    record Answer(int status, String body) {

        public Answer {
            Objects.requireNonNull(body, "body");
        }
    }
}
