package dev.beckon.suite.beacons;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.filter.PathLossModel;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.pairing.Calibration;
import dev.beckon.gateway.pairing.HeardBeacon;
import dev.beckon.gateway.pairing.JdbcPairingStore;
import dev.beckon.gateway.pairing.PairedBeacon;
import dev.beckon.gateway.pairing.Proposal;
import dev.beckon.suite.beacons.BeaconViews.BeaconView;
import dev.beckon.suite.beacons.BeaconViews.ConfirmProposal;
import dev.beckon.suite.beacons.BeaconViews.HeardBeaconView;
import dev.beckon.suite.beacons.BeaconViews.ProposalsView;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.ShopResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairing by proximity: staff put an unpaired beacon next to a scanner of the store, read which beacon the
 * scanner proposes (the unpaired one it hears clearly strongest), and confirm it into a zone, either here in one
 * step or with {@code POST .../beacons} and the proposed key.
 */
@Path("api/shops/{shopId}/stores/{storeId}/scanners/{scannerId}/proposals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stores and beacons")
@SecurityRequirement(name = "bearer")
public class ProposalResource {

    @Inject
    JdbcShopStore shops;

    @Inject
    JdbcStoreDirectory directory;

    @Inject
    JdbcPairingStore pairing;

    @Inject
    BeaconGateway gateway;

    @GET
    @Operation(summary = "The unpaired beacons a scanner hears now, and the one it proposes for pairing",
            description = "Recent ones (heard in the last 10 s) first, by median RSSI, strongest first. The first is"
                    + " proposed when it was heard at least 3 times in the last 10 s and is at least 8 dB above the"
                    + " next recent one; otherwise reason and explanation say why none is. Beacons paired in any"
                    + " store of the shop, spoof suspects and Eddystone-EID frames are never listed; what was not"
                    + " heard for 2 min is forgotten.")
    public ProposalsView proposals(@PathParam("shopId") String shopId, @PathParam("storeId") String storeId,
                                   @PathParam("scannerId") String scannerId) {
        return view(gateway.proposals(scanner(shopId, storeId, scannerId)));
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pair the beacon the scanner proposes now with a zone",
            description = "409 when the scanner proposes none (or another one than the key sent). Calibration:"
                    + " rssiAt1m if sent; else the frame's measured power (stored as none, so the advertised value"
                    + " is used); else the median RSSI heard now, so hold the beacon about 1 m from the scanner"
                    + " while confirming.")
    public Response confirm(@PathParam("shopId") String shopId, @PathParam("storeId") String storeId,
                            @PathParam("scannerId") String scannerId, ConfirmProposal body) {
        ScannerRef scanner = scanner(shopId, storeId, scannerId);
        if (body == null || body.zoneId() == null || body.zoneId().isBlank()) {
            throw new ProblemException(400, "send a JSON object with zoneId and optionally key, rssiAt1m and"
                    + " pathLossExponent");
        }
        if (body.zoneId().strip().length() > 255) {
            throw new ProblemException(400, "zoneId must be at most 255 characters");
        }
        Proposal proposal = gateway.proposals(scanner);
        if (!(proposal instanceof Proposal.Proposed proposed)) {
            Proposal.NoneProposed none = (Proposal.NoneProposed) proposal;
            throw new ProblemException(409, "scanner " + scannerId + " proposes no beacon now (" + none.reason()
                    + "): " + none.explanation());
        }
        HeardBeacon beacon = proposed.beacon();
        if (body.key() != null && !body.key().isBlank() && !BeaconKey.parse(body.key()).orElseThrow(
                () -> new ProblemException(400, "key is not a beacon key, got '" + body.key() + "'"))
                .equals(beacon.key())) {
            throw new ProblemException(409, "scanner " + scannerId + " now proposes " + beacon.key()
                    + ", not " + body.key().strip() + "; read the proposals again");
        }
        Calibration calibration = calibration(body, beacon);
        StoreZoneId zone = StoreZoneId.of(body.zoneId().strip());
        PairedBeacon paired = new PairedBeacon(scanner.shop(), scanner.store(), beacon.key(), zone, calibration);
        switch (pairing.pairBeacon(paired)) {
            case CREATED -> {
            }
            case DUPLICATE -> throw new ProblemException(409, "beacon '" + beacon.key()
                    + "' is already registered (a beacon marks one zone per shop)");
            case UNKNOWN_STORE_OR_ZONE -> throw new ProblemException(400, "zoneId is not a zone of this store");
            default -> throw new IllegalStateException("unexpected pairing outcome");
        }
        gateway.refresh();
        return Response.created(URI.create("/api/shops/" + scanner.shop() + "/stores/" + scanner.store()
                        + "/beacons"))
                .entity(new BeaconView(beacon.key().value(), zone.value(), calibration.rssiAt1m(),
                        calibration.pathLossExponent(), "STATIC")).build();
    }

    /**
     * The body's rssiAt1m; else none when the frame states its measured power (the pipeline then uses it); else
     * the median RSSI heard now, the beacon held about 1 m from the scanner.
     */
    static Calibration calibration(ConfirmProposal body, HeardBeacon beacon) {
        Double rssiAt1m = body.rssiAt1m() != null ? body.rssiAt1m()
                : beacon.measuredPower() != null ? null : (double) Math.round(beacon.rssi());
        try {
            return new Calibration(rssiAt1m,
                    body.pathLossExponent() == null ? PathLossModel.DEFAULT_EXPONENT : body.pathLossExponent());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, e.getMessage());
        }
    }

    static ProposalsView view(Proposal proposal) {
        List<HeardBeaconView> beacons = new ArrayList<>();
        boolean proposed = proposal instanceof Proposal.Proposed;
        for (HeardBeacon heard : proposal.heard()) {
            beacons.add(new HeardBeaconView(heard.key().value(), heard.kind(), heard.rssi(), heard.strongestRssi(),
                    heard.sightings(), heard.recentSightings(), heard.firstSeen(), heard.lastSeen(),
                    heard.measuredPower(), proposed && beacons.isEmpty()));
        }
        if (proposal instanceof Proposal.Proposed clear) {
            return new ProposalsView(clear.beacon().key().value(), null, null,
                    Double.isInfinite(clear.marginDb()) ? null : clear.marginDb(), beacons);
        }
        Proposal.NoneProposed none = (Proposal.NoneProposed) proposal;
        return new ProposalsView(null, none.reason().name(), none.explanation(), null, beacons);
    }

    private ScannerRef scanner(String shopId, String storeId, String scannerId) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        if (storeId == null || storeId.isBlank() || storeId.length() > 255
                || directory.store(shop, StoreId.of(storeId)).isEmpty()) {
            throw new ProblemException(404, "no store '" + storeId + "'");
        }
        StoreId store = StoreId.of(storeId);
        if (!ScannerRef.isValidId(scannerId)
                || directory.scanners(shop, store).stream().noneMatch(s -> s.id().equals(scannerId))) {
            throw new ProblemException(404, "no scanner '" + scannerId + "' in store '" + storeId + "'");
        }
        return new ScannerRef(shop, store, scannerId);
    }
}
