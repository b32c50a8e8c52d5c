package dev.beckon.gateway.acl;

import dev.beckon.api.model.ShopId;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.pairing.RegisteredScanner;
import dev.beckon.api.model.StoreId;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Publish and subscribe rights per {@link ClientIdentity}; everything not listed is denied.
 *
 * <table>
 *   <caption>Rights</caption>
 *   <tr><th>identity</th><th>publish</th><th>subscribe</th></tr>
 *   <tr><td>Beckon scanner</td><td>{@code beckon/<shop>/stores/<store>/scanners/<itself>/sightings}</td>
 *       <td>nothing</td></tr>
 *   <tr><td>ESPresense node of room {@code r}</td>
 *       <td>{@code espresense/devices/+/r}, {@code espresense/devices/+/r/+} (query reports),
 *           {@code espresense/rooms/r/#} (status, telemetry, sensors)</td>
 *       <td>{@code espresense/rooms/r/+/set}, {@code espresense/rooms/*}{@code /+/set} (literal {@code *}),
 *           {@code espresense/settings/+/config}</td></tr>
 *   <tr><td>Theengs gateway {@code g}</td><td>{@code home/g/#}</td><td>{@code home/g/#}</td></tr>
 *   <tr><td>app install {@code i} of shop {@code s}</td>
 *       <td>{@code beckon/s/stores/<store>/scanners/<id>/sightings} of a roaming (zone-less) Beckon scanner of
 *           shop {@code s}, as registered now</td>
 *       <td>{@code beckon/s/apps/i/offers}</td></tr>
 *   <tr><td>suite</td><td>anything</td><td>anything</td></tr>
 * </table>
 *
 * A subscription is allowed when every topic its filter can match is allowed, so a wildcard filter is refused
 * unless a right covers it entirely. An id that cannot stand as one topic level (empty, or holding {@code /},
 * {@code +}, {@code #}, or a leading {@code $}) gets no rights at all, so no id can widen its own pattern. Topics
 * starting with {@code $} ({@code $SYS}, {@code $share}) are the suite's only.
 *
 * <p>Thread-safe and non-blocking: reads the pairing snapshot it is given (for app installs' roaming scanners);
 * never throws on any topic text; null arguments are denied.
 */
public final class TopicAcl {

    private final Supplier<PairingSnapshot> pairing;

    /** @param pairing the registry's current snapshot; never null */
    public TopicAcl(Supplier<PairingSnapshot> pairing) {
        this.pairing = Objects.requireNonNull(pairing, "pairing");
    }

    /** The topic a Beckon scanner publishes its sighting batches to. */
    public static String sightingTopic(ScannerRef scanner) {
        return "beckon/" + scanner.shop().value() + "/stores/" + scanner.store().value() + "/scanners/"
                + scanner.scannerId() + "/sightings";
    }

    /** The topic an app install receives its offers on. */
    public static String offerTopic(ShopId shop, String installId) {
        return "beckon/" + shop.value() + "/apps/" + installId + "/offers";
    }

    /** Whether {@code identity} may publish to {@code topic} (a topic name, no wildcards). */
    public boolean canPublish(ClientIdentity identity, String topic) {
        if (identity == null || !isTopicName(topic)) {
            return false;
        }
        if (identity instanceof ClientIdentity.Suite) {
            return true;
        }
        if (topic.startsWith("$")) {
            return false;
        }
        if (identity instanceof ClientIdentity.AppInstall app) {
            return appMayReportAs(app, topic);
        }
        return covered(publishRights((ClientIdentity.Scanner) identity), topic);
    }

    /** Whether {@code identity} may subscribe to {@code topicFilter} (wildcards allowed). */
    public boolean canSubscribe(ClientIdentity identity, String topicFilter) {
        if (identity == null || !isTopicFilter(topicFilter)) {
            return false;
        }
        if (identity instanceof ClientIdentity.Suite) {
            return true;
        }
        if (topicFilter.startsWith("$")) {
            return false;
        }
        if (identity instanceof ClientIdentity.AppInstall app) {
            return isLevel(app.shop().value()) && isLevel(app.installId())
                    && topicFilter.equals(offerTopic(app.shop(), app.installId()));
        }
        return covered(subscribeRights((ClientIdentity.Scanner) identity), topicFilter);
    }

    private static List<String> publishRights(ClientIdentity.Scanner scanner) {
        if (!isLevel(scanner.scanner().shop().value()) || !isLevel(scanner.scanner().store().value())) {
            return List.of();
        }
        if (scanner.source() == ScannerSource.BECKON) {
            return List.of(sightingTopic(scanner.scanner()));
        }
        String name = scanner.externalName();
        if (!isLevel(name)) {
            return List.of();
        }
        return scanner.source() == ScannerSource.ESPRESENSE
                ? List.of("espresense/devices/+/" + name, "espresense/devices/+/" + name + "/+",
                "espresense/rooms/" + name + "/#")
                : List.of("home/" + name + "/#");
    }

    private static List<String> subscribeRights(ClientIdentity.Scanner scanner) {
        String name = scanner.externalName();
        if (scanner.source() == ScannerSource.BECKON || !isLevel(name)) {
            return List.of();
        }
        return scanner.source() == ScannerSource.ESPRESENSE
                ? List.of("espresense/rooms/" + name + "/+/set", "espresense/rooms/*/+/set",
                "espresense/settings/+/config")
                : List.of("home/" + name + "/#");
    }

    /** An app install may report sightings only as a roaming Beckon scanner of its own shop, registered now. */
    private boolean appMayReportAs(ClientIdentity.AppInstall app, String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length != 7 || !"beckon".equals(levels[0]) || !"stores".equals(levels[2])
                || !"scanners".equals(levels[4]) || !"sightings".equals(levels[6])
                || !levels[1].equals(app.shop().value()) || !ScannerRef.isValidId(levels[5]) || levels[3].isEmpty()) {
            return false;
        }
        return pairing.get().store(app.shop(), StoreId.of(levels[3]))
                .flatMap(store -> store.scanner(levels[5]))
                .filter(scanner -> scanner.source() == ScannerSource.BECKON && scanner.zone() == null)
                .map(RegisteredScanner::scanner)
                .isPresent();
    }

    private static boolean covered(List<String> rights, String filter) {
        for (String right : rights) {
            if (covers(right, filter)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every topic {@code filter} matches is matched by {@code right}. */
    static boolean covers(String right, String filter) {
        String[] allowed = right.split("/", -1);
        String[] wanted = filter.split("/", -1);
        for (int i = 0; i < allowed.length; i++) {
            if ("#".equals(allowed[i])) {
                return true;
            }
            if (i >= wanted.length || "#".equals(wanted[i])) {
                return false;
            }
            if ("+".equals(allowed[i])) {
                continue;
            }
            if (!allowed[i].equals(wanted[i])) {
                return false;
            }
        }
        return allowed.length == wanted.length;
    }

    /** A usable value for one topic level: not empty, no separators or wildcards, not a {@code $} topic. */
    private static boolean isLevel(String value) {
        return value != null && !value.isEmpty() && value.indexOf('/') < 0 && value.indexOf('+') < 0
                && value.indexOf('#') < 0 && !value.startsWith("$") && value.indexOf('\0') < 0;
    }

    /** MQTT 3.1.1 section 4.7: a non-empty topic name without wildcards or NUL, at most 65535 bytes. */
    private static boolean isTopicName(String topic) {
        return topic != null && !topic.isEmpty() && topic.length() <= 65_535 && topic.indexOf('+') < 0
                && topic.indexOf('#') < 0 && topic.indexOf('\0') < 0;
    }

    /** A well-formed filter: wildcards only as whole levels, {@code #} only last. */
    private static boolean isTopicFilter(String filter) {
        if (filter == null || filter.isEmpty() || filter.length() > 65_535 || filter.indexOf('\0') >= 0) {
            return false;
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            boolean wildcard = level.indexOf('+') >= 0 || level.indexOf('#') >= 0;
            if (wildcard && !("+".equals(level) || ("#".equals(level) && i == levels.length - 1))) {
                return false;
            }
        }
        return true;
    }
}
