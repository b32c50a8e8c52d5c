package dev.beckon.bench.beacon;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * The publisher of the beacon flood, run in its own JVM by {@link BeaconFlood} so that its Paho buffers, its heap
 * and its garbage collections do not land on the gateway and the bare subscriber it is measuring.
 *
 * <p>Publishes ESPresense-shaped reports, {@code espresense/devices/<device>/<room>}
 * {@code {"t":<publish nanoTime>,"id":"phone-…","rssi@1m":-59,"rssi":-64.31}}: every device of every store is heard
 * by every node of its store (about -62 dBm in its own zone, 9 dB weaker per zone away, ±3 dB noise), walks to a
 * neighbouring zone every 10-30 s, and one walk in five replaces the shopper by a new device id. {@code t} is
 * {@link System#nanoTime()}, which on Linux reads the system-wide monotonic clock, so the consumer in another
 * process on the same machine can subtract it from its own.
 *
 * <p>Usage: {@code FloodPublisher <brokerUrl> <seconds> <ratePerSecond, 0 = flood> <stores> <zonesPerStore>
 * <devicesPerStore>}. Prints one line to stdout when done: {@code published <count> <nanos>}. A benchmark, not a
 * test.
 */
public final class FloodPublisher {

    /** The prefix of the one line a run prints, followed by the count and the publishing time in nanoseconds. */
    static final String RESULT = "published ";

    private FloodPublisher() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int seconds = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        int stores = Integer.parseInt(args[3]);
        int zones = Integer.parseInt(args[4]);
        int devices = Integer.parseInt(args[5]);

        MqttAsyncClient publisher = new MqttAsyncClient(url, "bench-pub-" + UUID.randomUUID().toString()
                .substring(0, 6), new MemoryPersistence());
        MqttConnectOptions publishOptions = new MqttConnectOptions();
        publishOptions.setCleanSession(true);
        publishOptions.setMaxInflight(65_000);
        publisher.connect(publishOptions).waitForCompletion();

        Random random = new Random(42);
        int[][] at = new int[stores][devices];          // the zone each device is in
        int[][] generation = new int[stores][devices];  // a device slot's current shopper
        long[][] movesAt = new long[stores][devices];
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long published = 0;
        long interval = rate > 0 ? 1_000_000_000L / rate : 0;
        long next = start;
        outer:
        while (true) {
            for (int s = 0; s < stores; s++) {
                for (int d = 0; d < devices; d++) {
                    long now = System.nanoTime();
                    if (now >= end) {
                        break outer;
                    }
                    if (now >= movesAt[s][d]) {
                        // walk to a neighbouring zone (8 m) every 10-30 s; one shopper in five leaves and a new
                        // one comes
                        at[s][d] = Math.max(0, Math.min(zones - 1, at[s][d] + (random.nextBoolean() ? 1 : -1)));
                        if (random.nextInt(5) == 0) {
                            generation[s][d]++;
                        }
                        movesAt[s][d] = now + (10 + random.nextInt(20)) * 1_000_000_000L;
                    }
                    for (int z = 0; z < zones; z++) {
                        if (interval > 0) {
                            // paced: sleep (never spin, the consumers need the CPU) until this message is due
                            while (System.nanoTime() < next) {
                                LockSupport.parkNanos(Math.min(next - System.nanoTime(), 1_000_000));
                            }
                            next += interval;
                        }
                        double rssi = (z == at[s][d] ? -62 : -62 - 9 * Math.abs(z - at[s][d]))
                                + random.nextGaussian() * 3;
                        String device = "phone-" + s + "-" + d + "-" + generation[s][d];
                        byte[] payload = ("{\"t\":" + System.nanoTime() + ",\"id\":\"" + device
                                + "\",\"rssi@1m\":-59,\"rssi\":" + Math.round(rssi * 100) / 100.0 + "}")
                                .getBytes(StandardCharsets.UTF_8);
                        MqttMessage message = new MqttMessage(payload);
                        message.setQos(0);
                        String topic = "espresense/devices/" + device + "/" + BeaconFlood.room(s, z);
                        while (true) {
                            try {
                                publisher.publish(topic, message);
                                break;
                            } catch (MqttException e) {
                                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                                    throw e;
                                }
                                Thread.onSpinWait(); // Paho's outbound queue is full: wait for it
                            }
                        }
                        published++;
                    }
                }
            }
        }
        long publishNanos = System.nanoTime() - start;
        // QoS 0 messages still queued in Paho are sent before the disconnect, as they were in the one-JVM harness
        long drainUntil = System.nanoTime() + 10_000_000_000L;
        while (publisher.getPendingDeliveryTokens().length > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(20);
        }
        publisher.disconnect().waitForCompletion();
        publisher.close();
        System.out.println(RESULT + published + " " + publishNanos);
    }
}
