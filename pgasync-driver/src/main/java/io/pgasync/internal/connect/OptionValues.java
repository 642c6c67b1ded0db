package io.pgasync.internal.connect;

import io.pgasync.exception.PgConfigurationException;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Converts setting values given as text (in a connection string or an environment variable) to their types.
 * Every error names the setting and where its value came from, quotes the value only when the caller allows it,
 * and says what is accepted.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /**
     * Parses a whole number, allowing surrounding whitespace (as libpq does).
     *
     * @param key the setting's keyword, for the error
     * @param raw the text
     * @param where where the text came from ("in the connection string"), for the error
     * @param show whether the value may be quoted in the error
     * @param min the smallest accepted value
     * @param max the largest accepted value
     * @return the number
     */
    public static long parseLong(String key, String raw, String where, boolean show, long min, long max) {
        String s = raw.strip();
        long value;
        try {
            value = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw invalid(key, raw, where, show, "a whole number from " + min + " to " + max);
        }
        if (value < min || value > max) {
            throw invalid(key, raw, where, show, "a whole number from " + min + " to " + max);
        }
        return value;
    }

    /**
     * Parses a boolean as PostgreSQL does: {@code true}/{@code false}, {@code on}/{@code off},
     * {@code yes}/{@code no}, {@code 1}/{@code 0}, any case.
     *
     * @param key the setting's keyword, for the error
     * @param raw the text
     * @param where where the text came from, for the error
     * @return the boolean
     */
    public static boolean parseBoolean(String key, String raw, String where) {
        switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true":
            case "on":
            case "yes":
            case "1":
                return true;
            case "false":
            case "off":
            case "no":
            case "0":
                return false;
            default:
                throw invalid(key, raw, where, true, "true or false (also on/off, yes/no, 1/0)");
        }
    }

    /**
     * Parses libpq's {@code keepalives}: a whole number, non-zero meaning on; booleans are accepted too.
     *
     * @param key the setting's keyword, for the error
     * @param raw the text
     * @param where where the text came from, for the error
     * @return whether keep-alives are on
     */
    public static boolean parseIntFlag(String key, String raw, String where) {
        String s = raw.strip();
        try {
            return Long.parseLong(s) != 0;
        } catch (NumberFormatException e) {
            return parseBoolean(key, raw, where);
        }
    }

    /**
     * Parses libpq's {@code connect_timeout}: a whole number of seconds, 0 meaning no limit.
     *
     * @param key the setting's keyword, for the error
     * @param raw the text
     * @param where where the text came from, for the error
     * @return the duration, {@link Duration#ZERO} for no limit
     */
    public static Duration parseWholeSeconds(String key, String raw, String where) {
        long seconds = parseLong(key, raw, where, true, 0, Integer.MAX_VALUE);
        return Duration.ofSeconds(seconds);
    }

    /**
     * Parses a duration: a decimal number of seconds ({@code 300}, {@code 0.5}), or a number with a unit
     * {@code ms}, {@code s}, {@code min} or {@code h} ({@code 250ms}, {@code 5min}). Negative values are refused.
     *
     * @param key the setting's keyword, for the error
     * @param raw the text
     * @param where where the text came from, for the error
     * @return the duration
     */
    public static Duration parseDuration(String key, String raw, String where) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        BigDecimal unitNanos;
        String number;
        if (s.endsWith("ms")) {
            unitNanos = BigDecimal.valueOf(1_000_000L);
            number = s.substring(0, s.length() - 2);
        } else if (s.endsWith("min")) {
            unitNanos = BigDecimal.valueOf(60_000_000_000L);
            number = s.substring(0, s.length() - 3);
        } else if (s.endsWith("h")) {
            unitNanos = BigDecimal.valueOf(3_600_000_000_000L);
            number = s.substring(0, s.length() - 1);
        } else if (s.endsWith("s")) {
            unitNanos = BigDecimal.valueOf(1_000_000_000L);
            number = s.substring(0, s.length() - 1);
        } else {
            unitNanos = BigDecimal.valueOf(1_000_000_000L);
            number = s;
        }
        String accepted = "a duration: a number of seconds (300, 0.5) or a number with a unit ms, s, min or h (250ms)";
        BigDecimal value;
        try {
            value = new BigDecimal(number.strip());
        } catch (NumberFormatException e) {
            throw invalid(key, raw, where, true, accepted);
        }
        if (value.signum() < 0) {
            throw invalid(key, raw, where, true, accepted + ", not negative");
        }
        try {
            return Duration.ofNanos(value.multiply(unitNanos).longValueExact());
        } catch (ArithmeticException e) {
            throw invalid(key, raw, where, true, accepted + ", of at most about 292 years in whole nanoseconds");
        }
    }

    /**
     * Parses a size in bytes: a whole number, optionally with a unit {@code kB}, {@code MB} or {@code GB}
     * (multiples of 1024, as in PostgreSQL settings).
     *
     * @param key the setting's keyword, for the error
     * @param raw the text
     * @param where where the text came from, for the error
     * @param min the smallest accepted size
     * @param max the largest accepted size
     * @return the size in bytes
     */
    public static long parseSize(String key, String raw, String where, long min, long max) {
        String s = raw.strip();
        long multiplier = 1;
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith("kb")) {
            multiplier = 1024L;
        } else if (lower.endsWith("mb")) {
            multiplier = 1024L * 1024;
        } else if (lower.endsWith("gb")) {
            multiplier = 1024L * 1024 * 1024;
        }
        if (multiplier != 1) {
            s = s.substring(0, s.length() - 2).strip();
        } else if (lower.endsWith("b")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        String accepted = "a size in bytes from " + min + " to " + max + " (a unit kB, MB or GB may follow)";
        long value;
        try {
            value = Math.multiplyExact(Long.parseLong(s), multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(key, raw, where, true, accepted);
        }
        if (value < min || value > max) {
            throw invalid(key, raw, where, true, accepted);
        }
        return value;
    }

    /**
     * Converts a file path. The file is not opened or checked: paths from connection strings are only stored.
     *
     * @param key the setting's keyword, for the error
     * @param raw the text
     * @param where where the text came from, for the error
     * @return the path
     */
    public static Path parsePath(String key, String raw, String where) {
        try {
            return Path.of(raw);
        } catch (InvalidPathException e) {
            throw invalid(key, raw, where, true, "a file path valid on this system");
        }
    }

    /**
     * The error for a value that cannot be converted.
     *
     * @param key the setting's keyword
     * @param raw the value
     * @param where where the value came from
     * @param show whether the value may be quoted
     * @param accepted what is accepted, in prose
     * @return the exception, to throw
     */
    public static PgConfigurationException invalid(String key, String raw, String where, boolean show,
            String accepted) {
        String value = show ? " " + Redaction.quote(raw) : "";
        return new PgConfigurationException("invalid " + key + " value" + value + " " + where + ": expected "
                + accepted, key);
    }
}
