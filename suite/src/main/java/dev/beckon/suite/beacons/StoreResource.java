package dev.beckon.suite.beacons;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.gateway.acl.IssuedCredential;
import dev.beckon.gateway.acl.JdbcCredentialStore;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.eid.EidIdentity;
import dev.beckon.gateway.filter.PathLossModel;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;
import dev.beckon.gateway.pairing.Calibration;
import dev.beckon.gateway.pairing.JdbcPairingStore;
import dev.beckon.gateway.pairing.PairedBeacon;
import dev.beckon.gateway.pairing.RegisteredScanner;
import dev.beckon.gateway.pairing.Registration;
import dev.beckon.gateway.pairing.ZoneDefinition;
import dev.beckon.gateway.visits.InvalidCursorException;
import dev.beckon.gateway.visits.JdbcVisitStore;
import dev.beckon.gateway.visits.RecordedEvent;
import dev.beckon.gateway.visits.Visit;
import dev.beckon.gateway.visits.VisitPage;
import dev.beckon.gateway.zones.Zone;
import dev.beckon.suite.beacons.BeaconViews.BeaconView;
import dev.beckon.suite.beacons.BeaconViews.CredentialView;
import dev.beckon.suite.beacons.BeaconViews.LinkedShopperView;
import dev.beckon.suite.beacons.BeaconViews.NewBeacon;
import dev.beckon.suite.beacons.BeaconViews.NewScanner;
import dev.beckon.suite.beacons.BeaconViews.NewStore;
import dev.beckon.suite.beacons.BeaconViews.NewZone;
import dev.beckon.suite.beacons.BeaconViews.ScannerView;
import dev.beckon.suite.beacons.BeaconViews.ShopperLink;
import dev.beckon.suite.beacons.BeaconViews.StoreView;
import dev.beckon.suite.beacons.BeaconViews.VisitEventView;
import dev.beckon.suite.beacons.BeaconViews.VisitPageView;
import dev.beckon.suite.beacons.BeaconViews.VisitView;
import dev.beckon.suite.beacons.BeaconViews.ZoneView;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.ShopResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A shop's physical stores for the beacon gateway: stores, their zones (with their floor positions), scanners and
 * their MQTT credentials, paired beacons (Eddystone-EID ones with their identity key, which is never returned), and
 * the recorded visits page by page. Every change reloads the gateway's pairing snapshot.
 */
@Path("api/shops/{shopId}/stores")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stores and beacons")
@SecurityRequirement(name = "bearer")
public class StoreResource {

    static final int DEFAULT_VISITS = 50;

    @Inject
    JdbcShopStore shops;

    @Inject
    JdbcPairingStore pairing;

    @Inject
    JdbcStoreDirectory directory;

    @Inject
    BeaconGateway gateway;

    @Inject
    JdbcVisitStore visits;

    @Inject
    JdbcCredentialStore credentials;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a physical store")
    public Response createStore(@PathParam("shopId") String shopId, NewStore body) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        if (body == null) {
            throw new ProblemException(400, "send a JSON object with name and optionally timeZone");
        }
        String name = text(body.name(), "name", 200);
        String timeZone = body.timeZone() == null || body.timeZone().isBlank() ? "UTC" : timeZone(body.timeZone());
        StoreId store = StoreId.of(UUID.randomUUID().toString());
        Registration outcome = pairing.registerStore(shop, store, name);
        if (outcome != Registration.CREATED) {
            throw new ProblemException(409, "store could not be registered: " + outcome);
        }
        directory.labelStore(shop, store, timeZone);
        gateway.refresh();
        return Response.created(URI.create("/api/shops/" + shop + "/stores/" + store))
                .entity(new StoreView(store.value(), name, timeZone)).build();
    }

    @GET
    @Operation(summary = "List the shop's stores")
    public List<StoreView> stores(@PathParam("shopId") String shopId) {
        return directory.stores(ShopResource.find(shops, shopId).id());
    }

    @POST
    @Path("{storeId}/zones")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a zone of a store")
    public Response createZone(@PathParam("shopId") String shopId, @PathParam("storeId") String storeId,
                               NewZone body) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        StoreId store = store(shop, storeId);
        if (body == null) {
            throw new ProblemException(400, "send a JSON object with name");
        }
        String name = text(body.name(), "name", 200);
        String zoneId = body.id() == null || body.id().isBlank() ? slug(name) : text(body.id(), "id", 255);
        if (zoneId.isEmpty()) {
            throw new ProblemException(400, "name must contain a letter or digit, or send an id");
        }
        double enter = body.enterWithinMetres() == null ? Zone.DEFAULT_ENTER_WITHIN_METRES : body.enterWithinMetres();
        double exit = body.exitBeyondMetres() == null ? Math.max(Zone.DEFAULT_EXIT_BEYOND_METRES, enter)
                : body.exitBeyondMetres();
        ZoneDefinition zone;
        try {
            zone = new ZoneDefinition(shop, store, StoreZoneId.of(zoneId), enter, exit);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "enterWithinMetres and exitBeyondMetres: " + e.getMessage());
        }
        if ((body.x() == null) != (body.y() == null)) {
            throw new ProblemException(400, "send both x and y (metres on the floor plan), or neither");
        }
        if (body.x() != null) {
            try {
                zone = zone.at(body.x(), body.y());
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, "x and y: " + e.getMessage());
            }
        }
        registered(pairing.defineZone(zone), "zone '" + zoneId + "'");
        directory.labelZone(shop, store, zoneId, name);
        gateway.refresh();
        return Response.created(URI.create("/api/shops/" + shop + "/stores/" + store + "/zones/" + zoneId))
                .entity(new ZoneView(zoneId, name, enter, exit, zone.xMetres(), zone.yMetres())).build();
    }

    @GET
    @Path("{storeId}/zones")
    @Operation(summary = "List a store's zones")
    public List<ZoneView> zones(@PathParam("shopId") String shopId, @PathParam("storeId") String storeId) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        return directory.zones(shop, store(shop, storeId));
    }

    @POST
    @Path("{storeId}/scanners")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a scanner: fixed (with zoneId) or the store app (without)",
            description = "espresenseRoom or theengsGateway names an ESPresense node or Theengs gateway; neither is a"
                    + " Beckon scanner publishing to beckon/{shopId}/stores/{storeId}/scanners/{id}/sightings.")
    public Response createScanner(@PathParam("shopId") String shopId, @PathParam("storeId") String storeId,
                                  NewScanner body) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        StoreId store = store(shop, storeId);
        if (body == null) {
            throw new ProblemException(400, "send a JSON object with id and optionally zoneId, espresenseRoom or"
                    + " theengsGateway");
        }
        String id = body.id() == null ? "" : body.id().strip();
        if (!ScannerRef.isValidId(id)) {
            throw new ProblemException(400, "id must be 1-64 of A-Z, a-z, 0-9, '.', '_' and '-', got '" + body.id()
                    + "'");
        }
        boolean espresense = present(body.espresenseRoom());
        boolean theengs = present(body.theengsGateway());
        if (espresense && theengs) {
            throw new ProblemException(400, "send espresenseRoom or theengsGateway, not both");
        }
        ScannerSource source = espresense ? ScannerSource.ESPRESENSE
                : theengs ? ScannerSource.THEENGS : ScannerSource.BECKON;
        String externalName = espresense ? body.espresenseRoom().strip() : theengs ? body.theengsGateway().strip()
                : null;
        StoreZoneId zone = present(body.zoneId()) ? StoreZoneId.of(body.zoneId().strip()) : null;
        RegisteredScanner scanner;
        try {
            scanner = new RegisteredScanner(new ScannerRef(shop, store, id), source, externalName, zone,
                    calibration(body.rssiAt1m(), body.pathLossExponent()));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, e.getMessage());
        }
        registered(pairing.registerScanner(scanner), "scanner '" + id + "'"
                + (externalName == null ? "" : " or " + source + " name '" + externalName + "'"));
        gateway.refresh();
        return Response.created(URI.create("/api/shops/" + shop + "/stores/" + store + "/scanners/" + id))
                .entity(new ScannerView(id, source.name(), zone == null ? null : zone.value(), externalName,
                        scanner.calibration().rssiAt1m(), scanner.calibration().pathLossExponent())).build();
    }

    @GET
    @Path("{storeId}/scanners")
    @Operation(summary = "List a store's scanners")
    public List<ScannerView> scanners(@PathParam("shopId") String shopId, @PathParam("storeId") String storeId) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        return directory.scanners(shop, store(shop, storeId));
    }

    @POST
    @Path("{storeId}/beacons")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pair a beacon with a zone",
            description = "A static beacon by key; an Eddystone-EID beacon by identityKey (32 hex digits, never"
                    + " returned), rotationExponent and optionally its counter now. An EID beacon is listed under"
                    + " its stable key eid:<16 hex>.")
    public Response pairBeacon(@PathParam("shopId") String shopId, @PathParam("storeId") String storeId,
                               NewBeacon body) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        StoreId store = store(shop, storeId);
        if (body == null) {
            throw new ProblemException(400, "send a JSON object with key (or identityKey and rotationExponent) and"
                    + " zoneId");
        }
        StoreZoneId zone = StoreZoneId.of(text(body.zoneId(), "zoneId", 255));
        Calibration calibration = calibration(body.rssiAt1m(), body.pathLossExponent());
        EidIdentity identity = eidIdentity(body);
        BeaconKey key;
        if (identity != null) {
            key = identity.beaconKey();
            if (present(body.key()) && !BeaconKey.parse(body.key().strip()).map(key::equals).orElse(false)) {
                throw new ProblemException(400, "key of an Eddystone-EID beacon is derived from its identity key;"
                        + " leave it out");
            }
        } else {
            if (body.rotationExponent() != null || body.counter() != null) {
                throw new ProblemException(400, "rotationExponent and counter need identityKey");
            }
            key = BeaconKey.parse(text(body.key(), "key", 300)).orElseThrow(() -> new ProblemException(400,
                    "key is not a beacon key such as ibeacon:<uuid>:<major>:<minor>, got '" + body.key() + "'"));
            if (key.value().startsWith("eid:") || key.value().startsWith("eddystone-eid:")) {
                throw new ProblemException(400, "an Eddystone-EID beacon is paired with identityKey and"
                        + " rotationExponent, not by key");
            }
        }
        PairedBeacon beacon;
        try {
            beacon = new PairedBeacon(shop, store, key, zone, calibration);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, e.getMessage());
        }
        registered(identity == null ? pairing.pairBeacon(beacon) : pairing.pairEidBeacon(beacon, identity),
                "beacon '" + key.value() + "' (a beacon marks one zone per shop)");
        gateway.refresh();
        return Response.created(URI.create("/api/shops/" + shop + "/stores/" + store + "/beacons"))
                .entity(new BeaconView(key.value(), zone.value(), calibration.rssiAt1m(),
                        calibration.pathLossExponent(), identity == null ? "STATIC" : "EDDYSTONE_EID")).build();
    }

    /** The EID identity of the body, or null for a static beacon. */
    private EidIdentity eidIdentity(NewBeacon body) {
        if (body.identityKey() == null) {
            return null;
        }
        if (body.rotationExponent() == null) {
            throw new ProblemException(400, "rotationExponent (0-15) is required with identityKey");
        }
        try {
            return EidIdentity.registeredAt(body.identityKey().strip(), body.rotationExponent(),
                    body.counter() == null ? 0 : body.counter(), clock.instant());
        } catch (IllegalArgumentException e) {
            // the message names the field's rule, never the key itself
            throw new ProblemException(400, e.getMessage());
        }
    }

    @GET
    @Path("{storeId}/beacons")
    @Operation(summary = "List a store's paired beacons")
    public List<BeaconView> beacons(@PathParam("shopId") String shopId, @PathParam("storeId") String storeId) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        return directory.beacons(shop, store(shop, storeId));
    }

    @GET
    @Path("{storeId}/visits")
    @Operation(summary = "A store's recorded visits, newest first, page by page",
            description = "Each visit: the device (an app install id when the app reported it) or linked shopper,"
                    + " and its ordered VisitStarted/ZoneEntered/ZoneDwelled/ZoneExited/VisitEnded events with zone"
                    + " and time. limit 1-200 (default 50); cursor is a previous page's nextCursor. Visits are kept"
                    + " 24 h after their last event unless the shopper consented.")
    public VisitPageView visits(@PathParam("shopId") String shopId, @PathParam("storeId") String storeId,
                                @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        StoreId store = store(shop, storeId);
        int size;
        try {
            size = limit(limit);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, e.getMessage());
        }
        VisitPage page;
        try {
            page = visits.visits(shop, store, size, cursor == null || cursor.isBlank() ? null : cursor.strip());
        } catch (InvalidCursorException e) {
            throw new ProblemException(400, "cursor is not a nextCursor of this list");
        }
        return view(page);
    }

    @PUT
    @Path("{storeId}/devices/{deviceId}/shopper")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link a device's visits to this store to a signed-in, consenting customer",
            description = "Call it when the app install (deviceId as the visits list shows it) is signed in and its"
                    + " shopper accepted the app's terms: linked visits show the shopperId and are kept past the"
                    + " 24 h retention. 404 when the device has no recorded visit in this store.")
    public LinkedShopperView linkShopper(@PathParam("shopId") String shopId, @PathParam("storeId") String storeId,
                                         @PathParam("deviceId") String deviceId, ShopperLink body) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        StoreId store = store(shop, storeId);
        if (body == null) {
            throw new ProblemException(400, "send a JSON object with shopperId");
        }
        String shopperId = text(body.shopperId(), "shopperId", 255);
        int linked = deviceId == null || deviceId.isBlank() || deviceId.length() > 255 ? 0
                : visits.linkShopper(shop, store, DeviceId.of(deviceId), shopperId);
        if (linked == 0) {
            throw new ProblemException(404, "no recorded visit of device '" + deviceId + "' in store '" + storeId
                    + "'");
        }
        return new LinkedShopperView(deviceId, shopperId, linked);
    }

    @POST
    @Path("{storeId}/scanners/{scannerId}/credentials")
    @Operation(summary = "Issue an MQTT credential for a scanner",
            description = "Answers {username, password}; the password is shown only here (only its SHA-256 is"
                    + " stored). The broker then lets the scanner publish only its own sightings topic.")
    public Response issueScannerCredential(@PathParam("shopId") String shopId, @PathParam("storeId") String storeId,
                                           @PathParam("scannerId") String scannerId) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        StoreId store = store(shop, storeId);
        if (!ScannerRef.isValidId(scannerId)) {
            throw new ProblemException(404, "no scanner '" + scannerId + "'");
        }
        IssuedCredential issued = credentials.issueForScanner(new ScannerRef(shop, store, scannerId))
                .orElseThrow(() -> new ProblemException(404, "no scanner '" + scannerId + "'"));
        return credential(issued);
    }

    /** The credential, once, never cached. */
    static Response credential(IssuedCredential issued) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(201).cacheControl(noStore)
                .entity(new CredentialView(issued.username(), issued.password())).build();
    }

    /** The page size asked for; 50 when absent. @throws IllegalArgumentException naming the rule */
    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_VISITS;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= JdbcVisitStore.MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("limit must be a whole number from 1 to " + JdbcVisitStore.MAX_PAGE
                + ", got '" + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'");
    }

    static VisitPageView view(VisitPage page) {
        return new VisitPageView(page.visits().stream().map(StoreResource::view).toList(), page.nextCursor());
    }

    static VisitView view(Visit visit) {
        return new VisitView(visit.visit().value(), visit.device().value(), visit.shopperId(), visit.startedAt(),
                visit.endedAt(), visit.ended(), visit.events().stream().map(StoreResource::view).toList());
    }

    private static VisitEventView view(RecordedEvent event) {
        return new VisitEventView(event.type(), event.zone() == null ? null : event.zone().value(), event.at(),
                event.dwell());
    }

    private StoreId store(ShopId shop, String storeId) {
        if (storeId == null || storeId.isBlank() || storeId.length() > 255) {
            throw new ProblemException(404, "no store '" + storeId + "'");
        }
        StoreId store = StoreId.of(storeId);
        if (directory.store(shop, store).isEmpty()) {
            throw new ProblemException(404, "no store '" + storeId + "'");
        }
        return store;
    }

    private static void registered(Registration outcome, String what) {
        switch (outcome) {
            case CREATED -> {
            }
            case DUPLICATE -> throw new ProblemException(409, what + " is already registered");
            case UNKNOWN_STORE_OR_ZONE -> throw new ProblemException(400, "zoneId is not a zone of this store");
            default -> throw new IllegalStateException("unexpected " + outcome);
        }
    }

    private static Calibration calibration(Double rssiAt1m, Double pathLossExponent) {
        try {
            return new Calibration(rssiAt1m,
                    pathLossExponent == null ? PathLossModel.DEFAULT_EXPONENT : pathLossExponent);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, e.getMessage());
        }
    }

    private static String timeZone(String text) {
        try {
            return ZoneId.of(text.strip()).getId();
        } catch (DateTimeException e) {
            throw new ProblemException(400, "timeZone must be an IANA time zone such as Europe/Berlin, got '" + text
                    + "'");
        }
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(400, field + " is required");
        }
        if (value.strip().length() > max) {
            throw new ProblemException(400, field + " must be at most " + max + " characters");
        }
        return value.strip();
    }
}
