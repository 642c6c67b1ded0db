package io.pgasync.types;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A PostgreSQL {@code inet} or {@code cidr} value: an IPv4 or IPv6 address and a netmask length. For
 * {@code inet} the address is a host address and the netmask describes its subnet ({@code 192.168.0.1/24});
 * for {@code cidr} it is a network whose bits right of the netmask are zero ({@code 192.168.0.0/24}).
 *
 * <p>The family is kept: an IPv4-mapped IPv6 address ({@code ::ffff:1.2.3.4}) stays IPv6. Parsing never does a
 * DNS lookup: only literal addresses are read.
 *
 * <p>Instances are immutable.
 */
public final class PgInet {

    private final byte[] address;
    private final int netmask;

    private PgInet(byte[] address, int netmask) {
        this.address = address;
        this.netmask = netmask;
    }

    /**
     * A host address with the full netmask (32 or 128), as {@code inet} stores a bare address.
     *
     * @param address the address (an {@link Inet6Address} stays IPv6 even when IPv4-mapped)
     * @return the value
     */
    public static PgInet of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return new PgInet(bytes, bytes.length * 8);
    }

    /**
     * An address with a netmask length.
     *
     * @param address the address
     * @param netmask the netmask length, 0 to 32 for IPv4, 0 to 128 for IPv6
     * @return the value
     * @throws IllegalArgumentException when the netmask is out of range
     */
    public static PgInet of(InetAddress address, int netmask) {
        return of(address.getAddress(), netmask);
    }

    /**
     * An address from its 4 or 16 bytes (copied) and a netmask length.
     *
     * @param address the address bytes, network order
     * @param netmask the netmask length, up to 8 times the number of bytes
     * @return the value
     * @throws IllegalArgumentException when the sizes are wrong
     */
    public static PgInet of(byte[] address, int netmask) {
        if (address.length != 4 && address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
        }
        if (netmask < 0 || netmask > address.length * 8) {
            throw new IllegalArgumentException("netmask /" + netmask + " is out of range for an IPv"
                    + (address.length == 4 ? "4" : "6") + " address");
        }
        return new PgInet(address.clone(), netmask);
    }

    /**
     * Reads an address literal with an optional netmask: {@code 192.168.0.1}, {@code 10.0.0.0/8}, {@code ::1},
     * {@code 2001:db8::/32}, {@code ::ffff:1.2.3.4}. Host names are refused (no DNS lookup happens).
     *
     * @param text the text
     * @return the value
     * @throws IllegalArgumentException when the text is not an address literal
     */
    public static PgInet parse(CharSequence text) {
        String s = text.toString();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = host.indexOf(':') >= 0 ? parseIpv6(host) : parseIpv4(host);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address literal (host names are not resolved)");
        }
        int netmask = bytes.length * 8;
        if (slash >= 0) {
            String bits = s.substring(slash + 1);
            if (bits.isEmpty() || bits.length() > 3) {
                throw new IllegalArgumentException("invalid netmask length in an IP address");
            }
            netmask = 0;
            for (int i = 0; i < bits.length(); i++) {
                char c = bits.charAt(i);
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException("invalid netmask length in an IP address");
                }
                netmask = netmask * 10 + (c - '0');
            }
        }
        return of(bytes, netmask);
    }

    private static byte[] parseIpv4(String s) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else if (c == '.' && value >= 0 && part < 4) {
                bytes[part++] = (byte) value;
                value = -1;
            } else {
                return null;
            }
        }
        return part == 4 ? bytes : null;
    }

    private static byte[] parseIpv6(String s) {
        int[] words = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        int n = s.length();
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
            if (n == 2) {
                return new byte[16];
            }
        } else if (s.startsWith(":")) {
            return null;
        }
        while (i < n) {
            int end = i;
            while (end < n && s.charAt(end) != ':') {
                end++;
            }
            String group = s.substring(i, end);
            if (group.indexOf('.') >= 0) { // an embedded IPv4 address, last
                byte[] v4 = end == n ? parseIpv4(group) : null;
                if (v4 == null || count > 6) {
                    return null;
                }
                words[count++] = (v4[0] & 0xFF) << 8 | (v4[1] & 0xFF);
                words[count++] = (v4[2] & 0xFF) << 8 | (v4[3] & 0xFF);
                i = n;
                break;
            }
            if (group.isEmpty() || group.length() > 4 || count == 8) {
                return null;
            }
            int w = 0;
            for (int k = 0; k < group.length(); k++) {
                int d = Character.digit(group.charAt(k), 16);
                if (d < 0 || group.charAt(k) > 'f') {
                    return null;
                }
                w = w << 4 | d;
            }
            words[count++] = w;
            if (end == n) {
                i = n;
            } else if (end + 1 < n && s.charAt(end + 1) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i = end + 2;
            } else if (end + 1 == n) {
                return null;
            } else {
                i = end + 1;
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        int[] full = new int[8];
        if (gap < 0) {
            full = words;
        } else {
            int tail = count - gap;
            System.arraycopy(words, 0, full, 0, gap);
            System.arraycopy(words, gap, full, 8 - tail, tail);
        }
        for (int k = 0; k < 8; k++) {
            bytes[2 * k] = (byte) (full[k] >> 8);
            bytes[2 * k + 1] = (byte) full[k];
        }
        return bytes;
    }

    /**
     * The address, without any lookup; IPv6 values are always an {@link Inet6Address}.
     *
     * @return the address
     */
    public InetAddress address() {
        try {
            return address.length == 4 ? Inet4Address.getByAddress(address) : Inet6Address.getByAddress(null, address, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // unreachable: the length is checked
        }
    }

    /**
     * The address bytes.
     *
     * @return a copy of the 4 or 16 bytes, network order
     */
    public byte[] toByteArray() {
        return address.clone();
    }

    /**
     * The netmask length.
     *
     * @return 0 to 32 (IPv4) or 0 to 128 (IPv6)
     */
    public int netmask() {
        return netmask;
    }

    /**
     * Whether the address is IPv6.
     *
     * @return true for IPv6, false for IPv4
     */
    public boolean isIpv6() {
        return address.length == 16;
    }

    /**
     * Whether the bits right of the netmask are all zero, as a {@code cidr} value requires.
     *
     * @return true when this is a valid network address
     */
    public boolean isNetwork() {
        for (int bit = netmask; bit < address.length * 8; bit++) {
            if ((address[bit >> 3] & (0x80 >>> (bit & 7))) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgInet other && other.netmask == netmask && Arrays.equals(other.address, address);
    }

    @Override
    public int hashCode() {
        return 31 * netmask + Arrays.hashCode(address);
    }

    /**
     * The text form of {@code inet}: the address, then {@code /netmask} unless it is the full length. IPv6 is
     * written as PostgreSQL writes it (lower case, the longest run of zero groups as {@code ::}, IPv4-mapped
     * addresses with a dotted tail).
     */
    @Override
    public String toString() {
        String host = address.length == 4 ? ipv4(address, 0) : ipv6();
        return netmask == address.length * 8 ? host : host + "/" + netmask;
    }

    /**
     * The text form of {@code cidr}: always with {@code /netmask}.
     *
     * @return the text
     */
    public String toCidrString() {
        return (address.length == 4 ? ipv4(address, 0) : ipv6()) + "/" + netmask;
    }

    private static String ipv4(byte[] b, int from) {
        return (b[from] & 0xFF) + "." + (b[from + 1] & 0xFF) + "." + (b[from + 2] & 0xFF) + "." + (b[from + 3] & 0xFF);
    }

    private String ipv6() {
        int[] words = new int[8];
        for (int k = 0; k < 8; k++) {
            words[k] = (address[2 * k] & 0xFF) << 8 | (address[2 * k + 1] & 0xFF);
        }
        int bestBase = -1;
        int bestLen = 0;
        for (int k = 0; k < 8;) {
            if (words[k] != 0) {
                k++;
                continue;
            }
            int start = k;
            while (k < 8 && words[k] == 0) {
                k++;
            }
            if (k - start > bestLen) {
                bestBase = start;
                bestLen = k - start;
            }
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder(40);
        for (int k = 0; k < 8; k++) {
            if (bestBase >= 0 && k >= bestBase && k < bestBase + bestLen) {
                if (k == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (k > 0) {
                sb.append(':');
            }
            boolean embedded = k == 6 && bestBase == 0
                    && (bestLen == 6 || (bestLen == 7 && words[7] != 1) || (bestLen == 5 && words[5] == 0xFFFF));
            if (embedded) {
                sb.append(ipv4(address, 12));
                return sb.toString();
            }
            sb.append(Integer.toHexString(words[k]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }
}
