package dev.berth.api.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for tests: one process per test JVM on a free loopback port, started on first
 * use and stopped when the JVM exits. Tests isolate themselves with a fresh key prefix ({@link #newPrefix()})
 * instead of flushing, so they can share it safely.
 */
public final class RedisServer {

    private static RedisServer shared;

    private final int port;
    /** Where it keeps an append-only file, or null for a server whose data ends with it. */
    private final Path dataDirectory;
    private final Process process;

    private RedisServer(int port, Path dataDirectory, Process process) {
        this.port = port;
        this.dataDirectory = dataDirectory;
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
        return start(freePort(), null);
    }

    /** A server that keeps its data in an append-only file in {@code directory}, so a {@link #restart} finds it. */
    public static RedisServer startPersistent(Path directory) {
        return start(freePort(), directory);
    }

    /** Stops this server (see {@link #stop}) and starts it again on the same port and data. */
    public RedisServer restart() {
        stop();
        return start(port, dataDirectory);
    }

    private static RedisServer start(int port, Path dataDirectory) {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", ""));
        if (dataDirectory == null) {
            command.addAll(List.of("--appendonly", "no"));
        } else {
            command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always",
                    "--dir", dataDirectory.toString()));
        }
        try {
            File log = File.createTempFile("berth-test-redis", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            RedisServer server = new RedisServer(port, dataDirectory, process);
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

    /** Stops the server and waits until it has exited, so its port refuses connections. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping redis-server", e);
        }
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
