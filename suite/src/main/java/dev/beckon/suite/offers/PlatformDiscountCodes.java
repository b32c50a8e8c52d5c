package dev.beckon.suite.offers;

import dev.beckon.adapters.admin.DiscountCode;
import dev.beckon.adapters.admin.DiscountSpec;
import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.api.model.Money;
import dev.beckon.engine.offers.DiscountCodes;
import dev.beckon.suite.install.AdminApiCalls;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import static dev.beckon.engine.definitions.DiscountSpec.Kind.PERCENT;

/**
 * The engine's offer steps create their codes on the shop's own platform, through its admin API (Shopify's
 * {@code discountCodeBasicCreate}, BigCommerce's coupon promotions) with the token the install stored. Every
 * refusal becomes a {@link Result.Failed} with the platform's reason: the run goes on without a code and the
 * merchant sees why in the step's decision.
 */
@ApplicationScoped
public class PlatformDiscountCodes implements DiscountCodes {

    /** No 0/O, 1/I/L: codes are read off a phone and typed at a till. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 8;

    private final SecureRandom random = new SecureRandom();

    @Inject
    AdminApiCalls admin;

    @Inject
    JdbcShopStore shops;

    @Inject
    Clock clock;

    @Override
    public Result create(Request request) {
        Optional<Shop> shop = shops.find(request.shop());
        if (shop.isEmpty()) {
            return new Result.Failed("shop " + request.shop() + " is not registered");
        }
        if (!request.spec().singleUse()) {
            return new Result.Failed("Beckon creates single-use codes only; set \"singleUse\": true on the offer");
        }
        try {
            DiscountCode created = admin.createSingleUseDiscount(shop.get().platform(),
                    admin.credentials(shop.get()), platformSpec(request));
            return new Result.Created(created.code());
        } catch (PlatformCallException e) {
            return new Result.Failed("the platform did not create the code: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Result.Failed("the offer cannot become a platform discount: " + e.getMessage());
        } catch (RuntimeException e) {
            // Fault Tolerance's own exceptions (open circuit, timeout) and anything unforeseen: the run goes on
            return new Result.Failed("the platform could not be asked for a code: " + e);
        }
    }

    private DiscountSpec platformSpec(Request request) {
        var spec = request.spec();
        String title = "Beckon " + request.journey() + " / " + request.stepId();
        boolean percent = spec.kind() == PERCENT;
        return new DiscountSpec(title, newCode(), percent ? spec.value() : null,
                percent ? null : Money.of(spec.value().toPlainString(), spec.currency()), null, clock.instant(),
                request.expiresAt());
    }

    String newCode() {
        StringBuilder code = new StringBuilder("BECKON-");
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
