package io.pgasync.internal.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code rewriteBatchedInserts} form of {@code executeMany}: a plain {@code INSERT INTO target [(columns)] VALUES
 * ($a, $b, ...)}, each parameter once and nothing after the one row, becomes {@code INSERT INTO target [(columns)]
 * SELECT u.p<sub>a</sub>, u.p<sub>b</sub>, ... FROM unnest($1, $2, ...) AS u(p1, p2, ...)}, bound with one array per
 * parameter. Anything else is not recognised (null) and runs as usual.
 *
 * @param sql the rewritten statement
 * @param parameterCount the parameters of the original statement, one array each in the rewritten one
 */
record BatchInsertRewrite(String sql, int parameterCount) {

    /** Argument lists per rewritten statement: bounds the Bind message and the server's arrays. */
    static final int ROWS_PER_STATEMENT = 10_000;

    /**
     * Recognises the shape.
     *
     * @param sql the statement given to {@code executeMany}
     * @return the rewrite, or null when the statement is not a plain single-row {@code INSERT ... VALUES}
     */
    static BatchInsertRewrite of(String sql) {
        int n = sql.length();
        int i = skipSpace(sql, 0);
        i = keyword(sql, i, "INSERT");
        if (i < 0) {
            return null;
        }
        i = keyword(sql, skipSpace(sql, i), "INTO");
        if (i < 0) {
            return null;
        }
        int valuesAt = -1;
        int depth = 0;
        while (i < n) { // the target and its column list, up to VALUES at the top level
            int next = skipSpace(sql, i);
            if (next != i) {
                i = next;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '"') {
                i = SqlParameters.skipQuotedIdentifier(sql, i);
            } else if (c == '\'' || c == '$' || c == ';') {
                return null; // no literals, parameters or dollar quotes belong in a target
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth--;
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && SqlParameters.isIdentifierChar(sql.charAt(end))) {
                    end++;
                }
                String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
                if (depth == 0) {
                    if (word.equals("VALUES")) {
                        valuesAt = i;
                        i = end;
                        break;
                    }
                    if (word.equals("SELECT") || word.equals("DEFAULT") || word.equals("WITH")
                            || word.equals("TABLE")) {
                        return null;
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        if (valuesAt < 0 || depth != 0) {
            return null;
        }
        // VALUES ( $a , $b , ... ) [;] and nothing else
        i = skipSpace(sql, i);
        if (i >= n || sql.charAt(i) != '(') {
            return null;
        }
        i++;
        List<Integer> order = new ArrayList<>();
        for (;;) {
            i = skipSpace(sql, i);
            if (i >= n || sql.charAt(i) != '$') {
                return null;
            }
            int digits = i + 1;
            while (digits < n && Character.isDigit(sql.charAt(digits)) && digits - i <= 5) {
                digits++;
            }
            if (digits == i + 1 || (digits < n && SqlParameters.isIdentifierChar(sql.charAt(digits)))) {
                return null;
            }
            order.add(Integer.parseInt(sql.substring(i + 1, digits)));
            i = skipSpace(sql, digits);
            if (i >= n) {
                return null;
            }
            if (sql.charAt(i) == ')') {
                i++;
                break;
            }
            if (sql.charAt(i) != ',') {
                return null;
            }
            i++;
        }
        i = skipSpace(sql, i);
        if (i < n && sql.charAt(i) == ';') {
            i = skipSpace(sql, i + 1);
        }
        if (i != n) {
            return null; // a second row, ON CONFLICT, RETURNING, ...
        }
        int count = order.size();
        boolean[] seen = new boolean[count + 1];
        for (int p : order) {
            if (p < 1 || p > count || seen[p]) {
                return null; // each of $1..$count exactly once
            }
            seen[p] = true;
        }
        StringBuilder out = new StringBuilder(valuesAt + 32 + 16 * count);
        out.append(sql, 0, valuesAt).append("SELECT ");
        for (int c = 0; c < count; c++) {
            out.append(c == 0 ? "" : ", ").append("u.p").append(order.get(c));
        }
        out.append(" FROM unnest(");
        for (int p = 1; p <= count; p++) {
            out.append(p == 1 ? "$" : ", $").append(p);
        }
        out.append(") AS u(");
        for (int p = 1; p <= count; p++) {
            out.append(p == 1 ? "p" : ", p").append(p);
        }
        return new BatchInsertRewrite(out.append(')').toString(), count);
    }

    /**
     * The arguments of one rewritten statement: for each parameter, the list of its values in the argument lists
     * {@code [from, to)}.
     */
    Object[] columns(List<Object[]> argumentLists, int from, int to) {
        Object[] columns = new Object[parameterCount];
        for (int p = 0; p < parameterCount; p++) {
            List<Object> column = new ArrayList<>(to - from);
            for (int r = from; r < to; r++) {
                column.add(argumentLists.get(r)[p]);
            }
            columns[p] = column;
        }
        return columns;
    }

    private static int keyword(String sql, int at, String word) {
        int end = at + word.length();
        if (end > sql.length() || !sql.regionMatches(true, at, word, 0, word.length())
                || (end < sql.length() && SqlParameters.isIdentifierChar(sql.charAt(end)))) {
            return -1;
        }
        return end;
    }

    /** Skips whitespace and comments. */
    private static int skipSpace(String sql, int at) {
        int n = sql.length();
        int i = at;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = SqlParameters.skipBlockComment(sql, i);
            } else {
                break;
            }
        }
        return i;
    }
}
