package dev.beckon.adapters.bigcommerce.install;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A finished BigCommerce {@code /auth}: what the suite stores for the store. {@link #toString} hides the token.
 *
 * @param storeHash     from {@code context = stores/{hash}}; never null
 * @param accessToken   permanent; never null, never logged
 * @param grantedScopes never null
 * @param userId        the installing user, as text; null if the answer had none
 * @param userEmail     null if absent
 * @param hooks         the webhooks made; never null
 * @param hookProblems  one line per scope BigCommerce refused; empty when all were made
 */
public record BigCommerceInstallation(String storeHash, String accessToken, Set<String> grantedScopes,
        String userId, String userEmail, List<HookCreator.Hook> hooks, List<String> hookProblems) {

    public BigCommerceInstallation {
        Objects.requireNonNull(storeHash, "storeHash");
        Objects.requireNonNull(accessToken, "accessToken");
        grantedScopes = Set.copyOf(grantedScopes);
        hooks = List.copyOf(hooks);
        hookProblems = List.copyOf(hookProblems);
    }

    @Override
    public String toString() {
        return "BigCommerceInstallation[storeHash=" + storeHash + ", accessToken=<hidden>, grantedScopes="
                + grantedScopes + ", userId=" + userId + ", hooks=" + hooks + ", hookProblems=" + hookProblems + "]";
    }
}
