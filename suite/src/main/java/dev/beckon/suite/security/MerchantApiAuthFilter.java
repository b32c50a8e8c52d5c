package dev.beckon.suite.security;

import dev.beckon.api.model.ShopId;
import dev.beckon.suite.engine.Bootstrap;
import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.shops.ApiKeys;
import dev.beckon.suite.shops.JdbcShopStore;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Optional;

/**
 * Guards the merchant API. {@code /api/shops} itself takes the operator token; {@code /api/shops/{id}/**} takes
 * the operator token or that shop's key. A valid key for another shop gets 404, exactly as a shop that does not
 * exist, so a key never reveals which other shops exist.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class MerchantApiAuthFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    Bootstrap bootstrap;

    @Inject
    JdbcShopStore shops;

    @Override
    public void filter(ContainerRequestContext request) {
        List<PathSegment> path = request.getUriInfo().getPathSegments();
        if (path.size() < 2 || !"api".equals(path.get(0).getPath()) || !"shops".equals(path.get(1).getPath())) {
            return;
        }
        Optional<String> token = bearer(request);
        if (token.isEmpty()) {
            request.abortWith(unauthorized("send the operator token or the shop's API key as 'Authorization: Bearer …'"));
            return;
        }
        if (bootstrap.operatorToken().matches(token.get())) {
            request.setProperty(Caller.PROPERTY, new Caller.Operator());
            return;
        }
        Optional<ShopId> keyShop = shops.findByKeyHash(ApiKeys.hash(token.get()));
        if (keyShop.isEmpty()) {
            request.abortWith(unauthorized("the bearer token is not a valid operator token or shop API key"));
            return;
        }
        if (path.size() < 3 || path.get(2).getPath().isEmpty()) {
            request.abortWith(Problem.response(403, "creating and listing shops needs the operator token"));
            return;
        }
        if (!keyShop.get().value().equals(path.get(2).getPath())) {
            request.abortWith(Problem.response(404, "no shop '" + path.get(2).getPath() + "'"));
            return;
        }
        request.setProperty(Caller.PROPERTY, new Caller.ShopKey(keyShop.get()));
    }

    private static Optional<String> bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.response(401, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"beckon\"")
                .build();
    }
}
