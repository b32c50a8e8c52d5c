package dev.beckon.engine;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.ChannelType;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake SMS channel: records what it is asked to send and answers with scripted receipts (Sent by default). */
public final class RecordingChannel implements Channel {

    private final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    private final Deque<DeliveryReceipt> script = new ArrayDeque<>();

    @Override
    public String id() {
        return "sms";
    }

    @Override
    public ChannelType type() {
        return ChannelType.SMS;
    }

    public synchronized void answerNext(DeliveryReceipt receipt) {
        script.add(receipt);
    }

    @Override
    public synchronized DeliveryReceipt send(OutboundMessage message) {
        sent.add(message);
        DeliveryReceipt next = script.poll();
        return next != null ? next : new DeliveryReceipt.Sent("SM" + sent.size(), "queued");
    }

    public List<OutboundMessage> sent() {
        return List.copyOf(sent);
    }
}
