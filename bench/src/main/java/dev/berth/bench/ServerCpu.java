package dev.berth.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The CPU time the server process has used (user + system, all threads, from {@code /proc/PID/stat}). Per
 * operation it is the server's cost, which on a 2-core machine shared with the benchmark client moves far
 * less from run to run than throughput does.
 */
final class ServerCpu {

    private final Path stat;
    private final long ticksPerSecond;

    private ServerCpu(long pid, long ticksPerSecond) {
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
        this.ticksPerSecond = ticksPerSecond;
    }

    /** From {@code SERVER_PID} and {@code CLK_TCK} (default 100, Linux's); {@code null} without a PID. */
    static ServerCpu fromEnvironment() {
        String pid = System.getenv("SERVER_PID");
        if (pid == null || pid.isBlank()) {
            return null;
        }
        return new ServerCpu(Long.parseLong(pid.trim()), Long.parseLong(System.getenv().getOrDefault("CLK_TCK", "100")));
    }

    long millis() {
        try {
            String line = Files.readString(stat);
            // The command name may contain spaces and parentheses: fields are counted after its last ')'.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            return ticks * 1000 / ticksPerSecond;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String perOperation(long millis, int operations) {
        return String.format(Locale.ROOT, "   server CPU %.3f ms/op", (double) millis / operations);
    }
}
