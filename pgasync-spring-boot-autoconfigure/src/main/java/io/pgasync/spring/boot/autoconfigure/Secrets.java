package io.pgasync.spring.boot.autoconfigure;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in connection URLs and key=value strings before they are shown (actuator endpoints, health details,
 * {@code toString()}): the password in a URL's user information and the value of every parameter whose name
 * suggests a secret ({@code password}, {@code sslpassword}, ...).
 */
public final class Secrets {

    /** What replaces a secret. */
    public static final String MASK = "******";

    private static final Pattern USERINFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^@/?#]*)@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "((?:^|[?&\\s])[^=&\\s]*(?:pass|secret|token|credential|pwd)[^=&\\s]*\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|[^&\\s]*)",
            Pattern.CASE_INSENSITIVE);

    private Secrets() {
    }

    /**
     * Masks the password of a URL's user information and the values of secret-looking parameters.
     *
     * @param url a connection URL or key=value string, or null
     * @return the masked text, or null
     */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = url;
        Matcher m = USERINFO.matcher(masked);
        if (m.find()) {
            String userInfo = m.group(2);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                masked = m.group(1) + userInfo.substring(0, colon + 1) + MASK + "@" + masked.substring(m.end());
            }
        }
        Matcher p = SECRET_PARAMETER.matcher(masked);
        StringBuilder sb = new StringBuilder(masked.length());
        while (p.find()) {
            p.appendReplacement(sb, Matcher.quoteReplacement(p.group(1) + MASK));
        }
        p.appendTail(sb);
        return sb.toString();
    }

    /**
     * Whether a property or setting name suggests a secret.
     *
     * @param name the name
     * @return true when its value must not be shown
     */
    public static boolean looksSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("pass") || n.contains("secret") || n.contains("token") || n.contains("credential")
                || n.contains("pwd");
    }
}
