package io.pgasync.internal.tls;

import io.netty.util.NetUtil;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Our own check that a server certificate names the host we connected to, for {@code sslmode=verify-full}. It runs
 * in addition to the JDK's {@code HTTPS} endpoint identification so that the check cannot be lost with a
 * caller-supplied {@code SSLContext} whose trust manager ignores endpoint identification (CVE-2018-10936).
 *
 * <p>The rules are the JDK's {@code HTTPS} rules (RFC 2818 / RFC 6125), which are at most as permissive as libpq's:
 * <ul>
 *   <li>An IP literal host matches only {@code iPAddress} subject alternative names (compared as addresses, so
 *       {@code ::1} equals {@code 0:0:0:0:0:0:0:1}). libpq would also accept the IP in the subject CN when the
 *       certificate has no {@code iPAddress} SAN; we do not.
 *   <li>A DNS host matches the {@code dNSName} SANs when there is at least one; only when there is none is the most
 *       specific subject CN used (libpq does the same; RFC 6125 forbids the fallback when a DNS-ID is present).
 *   <li>Case-insensitive; a trailing dot on either side is ignored; non-ASCII host names are compared in their
 *       ASCII (punycode) form.
 *   <li>A wildcard must be the whole leftmost label ({@code *.example.com}), matches exactly one label, and needs
 *       at least two labels after it. libpq also accepts partial-label wildcards such as {@code f*.example.com};
 *       we do not.
 * </ul>
 */
final class HostnameMatcher {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private static final int SET = 0x31;
    private static final String OID_COMMON_NAME = "2.5.4.3";

    private HostnameMatcher() {}

    /**
     * Whether the certificate names the host.
     *
     * @param host a host name or IP literal (IPv6 with or without brackets)
     * @param certificate the server's end-entity certificate
     * @return true on a match
     */
    static boolean matches(String host, X509Certificate certificate) {
        String name = stripBrackets(host);
        byte[] address = ipAddress(name);
        Collection<List<?>> alternativeNames;
        try {
            alternativeNames = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (address != null) {
            if (alternativeNames == null) {
                return false;
            }
            for (List<?> entry : alternativeNames) {
                if (entry.size() >= 2 && entry.get(0) instanceof Integer type && type == SAN_IP
                        && entry.get(1) instanceof String value) {
                    byte[] candidate = ipAddress(value);
                    if (candidate != null && Arrays.equals(candidate, address)) {
                        return true;
                    }
                }
            }
            return false;
        }
        String normalized = normalizeHost(name);
        if (normalized == null) {
            return false;
        }
        boolean sawDnsName = false;
        if (alternativeNames != null) {
            for (List<?> entry : alternativeNames) {
                if (entry.size() >= 2 && entry.get(0) instanceof Integer type && type == SAN_DNS
                        && entry.get(1) instanceof String value) {
                    sawDnsName = true;
                    if (matchesPattern(normalized, value)) {
                        return true;
                    }
                }
            }
        }
        if (sawDnsName) {
            return false;
        }
        String commonName = mostSpecificCommonName(certificate);
        return commonName != null && matchesPattern(normalized, commonName);
    }

    /** The names a certificate is issued for, for error messages (sanitised: server data is untrusted). */
    static List<String> presentedNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternativeNames = certificate.getSubjectAlternativeNames();
            if (alternativeNames != null) {
                for (List<?> entry : alternativeNames) {
                    if (entry.size() >= 2 && entry.get(0) instanceof Integer type
                            && (type == SAN_DNS || type == SAN_IP) && entry.get(1) instanceof String value) {
                        names.add(sanitize(value));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // fall through to the CN
        }
        if (names.isEmpty()) {
            String commonName = mostSpecificCommonName(certificate);
            if (commonName != null) {
                names.add("CN=" + sanitize(commonName));
            }
        }
        return names;
    }

    /** An IP literal's bytes, or null when {@code host} is not one. Never resolves a name. */
    static byte[] ipAddress(String host) {
        String literal = host;
        int zone = literal.indexOf('%');
        if (zone >= 0 && literal.indexOf(':') >= 0) {
            literal = literal.substring(0, zone);
        }
        return NetUtil.createByteArrayFromIpAddressString(literal);
    }

    static String stripBrackets(String host) {
        if (host.length() > 2 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']') {
            return host.substring(1, host.length() - 1);
        }
        return host;
    }

    private static boolean matchesPattern(String host, String rawPattern) {
        String pattern = normalizePattern(rawPattern);
        if (pattern == null) {
            return false;
        }
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(host);
        }
        // Only a whole leftmost label, with at least two labels after it: *.example.com
        if (!pattern.startsWith("*.") || pattern.indexOf('*', 1) >= 0) {
            return false;
        }
        String suffix = pattern.substring(1); // ".example.com"
        if (suffix.indexOf('.', 1) < 0) {
            return false;
        }
        int firstDot = host.indexOf('.');
        return firstDot > 0 && host.substring(firstDot).equals(suffix);
    }

    private static String normalizeHost(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty()) {
            return null;
        }
        try {
            name = IDN.toASCII(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static String normalizePattern(String pattern) {
        String name = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (name.isEmpty()) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0x7E || name.charAt(i) < 0x21) {
                return null; // dNSName is IA5String; a CN with other characters cannot be a host name
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** The last (most specific) CN of the subject, read from the DER encoding of the name. */
    static String mostSpecificCommonName(X509Certificate certificate) {
        String commonName = null;
        try {
            Der.Element subject = Der.parse(certificate.getSubjectX500Principal().getEncoded()).expect(Der.SEQUENCE);
            for (Der.Element rdn : subject.children()) {
                for (Der.Element attribute : rdn.expect(SET).children()) {
                    List<Der.Element> typeAndValue = attribute.expect(Der.SEQUENCE).children();
                    if (typeAndValue.size() == 2 && typeAndValue.get(0).oid().equals(OID_COMMON_NAME)) {
                        String value = directoryString(typeAndValue.get(1));
                        if (value != null) {
                            commonName = value;
                        }
                    }
                }
            }
        } catch (Der.MalformedException e) {
            return null;
        }
        return commonName;
    }

    private static String directoryString(Der.Element value) {
        switch (value.tag) {
            case 0x0C: // UTF8String
                return new String(value.content(), StandardCharsets.UTF_8);
            case 0x13: // PrintableString
            case 0x16: // IA5String
            case 0x14: // TeletexString, close enough for host names
                return new String(value.content(), StandardCharsets.ISO_8859_1);
            case 0x1E: // BMPString
                return new String(value.content(), StandardCharsets.UTF_16BE);
            default:
                return null;
        }
    }

    private static String sanitize(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && i < 64; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return value.length() > 64 ? out.append("...").toString() : out.toString();
    }
}
