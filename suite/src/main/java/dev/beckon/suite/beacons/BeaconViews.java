package dev.beckon.suite.beacons;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The bodies and answers of the beacon API. */
public final class BeaconViews {

    private BeaconViews() {
    }

    @Schema(name = "NewStore")
    public record NewStore(@Schema(required = true) String name,
                           @Schema(example = "Europe/Berlin", description = "IANA time zone; UTC if absent")
                           String timeZone) {
    }

    @Schema(name = "NewZone")
    public record NewZone(@Schema(required = true, example = "Shoes") String name,
                          @Schema(description = "Zone id; a slug of the name if absent") String id,
                          @Schema(description = "Enter radius in metres; 3 if absent") Double enterWithinMetres,
                          @Schema(description = "Exit radius in metres; 6 if absent") Double exitBeyondMetres,
                          @Schema(description = "x of the zone's centre on the floor plan, metres; with y")
                          Double x,
                          @Schema(description = "y of the zone's centre on the floor plan, metres; with x")
                          Double y) {
    }

    @Schema(name = "NewScanner")
    public record NewScanner(@Schema(required = true, example = "shelf-tablet-1") String id,
                             @Schema(description = "The zone of a fixed scanner; none for the store app") String zoneId,
                             @Schema(description = "ESPresense room slug") String espresenseRoom,
                             @Schema(description = "Theengs/OpenMQTTGateway gateway name") String theengsGateway,
                             Double rssiAt1m, Double pathLossExponent) {
    }

    @Schema(name = "NewBeacon")
    public record NewBeacon(@Schema(example = "ibeacon:2f234454-cf6d-4a0f-adf2-f4911ba9ffa6:1:2",
                                    description = "The beacon key; required unless identityKey is sent")
                            String key,
                            @Schema(required = true) String zoneId, Double rssiAt1m, Double pathLossExponent,
                            @Schema(description = "Eddystone-EID identity key, 32 hex digits; write-only, never"
                                    + " returned") String identityKey,
                            @Schema(description = "Eddystone-EID rotation exponent K (0-15): a new id every 2^K s;"
                                    + " required with identityKey") Integer rotationExponent,
                            @Schema(description = "Eddystone-EID: the beacon's 32-bit counter now (seconds since"
                                    + " it was provisioned); 0 if absent") Long counter) {
    }

    @JsonbNillable
    @Schema(name = "Store")
    public record StoreView(String id, String name, String timeZone) {
    }

    @JsonbNillable
    @Schema(name = "Zone")
    public record ZoneView(String id, String name, double enterWithinMetres, double exitBeyondMetres, Double x,
                           Double y) {
    }

    @JsonbNillable
    @Schema(name = "Scanner")
    public record ScannerView(String id, @Schema(enumeration = {"BECKON", "ESPRESENSE", "THEENGS"}) String source,
                              String zoneId, String externalName, Double rssiAt1m, double pathLossExponent) {
    }

    @JsonbNillable
    @Schema(name = "Beacon")
    public record BeaconView(String key, String zoneId, Double rssiAt1m, double pathLossExponent,
                             @Schema(enumeration = {"STATIC", "EDDYSTONE_EID"}) String kind) {
    }

    @Schema(name = "ConfirmProposal")
    public record ConfirmProposal(@Schema(required = true) String zoneId,
                                  @Schema(description = "The key the proposals showed; when sent, the confirmation"
                                          + " fails with 409 if the scanner proposes another beacon now") String key,
                                  @Schema(description = "RSSI at 1 m, dBm; if absent: the frame's measured power,"
                                          + " else the median RSSI heard now (hold the beacon 1 m from the scanner)")
                                  Double rssiAt1m,
                                  Double pathLossExponent) {
    }

    @Schema(name = "HeardBeacon", description = "An unpaired beacon a scanner hears")
    public record HeardBeaconView(String key,
                                  @Schema(enumeration = {"IBEACON", "ALTBEACON", "EDDYSTONE_UID", "EDDYSTONE_URL"})
                                  String kind,
                                  @Schema(description = "Median RSSI of the readings of the last 10 s, dBm") double rssi,
                                  double strongestRssi,
                                  @Schema(description = "Readings since first heard") long sightings,
                                  @Schema(description = "Readings in the last 10 s") int recentSightings,
                                  Instant firstSeen, Instant lastSeen,
                                  @Schema(description = "RSSI at 1 m the frame states, dBm; absent when it states"
                                          + " none") Integer measuredPower,
                                  @Schema(description = "Whether this is the beacon proposed for pairing (the first,"
                                          + " at most one)") boolean proposed) {
    }

    @JsonbNillable
    @Schema(name = "Proposals")
    public record ProposalsView(@Schema(description = "The key of the proposed beacon, or null") String proposed,
                                @Schema(description = "Why none is proposed, null when one is", enumeration = {
                                        "NOTHING_HEARD", "NOT_RECENT", "TOO_FEW_SIGHTINGS", "NOT_CLEARLY_STRONGEST"})
                                String reason,
                                @Schema(description = "The reason for a person, null when one is proposed")
                                String explanation,
                                @Schema(description = "dB the proposed beacon is above the next one; null when it"
                                        + " is the only one or none is proposed") Double marginDb,
                                @Schema(description = "Recent ones first, strongest first")
                                List<HeardBeaconView> beacons) {
    }

    @Schema(name = "MqttCredential", description = "Shown once: only the password's SHA-256 is stored")
    public record CredentialView(String username, String password) {
    }

    @JsonbNillable
    @Schema(name = "VisitEvent")
    public record VisitEventView(@Schema(enumeration = {"VisitStarted", "ZoneEntered", "ZoneDwelled", "ZoneExited",
            "VisitEnded"}) String type, String zoneId, Instant at, Duration dwell) {
    }

    @JsonbNillable
    @Schema(name = "Visit")
    public record VisitView(String visitId,
                            @Schema(description = "The device: an app install id when the store app reported it")
                            String device,
                            @Schema(description = "The shopper linked to the device, if any") String shopperId,
                            Instant startedAt, Instant endedAt, boolean ended, List<VisitEventView> events) {
    }

    @JsonbNillable
    @Schema(name = "VisitPage")
    public record VisitPageView(List<VisitView> visits,
                                @Schema(description = "Pass as cursor for the next (older) page; null on the last")
                                String nextCursor) {
    }

    @Schema(name = "AppOptIn")
    public record AppOptIn(@Schema(required = true, description = "true when the shopper opted in to offers inside"
                                   + " the app; false withdraws") Boolean optIn,
                           @Schema(example = "iBeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0-100-7",
                                   description = "What fixed scanners hear for this phone: the iBeacon the app"
                                           + " advertises (ESPresense id or beacon key) or its MAC; absent when the"
                                           + " app only reports what it hears") String device) {
    }

    @JsonbNillable
    @Schema(name = "AppInstall")
    public record AppInstallView(String installId, boolean optIn,
                                 @Schema(description = "The device key fixed scanners report for the phone")
                                 String device, Instant updatedAt) {
    }

    @Schema(name = "ShopperLink")
    public record ShopperLink(@Schema(required = true, description = "The shop's customer id, 1-255 characters")
                              String shopperId) {
    }

    @Schema(name = "LinkedShopper")
    public record LinkedShopperView(String deviceId, String shopperId, int visitsLinked) {
    }
}
