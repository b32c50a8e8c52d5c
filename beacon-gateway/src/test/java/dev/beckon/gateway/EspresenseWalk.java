package dev.beckon.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What ESPresense nodes in the {@link StoreFixture} store publish, second by second, while a shopper's phone
 * (advertising an iBeacon from the store app) stays 25 s at the entrance, walks 5 s to the shoe wall, stays 25 s,
 * walks 5 s to the checkout and stays 25 s, then leaves. The node next to the phone reads about -60 dBm, the
 * others -85 dBm (about 9 m with the nodes' calibration), in between while walking; payloads are the current
 * firmware's fields. Deterministic.
 */
public final class EspresenseWalk {

    /** One MQTT message. */
    public record Message(String topic, byte[] payload) {
    }

    public static final String PHONE = "iBeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0-100-7";
    public static final List<String> ROOMS = List.of("entrance", "shoes", "checkout");
    public static final double NEAR = -60;
    public static final double FAR = -85;

    /**
     * The events the walk must produce, as {@code EventText} prints them, after 150 s of silence. The entrance is
     * entered after the 5 s hold and left only once the shoe wall has won for the 10 s switch hold, so the
     * shopper passes its 30 s dwell mark there; at the other two zones the stay is shorter than 30 s.
     */
    public static final List<String> EXPECTED = List.of(
            "visit started", "entered entrance", "dwelled entrance 30s", "exited entrance", "entered shoes", "exited shoes", "entered checkout",
            "exited checkout", "visit ended");

    private EspresenseWalk() {
    }

    /** The messages of each second, in order. */
    public static List<List<Message>> seconds() {
        List<List<Message>> seconds = new ArrayList<>();
        for (int room = 0; room < ROOMS.size(); room++) {
            for (int second = 0; second < 25; second++) {
                seconds.add(at(room, room, 0));
            }
            if (room + 1 < ROOMS.size()) {
                for (int step = 1; step <= 5; step++) {
                    seconds.add(at(room, room + 1, step / 6.0));
                }
            }
        }
        return seconds;
    }

    private static List<Message> at(int from, int to, double progress) {
        List<Message> messages = new ArrayList<>();
        for (int room = 0; room < ROOMS.size(); room++) {
            double closeness = (room == from ? 1 - progress : 0) + (room == to && to != from ? progress : 0);
            double rssi = FAR + (NEAR - FAR) * closeness;
            messages.add(message(ROOMS.get(room), rssi));
        }
        return messages;
    }

    /** A current-firmware ESPresense report of {@link #PHONE} from {@code room}. */
    public static Message message(String room, double rssi) {
        double distance = Math.pow(10, (-59 - rssi) / 27.0);
        String json = String.format(Locale.ROOT, "{\"mac\":\"4f1a2b3c4d5e\",\"id\":\"%s\",\"name\":\"Beckon\","
                + "\"rssi@1m\":-59,\"rssi\":%.2f,\"rxAdj\":0,\"rssiVar\":1.21,\"distance\":%.2f,\"var\":0.04,"
                + "\"int\":305}", PHONE, rssi, distance);
        return new Message("espresense/devices/" + PHONE + "/" + room, json.getBytes(StandardCharsets.UTF_8));
    }
}
