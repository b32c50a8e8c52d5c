package dev.beckon.suite.engine;

import dev.beckon.api.platform.PlatformAdapter;
import dev.beckon.api.plugin.PluginRegistry;
import dev.beckon.adapters.bigcommerce.BigCommerceAdapter;
import dev.beckon.adapters.saleor.SaleorAdapter;
import dev.beckon.adapters.shopify.ShopifyAdapter;
import dev.beckon.adapters.standardwebhooks.StandardWebhooksAdapter;
import dev.beckon.adapters.woocommerce.WooCommerceAdapter;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.channels.email.SmtpEmailChannel;
import dev.beckon.engine.channels.sms.TwilioSmsChannel;
import dev.beckon.gateway.offers.MqttAppOfferChannel;
import dev.beckon.suite.channels.GuardedChannel;
import dev.beckon.suite.channels.ProviderCircuits;
import dev.beckon.suite.clicks.JdbcClickLinks;
import dev.beckon.suite.clicks.TrackedChannel;
import dev.beckon.suite.config.SuiteSettings;
import dev.beckon.suite.offers.PlatformDiscountCodes;
import dev.beckon.suite.unsubscribe.UnsubscribeHooks;
import dev.beckon.suite.video.JourneyVideoSteps;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/** Wires the feature modules: the one place that knows every module. */
@ApplicationScoped
public class EngineProducer {

    /** Makes the engine's send threads (beckon.outbox.concurrency of them). */
    @Resource
    ManagedThreadFactory threadFactory;

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ProactiveEngine engine(DataSource dataSource, SuiteSettings settings, Clock clock, ProviderCircuits circuits,
                           PlatformDiscountCodes discountCodes, JourneyVideoSteps videos,
                           UnsubscribeHooks mailing, JdbcClickLinks clicks, MqttAppOfferChannel appOffers) {
        String base = settings.publicBaseUrl().toString().replaceAll("/+$", "");
        TrackedChannel.Tracker tracker = (shop, message, url) -> base + "/r/" + clicks.tokenFor(shop, message, url);
        return new ProactiveEngine(dataSource, settings.engine(), List.of(
                new TrackedChannel(new GuardedChannel(new TwilioSmsChannel(settings.sms()), circuits), base, tracker),
                new TrackedChannel(new GuardedChannel(new SmtpEmailChannel(settings.email(), mailing, clock),
                        circuits), base, tracker),
                new GuardedChannel(appOffers, circuits)), clock, discountCodes, videos, threadFactory);
    }

    void close(@Disposes ProactiveEngine engine) {
        engine.close();
    }

    @Produces
    @Singleton
    PluginRegistry<PlatformAdapter> platforms(Clock clock) {
        return PluginRegistry.of("platform", List.of(new ShopifyAdapter(), new WooCommerceAdapter(),
                new BigCommerceAdapter(clock), new SaleorAdapter(), new StandardWebhooksAdapter(clock)));
    }
}
