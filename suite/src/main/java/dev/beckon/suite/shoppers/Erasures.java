package dev.beckon.suite.shoppers;

import dev.beckon.api.event.DataErasureRequested;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.shoppers.ShopperKeys;
import dev.beckon.suite.video.StreamTargets;
import dev.beckon.video.VideoRequestException;
import dev.beckon.video.privacy.VideoPrivacy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.List;

/**
 * A platform's erasure request ({@code customers/redact}) reaches every module that holds shopper data: the engine
 * erases its part when it handles the stored event; this class erases the video module's part (renders, recorded
 * videos, tasks, links and views) under every key the shopper may have been filed under.
 */
@ApplicationScoped
public class Erasures {

    private static final System.Logger LOG = System.getLogger(Erasures.class.getName());

    @Inject
    VideoPrivacy videos;

    @Inject
    StreamTargets streamTargets;

    /** For a webhook whose {@link DataErasureRequested} event is already in the engine's inbox. */
    public void requested(ShopId shop, DataErasureRequested request) {
        if (request.scope() != DataErasureRequested.Scope.CUSTOMER) {
            return;
        }
        List<String> orders = request.orders().stream().map(OrderId::value).toList();
        streamTargets.forgetAll();
        for (String ref : ShopperKeys.all(request.customer(), request.email(), request.phone())) {
            try {
                VideoPrivacy.Erased erased = videos.eraseShopper(shop, ref, orders);
                LOG.log(System.Logger.Level.INFO, "shop {0}: video data of a shopper erased: {1}", shop, erased);
            } catch (VideoRequestException | IOException e) {
                LOG.log(System.Logger.Level.WARNING, "shop " + shop + ": the shopper's video data could not all be"
                        + " erased; the merchant's erase endpoint finishes it: " + e.getMessage());
            }
        }
    }
}
