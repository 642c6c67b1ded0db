package io.pgasync;

import io.pgasync.exception.PgConfigurationException;
import io.pgasync.internal.connect.Redaction;

/**
 * One server to connect to: a host name, an IP address, or a unix-domain socket directory, with a port and,
 * optionally, the numeric address to use instead of resolving the name (libpq's {@code hostaddr}).
 *
 * <p>A host that starts with {@code /} is a unix-socket directory: the connection goes to the socket file
 * {@code <directory>/.s.PGSQL.<port>} (needs the optional {@code netty-transport-native-epoll} dependency on
 * Linux). With {@code hostaddr}, the TCP connection goes to that address without a DNS lookup, while the host name
 * is still used for TLS host-name verification and the password file.
 *
 * @param host the host name, IP address (IPv6 without brackets) or unix-socket directory; not empty
 * @param port the TCP port, or the number in the socket file's name; 1 to 65535
 * @param hostaddr the numeric IPv4 or IPv6 address to connect to instead of resolving {@code host}, or null
 */
public record PgHost(String host, int port, String hostaddr) {

    /** The default PostgreSQL port, 5432. */
    public static final int DEFAULT_PORT = 5432;

    /**
     * Checks the values.
     *
     * @param host the host name, IP address or unix-socket directory; not empty
     * @param port the port, 1 to 65535
     * @param hostaddr the numeric address to connect to, or null (an empty string counts as null)
     * @throws PgConfigurationException when the host is empty or contains control characters or a comma, the
     *     port is outside 1 to 65535, or hostaddr is not a numeric IP address
     */
    public PgHost {
        if (host == null || host.isEmpty()) {
            throw new PgConfigurationException("a host must not be empty", "host");
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c < 0x20 || c == 0x7f || c == ',') {
                throw new PgConfigurationException("invalid host " + Redaction.quote(host)
                        + ": control characters and ',' are not allowed in a host name", "host");
            }
        }
        if (port < 1 || port > 65535) {
            throw new PgConfigurationException("invalid port " + port + " for host " + Redaction.quote(host)
                    + ": expected a number from 1 to 65535", "port");
        }
        if (hostaddr != null) {
            if (hostaddr.isEmpty()) {
                hostaddr = null;
            } else if (!isIpLiteral(hostaddr)) {
                throw new PgConfigurationException("invalid hostaddr " + Redaction.quote(hostaddr) + " for host "
                        + Redaction.quote(host) + ": expected a numeric IPv4 or IPv6 address (no name lookup is"
                        + " done for hostaddr)", "hostaddr");
            }
        }
    }

    /**
     * A host without {@code hostaddr}.
     *
     * @param host the host name, IP address or unix-socket directory
     * @param port the port, 1 to 65535
     */
    public PgHost(String host, int port) {
        this(host, port, null);
    }

    /**
     * A host without {@code hostaddr}.
     *
     * @param host the host name, IP address or unix-socket directory
     * @param port the port, 1 to 65535
     * @return the host
     */
    public static PgHost of(String host, int port) {
        return new PgHost(host, port, null);
    }

    /**
     * Whether this is a unix-domain socket directory (the host starts with {@code /}).
     *
     * @return true for a unix-domain socket
     */
    public boolean isUnixSocket() {
        return host.startsWith("/");
    }

    /**
     * The unix-domain socket file, {@code <host>/.s.PGSQL.<port>}.
     *
     * @return the socket file's path
     * @throws IllegalStateException when this is not a unix-domain socket host
     */
    public String socketPath() {
        if (!isUnixSocket()) {
            throw new IllegalStateException("host " + host + " is not a unix-domain socket directory");
        }
        return (host.endsWith("/") ? host : host + "/") + ".s.PGSQL." + port;
    }

    /**
     * {@code host:port}, {@code [ipv6]:port}, the socket file for a unix-domain socket, and the
     * {@code hostaddr} in parentheses when there is one.
     *
     * @return the text
     */
    @Override
    public String toString() {
        if (isUnixSocket()) {
            return socketPath();
        }
        String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return hostaddr == null ? name + ":" + port : name + " (" + hostaddr + "):" + port;
    }

    /** A numeric IPv4 (dotted quad) or IPv6 address, checked without any name lookup. */
    static boolean isIpLiteral(String s) {
        return s.indexOf(':') >= 0 ? isIpv6(s) : isIpv4(s);
    }

    private static boolean isIpv6(String s) {
        String addr = s;
        int percent = s.indexOf('%'); // zone id, as in fe80::1%eth0
        if (percent >= 0) {
            if (percent == s.length() - 1) {
                return false;
            }
            addr = s.substring(0, percent);
        }
        int doubleColon = addr.indexOf("::");
        if (doubleColon < 0) {
            return countGroups(addr, true) == 8;
        }
        if (addr.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        int left = countGroups(addr.substring(0, doubleColon), false);
        int right = countGroups(addr.substring(doubleColon + 2), true);
        return left >= 0 && right >= 0 && left + right <= 7;
    }

    /** The number of 16-bit groups in a run of colon-separated groups, or -1 when malformed. */
    private static int countGroups(String part, boolean mayEndWithIpv4) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] groups = part.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (group.indexOf('.') >= 0) {
                if (!mayEndWithIpv4 || i != groups.length - 1 || !isIpv4(group)) {
                    return -1;
                }
                count += 2;
                continue;
            }
            if (group.isEmpty() || group.length() > 4) {
                return -1;
            }
            for (int k = 0; k < group.length(); k++) {
                char c = group.charAt(k);
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                    return -1;
                }
            }
            count++;
        }
        return count;
    }

    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3) {
                return false;
            }
            for (int k = 0; k < part.length(); k++) {
                char c = part.charAt(k);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
