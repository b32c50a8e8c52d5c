package dev.beckon.suite.beacons;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.shoppers.JdbcAddressConsents;
import dev.beckon.gateway.acl.JdbcCredentialStore;
import dev.beckon.gateway.apps.AppInstall;
import dev.beckon.gateway.apps.InstallDevices;
import dev.beckon.gateway.apps.JdbcAppInstalls;
import dev.beckon.suite.beacons.BeaconViews.AppInstallView;
import dev.beckon.suite.beacons.BeaconViews.AppOptIn;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.ShopResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * The shop's store app installs: MQTT credentials (with one, an install may subscribe to its own offers topic
 * {@code beckon/<shopId>/apps/<installId>/offers} and publish sightings as a roaming (zone-less) scanner of the
 * shop, nothing else) and the shopper's in-app opt-in to offers, which is the install's APP marketing consent and
 * names the device fixed scanners hear for the phone.
 */
@Path("api/shops/{shopId}/apps")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stores and beacons")
@SecurityRequirement(name = "bearer")
public class AppCredentialResource {

    /** The source of the consent an opt-in records. */
    static final String CONSENT_SOURCE = "app:in-app-opt-in";
    private static final String INSTALL_ID_RULE = "installId must be 1-200 characters without '/', '+', '#' or a"
            + " leading '$'";

    @Inject
    JdbcShopStore shops;

    @Inject
    JdbcCredentialStore credentials;

    @Inject
    JdbcAppInstalls installs;

    @Inject
    InstallDevices devices;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private final JdbcAddressConsents consents = new JdbcAddressConsents();

    @POST
    @Path("{installId}/credentials")
    @Operation(summary = "Issue an MQTT credential for an app install",
            description = "Answers {username, password}; the password is shown only here. installId is 1-200"
                    + " characters without '/', '+', '#' or a leading '$' (it is a topic level).")
    public Response issue(@PathParam("shopId") String shopId, @PathParam("installId") String installId) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        if (!JdbcCredentialStore.isInstallId(installId)) {
            throw new ProblemException(400, INSTALL_ID_RULE);
        }
        return StoreResource.credential(credentials.issueForAppInstall(shop, installId));
    }

    @PUT
    @Path("{installId}/opt-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the shopper's in-app opt-in to in-store offers (or its withdrawal)",
            description = "The app calls this (through the merchant's backend) when the shopper explicitly opts in"
                    + " (optIn true) or out (false) inside the app. It is the install's APP marketing consent: the"
                    + " in-store offer goes only to opted-in installs, and a skipped offer says why. device names"
                    + " what fixed scanners hear for the phone (the iBeacon the app advertises, e.g. ESPresense's"
                    + " iBeacon:<uuid>-<major>-<minor>, or a MAC), so their zone events name this install; it may"
                    + " belong to one install of the shop (409 otherwise). Replaces the previous registration.")
    public AppInstallView optIn(@PathParam("shopId") String shopId, @PathParam("installId") String installId,
                                AppOptIn body) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        if (!JdbcCredentialStore.isInstallId(installId)) {
            throw new ProblemException(400, INSTALL_ID_RULE);
        }
        if (body == null || body.optIn() == null) {
            throw new ProblemException(400, "send a JSON object with optIn (true or false) and optionally device");
        }
        String device = null;
        if (body.device() != null) {
            device = InstallDevices.deviceKey(body.device());
            if (device == null || device.length() > 255) {
                throw new ProblemException(400, "device must be 1-255 characters: the id fixed scanners report for"
                        + " the phone");
            }
        }
        Instant now = clock.instant();
        AppInstall install = new AppInstall(shop, installId, device, body.optIn(), now);
        if (installs.register(install) == JdbcAppInstalls.Outcome.DEVICE_CLAIMED) {
            throw new ProblemException(409, "device '" + device + "' is registered for another app install of"
                    + " this shop");
        }
        recordConsent(shop, installId, body.optIn(), now);
        devices.put(install);
        return new AppInstallView(installId, install.optedIn(), device, now);
    }

    /** The install's APP marketing consent, where the engine's guardrails read it. */
    private void recordConsent(ShopId shop, String installId, boolean optIn, Instant now) {
        Consent consent = Consent.marketing(ChannelType.APP, optIn ? Consent.State.SUBSCRIBED
                : Consent.State.UNSUBSCRIBED, CONSENT_SOURCE, now);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                consents.record(c, shop, installId, consent, now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording the app opt-in of install " + installId + " of shop " + shop
                    + " failed", e);
        }
    }
}
