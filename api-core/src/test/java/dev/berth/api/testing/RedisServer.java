package dev.berth.api.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A real {@code redis-server} for tests: one process per test JVM on a free loopback port, started on first
 * use and stopped when the JVM exits. Tests isolate themselves with a fresh key prefix ({@link #newPrefix()})
 * instead of flushing, so they can share it safely.
 */
public final class RedisServer {

    private static RedisServer shared;

    private final int port;
    private final Process process;

    private RedisServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static synchronized RedisServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public static RedisServer start() {
        int port = freePort();
        try {
            File log = File.createTempFile("berth-test-redis", ".log");
            Process process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true).redirectOutput(log).start();
            RedisServer server = new RedisServer(port, process);
            server.awaitReady(Duration.ofSeconds(20));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("redis-server could not be started (is it installed? ./scripts/test installs it)", e);
        }
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    /** A key prefix no other test uses, with its own hash tag. */
    public static String newPrefix() {
        return "{test-" + UUID.randomUUID() + "}";
    }

    public void stop() {
        process.destroy();
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] reply = new byte[7];
                if (socket.getInputStream().read(reply) > 0 && new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("redis-server did not answer PING within " + timeout);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
