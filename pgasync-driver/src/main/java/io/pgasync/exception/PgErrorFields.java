package io.pgasync.exception;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a PostgreSQL ErrorResponse or NoticeResponse, by their protocol field codes.
 *
 * <p>Server data is untrusted: values are kept as the server sent them and never interpreted, except
 * {@link #position()} and {@link #line()}, which are parsed leniently (0 when absent or malformed).
 */
public final class PgErrorFields {

    private final Map<Character, String> fields;
    private final boolean detailInMessage;

    private PgErrorFields(Map<Character, String> fields, boolean detailInMessage) {
        this.fields = fields;
        this.detailInMessage = detailInMessage;
    }

    /**
     * Creates the fields from a map of protocol field codes ({@code 'C'} SQLSTATE, {@code 'M'} message, ...).
     *
     * @param fields the fields; copied
     * @param detailInMessage whether exception messages and logs may include {@code DETAIL} and {@code WHERE},
     *     which can hold row values (personal data)
     * @return the fields
     */
    public static PgErrorFields of(Map<Character, String> fields, boolean detailInMessage) {
        return new PgErrorFields(Collections.unmodifiableMap(new LinkedHashMap<>(fields)), detailInMessage);
    }

    /**
     * All fields by protocol code, in the order the server sent them.
     *
     * @return an unmodifiable map
     */
    public Map<Character, String> asMap() {
        return fields;
    }

    /**
     * Whether messages built from these fields include {@code DETAIL} and {@code WHERE}.
     *
     * @return the setting the connection had ({@code PgConnectOptions.errorDetailInMessages})
     */
    public boolean detailInMessage() {
        return detailInMessage;
    }

    private String get(char code) {
        return fields.get(code);
    }

    /**
     * Severity, not localized ({@code V}, PostgreSQL 9.6+), else the localized one ({@code S}): ERROR, FATAL,
     * PANIC, WARNING, NOTICE, DEBUG, INFO, LOG.
     *
     * @return the severity, or null
     */
    public String severity() {
        String v = get('V');
        return v != null ? v : get('S');
    }

    /**
     * The SQLSTATE code ({@code C}).
     *
     * @return five characters, or null when the server sent none
     */
    public String sqlState() {
        return get('C');
    }

    /**
     * The primary message ({@code M}).
     *
     * @return the message, or null
     */
    public String message() {
        return get('M');
    }

    /**
     * The detail ({@code D}); may contain row values.
     *
     * @return the detail, or null
     */
    public String detail() {
        return get('D');
    }

    /**
     * The hint ({@code H}).
     *
     * @return the hint, or null
     */
    public String hint() {
        return get('H');
    }

    /**
     * The 1-based character position of the error in the query ({@code P}).
     *
     * @return the position, or 0
     */
    public int position() {
        return parseInt(get('P'));
    }

    /**
     * The position in an internally generated query ({@code p}).
     *
     * @return the position, or 0
     */
    public int internalPosition() {
        return parseInt(get('p'));
    }

    /**
     * The internally generated query ({@code q}).
     *
     * @return the query, or null
     */
    public String internalQuery() {
        return get('q');
    }

    /**
     * The context, e.g. a PL/pgSQL call stack ({@code W}).
     *
     * @return the context, or null
     */
    public String where() {
        return get('W');
    }

    /**
     * The schema name ({@code s}).
     *
     * @return the schema, or null
     */
    public String schema() {
        return get('s');
    }

    /**
     * The table name ({@code t}).
     *
     * @return the table, or null
     */
    public String table() {
        return get('t');
    }

    /**
     * The column name ({@code c}).
     *
     * @return the column, or null
     */
    public String column() {
        return get('c');
    }

    /**
     * The data type name ({@code d}).
     *
     * @return the type, or null
     */
    public String dataType() {
        return get('d');
    }

    /**
     * The constraint name ({@code n}).
     *
     * @return the constraint, or null
     */
    public String constraint() {
        return get('n');
    }

    /**
     * The server source file ({@code F}).
     *
     * @return the file, or null
     */
    public String file() {
        return get('F');
    }

    /**
     * The server source line ({@code L}).
     *
     * @return the line, or 0
     */
    public int line() {
        return parseInt(get('L'));
    }

    /**
     * The server source routine ({@code R}).
     *
     * @return the routine, or null
     */
    public String routine() {
        return get('R');
    }

    private static int parseInt(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Renders the fields as a message: {@code SEVERITY: message (SQLSTATE xxxxx)}, then detail (when allowed),
     * hint and position on their own lines.
     *
     * @return the message
     */
    public String render() {
        StringBuilder sb = new StringBuilder(128);
        String severity = severity();
        if (severity != null) {
            sb.append(severity).append(": ");
        }
        sb.append(message() == null ? "(no message)" : message());
        if (sqlState() != null) {
            sb.append(" (SQLSTATE ").append(sqlState()).append(')');
        }
        if (detailInMessage && detail() != null) {
            sb.append("\n  Detail: ").append(detail());
        }
        if (hint() != null) {
            sb.append("\n  Hint: ").append(hint());
        }
        if (position() > 0) {
            sb.append("\n  Position: ").append(position());
        }
        if (detailInMessage && where() != null) {
            sb.append("\n  Where: ").append(where());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
