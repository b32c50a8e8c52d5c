package dev.beckon.bench.beacon;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * The publisher of the beacon flood, run in its own JVM by {@link BeaconFlood} so that its Paho buffers, its heap
 * and its garbage collections do not land on the gateway and the bare subscriber it is measuring.
 *
 * <p>Publishes the {@link SightingStream}'s ESPresense reports at QoS 0, their {@code t} the publish time. {@code t} is
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

        SightingStream stream = new SightingStream(stores, zones, devices);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long published = 0;
        long interval = rate > 0 ? 1_000_000_000L / rate : 0;
        long next = start;
        while (System.nanoTime() < end) {
            if (interval > 0) {
                // paced: sleep (never spin, the consumers need the CPU) until this message is due
                while (System.nanoTime() < next) {
                    LockSupport.parkNanos(Math.min(next - System.nanoTime(), 1_000_000));
                }
                next += interval;
            }
            stream.next(System.nanoTime());
            MqttMessage message = new MqttMessage(stream.payload());
            message.setQos(0);
            while (true) {
                try {
                    publisher.publish(stream.topic(), message);
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
