package io.pgasync;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's version, parsed from its {@code server_version} setting the way asyncpg does.
 *
 * <p>{@code 16.2} is (16, 2, 0, "final", 0); {@code 9.6.24} is (9, 6, 24, "final", 0); {@code 16beta2} is
 * (16, 0, 0, "beta", 2); {@code 17rc1} is (17, 0, 0, "rc", 1); {@code 15devel} is (15, 0, 0, "devel", 0);
 * trailing text such as {@code 15.4 (Debian 15.4-1.pgdg120+1)} is ignored.
 *
 * @param major the major version (16)
 * @param minor the minor version (for 10 and later: the release number, e.g. 2 in 16.2)
 * @param micro the third component (only before 10), else 0
 * @param releaseLevel "final", "beta", "rc", "alpha" or "devel"
 * @param serial the pre-release number (2 in 16beta2), else 0
 */
public record ServerVersion(int major, int minor, int micro, String releaseLevel, int serial)
        implements Comparable<ServerVersion> {

    private static final Pattern VERSION = Pattern.compile(
            "^\\s*(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:(devel|alpha|beta|rc)(\\d+)?)?");

    /**
     * Parses a {@code server_version} string.
     *
     * @param version the string
     * @return the version
     * @throws IllegalArgumentException when it does not start with a version number
     */
    public static ServerVersion parse(String version) {
        Matcher m = VERSION.matcher(version == null ? "" : version);
        if (!m.find()) {
            throw new IllegalArgumentException("not a PostgreSQL version: " + version);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int micro = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        String level = m.group(4) == null ? "final" : m.group(4);
        int serial = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        return new ServerVersion(major, minor, micro, level, serial);
    }

    /**
     * Whether this version is at least the given major version.
     *
     * @param major e.g. 14
     * @return true when {@code major() >= major}
     */
    public boolean isAtLeast(int major) {
        return this.major >= major;
    }

    @Override
    public int compareTo(ServerVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(micro, o.micro);
        }
        if (c == 0) {
            c = Integer.compare(levelRank(releaseLevel), levelRank(o.releaseLevel));
        }
        return c != 0 ? c : Integer.compare(serial, o.serial);
    }

    private static int levelRank(String level) {
        return switch (level) {
            case "devel" -> 0;
            case "alpha" -> 1;
            case "beta" -> 2;
            case "rc" -> 3;
            default -> 4;
        };
    }

    @Override
    public String toString() {
        return major + "." + minor + (micro != 0 ? "." + micro : "")
                + ("final".equals(releaseLevel) ? "" : releaseLevel + (serial != 0 ? serial : ""));
    }
}
