package dev.beckon.gateway.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a real broker that plays an old broker: it closes every connection whose CONNECT
 * asks for protocol level 5, without answering, and passes every other connection through untouched. Counts the
 * connections it closed.
 */
final class Mqtt5ClosingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int brokerPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger closedMqtt5 = new AtomicInteger();

    Mqtt5ClosingProxy(int brokerPort) {
        this.brokerPort = brokerPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "mqtt5-closing-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** MQTT 5 connections closed so far. */
    int closedMqtt5() {
        return closedMqtt5.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread handler = new Thread(() -> handle(client), "mqtt5-closing-proxy-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try {
            InputStream in = client.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write(in.read()); // CONNECT fixed header
            int remaining = 0;
            int multiplier = 1;
            int digit;
            do {
                digit = in.read();
                head.write(digit);
                remaining += (digit & 0x7F) * multiplier;
                multiplier *= 128;
            } while ((digit & 0x80) != 0);
            byte[] body = in.readNBytes(remaining);
            head.write(body);
            int nameLength = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
            int level = body[2 + nameLength];
            if (level == 5) {
                closedMqtt5.incrementAndGet();
                client.close();
                return;
            }
            Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
            sockets.add(broker);
            broker.getOutputStream().write(head.toByteArray());
            Thread back = new Thread(() -> pipe(broker, client), "mqtt5-closing-proxy-back");
            back.setDaemon(true);
            back.start();
            pipe(client, broker);
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        sockets.forEach(Mqtt5ClosingProxy::closeQuietly);
    }
}
