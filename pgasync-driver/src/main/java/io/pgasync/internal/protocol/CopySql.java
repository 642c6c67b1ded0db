package io.pgasync.internal.protocol;

import io.pgasync.PgCopyOptions;
import java.util.ArrayList;
import java.util.List;

/** Builds COPY statements from options: every name quoted as an identifier, every value as a literal. */
final class CopySql {

    private CopySql() {}

    static String toStdout(String table, PgCopyOptions o) {
        return "COPY " + target(table, o) + " TO STDOUT" + with(o, false);
    }

    static String queryToStdout(String query, PgCopyOptions o) {
        return "COPY (" + query + ") TO STDOUT" + with(o, false);
    }

    static String fromStdin(String table, PgCopyOptions o, PgCopyOptions.Format forcedFormat, List<String> columns) {
        String sql = "COPY " + Identifiers.qualified(o.schema(), table) + columnList(columns) + " FROM STDIN"
                + with(o, true, forcedFormat);
        if (o.where() != null && !o.where().isBlank()) {
            sql += " WHERE " + o.where();
        }
        return sql;
    }

    private static String target(String table, PgCopyOptions o) {
        return Identifiers.qualified(o.schema(), table) + columnList(o.columns());
    }

    private static String columnList(List<String> columns) {
        if (columns == null || columns.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Identifiers.quoteIdentifier(columns.get(i)));
        }
        return sb.append(')').toString();
    }

    private static String with(PgCopyOptions o, boolean in) {
        return with(o, in, null);
    }

    private static String with(PgCopyOptions o, boolean in, PgCopyOptions.Format forcedFormat) {
        List<String> parts = new ArrayList<>();
        PgCopyOptions.Format format = forcedFormat != null ? forcedFormat : o.format();
        if (format != null) {
            parts.add("FORMAT " + format.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (in && o.freeze()) {
            parts.add("FREEZE true");
        }
        if (o.delimiter() != null) {
            parts.add("DELIMITER " + Identifiers.quoteLiteral(String.valueOf(o.delimiter())));
        }
        if (o.nullString() != null) {
            parts.add("NULL " + Identifiers.quoteLiteral(o.nullString()));
        }
        if (o.header() != null) {
            parts.add("HEADER " + o.header()); // true, false or match: fixed words from the builder
        }
        if (o.quote() != null) {
            parts.add("QUOTE " + Identifiers.quoteLiteral(String.valueOf(o.quote())));
        }
        if (o.escape() != null) {
            parts.add("ESCAPE " + Identifiers.quoteLiteral(String.valueOf(o.escape())));
        }
        if (!in) {
            if (o.forceQuoteAll()) {
                parts.add("FORCE_QUOTE *");
            } else if (!o.forceQuote().isEmpty()) {
                parts.add("FORCE_QUOTE" + columnList(o.forceQuote()));
            }
        } else {
            if (!o.forceNotNull().isEmpty()) {
                parts.add("FORCE_NOT_NULL" + columnList(o.forceNotNull()));
            }
            if (!o.forceNull().isEmpty()) {
                parts.add("FORCE_NULL" + columnList(o.forceNull()));
            }
        }
        if (o.encoding() != null) {
            parts.add("ENCODING " + Identifiers.quoteLiteral(o.encoding()));
        }
        return parts.isEmpty() ? "" : " WITH (" + String.join(", ", parts) + ")";
    }
}
