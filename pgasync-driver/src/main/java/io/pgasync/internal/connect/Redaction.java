package io.pgasync.internal.connect;

/**
 * Renders configuration values for error messages without leaking secrets: values are quoted, control characters
 * escaped and long values cut, and a final scrub replaces any known secret that still slipped into a message.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final int MAX_SHOWN = 80;

    /** Secrets shorter than this are not scrubbed from free text: they would mangle ordinary words. */
    private static final int MIN_SCRUBBED_LENGTH = 4;

    private Redaction() {
    }

    /**
     * A value quoted for a message: {@code "value"}, with control characters escaped and values longer than 80
     * characters cut. Never call this with a secret.
     *
     * @param value the value, or null
     * @return the quoted value
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 8);
        sb.append('"');
        int n = Math.min(value.length(), MAX_SHOWN);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                sb.append("\\u");
                String hex = Integer.toHexString(c);
                for (int pad = hex.length(); pad < 4; pad++) {
                    sb.append('0');
                }
                sb.append(hex);
            } else {
                sb.append(c);
            }
        }
        if (value.length() > MAX_SHOWN) {
            sb.append("...");
        }
        return sb.append('"').toString();
    }

    /**
     * Replaces every occurrence of each secret in a message by {@link #MASK}: the last line of defence, for
     * messages built from fragments of a connection string whose structure was not what the user meant.
     *
     * @param message the message, or null
     * @param secrets the secrets (null and short ones are skipped)
     * @return the message without the secrets
     */
    public static String scrub(String message, String... secrets) {
        if (message == null) {
            return null;
        }
        String result = message;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SCRUBBED_LENGTH) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }
}
