package io.pgasync.internal.protocol;

import io.pgasync.exception.PgClientException;

/**
 * Quoting for the SQL the driver builds itself (LISTEN channels, COPY targets and options). Every name is quoted
 * as an identifier and every value as a literal, whatever it contains (pgjdbc CVE-2022-31197: server metadata and
 * caller strings are untrusted); a NUL character is refused, since it would end the statement early.
 */
public final class Identifiers {

    private Identifiers() {}

    /**
     * Quotes a name as a PostgreSQL identifier: {@code "name"} with embedded quotes doubled.
     *
     * @param name the name, used exactly (case preserved)
     * @return the quoted identifier
     */
    public static String quoteIdentifier(String name) {
        check(name, "identifier");
        if (name.isEmpty()) {
            throw new PgClientException("An empty name cannot be used as an identifier");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Quotes a value as a string literal: {@code E'...'} with backslashes and quotes escaped, which reads the same
     * whatever {@code standard_conforming_strings} is.
     *
     * @param value the value
     * @return the quoted literal
     */
    public static String quoteLiteral(String value) {
        check(value, "value");
        StringBuilder sb = new StringBuilder(value.length() + 4).append("E'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\\') {
                sb.append(c);
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    /**
     * Quotes an optionally schema-qualified name: {@code "schema"."name"}.
     *
     * @param schema the schema, or null
     * @param name the name
     * @return the quoted, qualified name
     */
    public static String qualified(String schema, String name) {
        return schema == null || schema.isEmpty() ? quoteIdentifier(name)
                : quoteIdentifier(schema) + "." + quoteIdentifier(name);
    }

    private static void check(String s, String what) {
        if (s == null) {
            throw new PgClientException("A null " + what + " cannot be used in SQL");
        }
        if (s.indexOf('\0') >= 0) {
            throw new PgClientException("A " + what + " contains a NUL character (U+0000), which PostgreSQL cannot"
                    + " accept");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new PgClientException("A " + what + " contains an unpaired surrogate, which is not valid"
                            + " UTF-8");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new PgClientException("A " + what + " contains an unpaired surrogate, which is not valid UTF-8");
            }
        }
    }
}
