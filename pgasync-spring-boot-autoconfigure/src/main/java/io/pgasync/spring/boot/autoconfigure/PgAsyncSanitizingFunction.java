package io.pgasync.spring.boot.autoconfigure;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks pgasync secrets shown by the actuator's {@code /env} and {@code /configprops} endpoints, even when they are
 * configured to show values: {@code pgasync.password}, {@code pgasync.ssl.key-password}, secret-looking server
 * settings, and the password in a connection URL's user information or query parameters.
 */
final class PgAsyncSanitizingFunction implements SanitizingFunction {

    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getLowerCaseKey();
        if (key == null || !key.contains("pgasync")) {
            return data;
        }
        int dot = key.lastIndexOf('.');
        String last = dot >= 0 ? key.substring(dot + 1) : key;
        if (Secrets.looksSecret(last)) {
            return data.withSanitizedValue();
        }
        if (data.getValue() instanceof CharSequence value) {
            String text = value.toString();
            String masked = Secrets.maskUrl(text);
            if (!masked.equals(text)) {
                return data.withValue(masked);
            }
        }
        return data;
    }
}
