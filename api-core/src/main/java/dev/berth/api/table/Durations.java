package dev.berth.api.table;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Human durations as apimachinery's {@code pkg/util/duration} prints them, so AGE columns read
 * exactly as they do against a real cluster.
 */
public final class Durations {

    private static final long DAY = 24;
    private static final long YEAR = 24 * 365;

    private Durations() {
    }

    /** {@code HumanDuration}: about 2-3 significant figures, e.g. {@code 90s}, {@code 2m3s}, {@code 3h5m}, {@code 2y35d}. */
    public static String human(Duration d) {
        // Go truncates towards zero; Duration.getSeconds() floors, so go through millis.
        long seconds = d.toMillis() / 1000;
        if (seconds < -1) {
            return "<invalid>"; // more than the 2 s of clock skew tolerated as "now"
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < DAY * 8) {
            long h = hours % DAY;
            return h == 0 ? hours / DAY + "d" : hours / DAY + "d" + h + "h";
        } else if (hours < YEAR * 2) {
            return hours / DAY + "d";
        } else if (hours < YEAR * 8) {
            long dy = hours / DAY % 365;
            return dy == 0 ? hours / YEAR + "y" : hours / YEAR + "y" + dy + "d";
        }
        return hours / YEAR + "y";
    }

    /** {@code ShortHumanDuration}: one unit only, e.g. {@code 59s}, {@code 3m}, {@code 5h}, {@code 12d}, {@code 2y}. */
    public static String shortHuman(Duration d) {
        long seconds = d.toMillis() / 1000;
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60) {
            return seconds + "s";
        } else if (seconds / 60 < 60) {
            return seconds / 60 + "m";
        }
        long hours = seconds / 3600;
        if (hours < DAY) {
            return hours + "h";
        } else if (hours < YEAR) {
            return hours / DAY + "d";
        }
        return hours / YEAR + "y";
    }

    /** kubectl's {@code translateTimestampSince}: {@code <unknown>} for a missing timestamp. */
    static String since(String rfc3339, Instant now) {
        Instant then = parse(rfc3339);
        return then == null ? "<unknown>" : human(Duration.between(then, now));
    }

    /** An RFC 3339 timestamp as stored in the API, or null when absent or unreadable. */
    static Instant parse(String rfc3339) {
        if (rfc3339 == null || rfc3339.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(rfc3339).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
