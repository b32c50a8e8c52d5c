package dev.beckon.adapters.saleor;

import java.io.IOException;
import java.net.URI;

/**
 * Where a Saleor instance's public signing keys come from: the JWKS document at
 * {@code {api origin}/.well-known/jwks.json}.
 *
 * <p>Implementations are thread-safe. {@link #fetch} may block on network I/O for a bounded time; callers cache
 * what it returns ({@link CachingJwks}) and never call it for a host a caller chose.
 */
@FunctionalInterface
public interface JwksSource {

    /**
     * @param origin the instance's origin, scheme and authority only ({@code https://demo.saleor.cloud}); never
     *               null
     * @return the JWKS JSON document; never null
     * @throws IOException if it cannot be fetched (unreachable, timeout, non-200 answer, too large)
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    String fetch(URI origin) throws IOException, InterruptedException;
}
