package dev.berth.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Docker engine's socket offered on a loopback TCP port that a test can take away and bring back: to the
 * agent, the engine stops answering and returns, while the real engine (and other tests' containers) go on.
 */
final class DockerSocketRelay implements AutoCloseable {

    private final int port;
    private final List<java.nio.channels.Channel> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocketChannel server;

    DockerSocketRelay(int port) {
        this.port = port;
    }

    String dockerHost() {
        return "tcp://127.0.0.1:" + port;
    }

    void start() {
        try {
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocketChannel listening = server;
        daemon(() -> {
            while (listening.isOpen()) {
                try {
                    SocketChannel client = listening.accept();
                    SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                    engine.connect(UnixDomainSocketAddress.of("/var/run/docker.sock"));
                    open.add(client);
                    open.add(engine);
                    pump(client, engine);
                    pump(engine, client);
                } catch (IOException stopped) {
                    return;
                }
            }
        });
    }

    /** Closes the port and every relayed connection. */
    void stop() {
        closeQuietly(server);
        open.forEach(DockerSocketRelay::closeQuietly);
        open.clear();
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        daemon(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
            } catch (IOException closed) {
                // Either side went away: close both below.
            }
            closeQuietly(from);
            closeQuietly(to);
        });
    }

    private static void daemon(Runnable body) {
        Thread thread = new Thread(body, "docker-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Closing is best effort: the channel is unusable either way.
        }
    }

    @Override
    public void close() {
        stop();
    }
}
