package io.pgasync.internal.protocol;

import java.util.List;

/**
 * Finds the {@code $n} parameter references in SQL text the way the server's lexer does: not inside string
 * literals ({@code '...'}, {@code E'...'} with backslash escapes), quoted identifiers, dollar-quoted strings,
 * or comments ({@code --} and nested {@code /* *}{@code /}), and not as part of an identifier ({@code a$1}).
 * Used to inline server-quoted literals into a COPY query, which cannot take parameters.
 */
final class SqlParameters {

    private SqlParameters() {}

    /**
     * Replaces each {@code $n} with {@code literals.get(n - 1)}.
     *
     * @param sql the SQL
     * @param literals already-quoted literals, one per parameter
     * @return the SQL with literals in place
     * @throws IllegalArgumentException for a reference to a parameter without a literal
     */
    static String inline(String sql, List<String> literals) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !isIdentifierChar(sql.charAt(i - 2)));
                int end = skipString(sql, i, escapes);
                out.append(sql, i, end);
                i = end;
            } else if (c == '"') {
                int end = skipQuotedIdentifier(sql, i);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = skipBlockComment(sql, i);
                out.append(sql, i, end);
                i = end;
            } else if (c == '$') {
                if (i > 0 && isIdentifierChar(sql.charAt(i - 1))) {
                    out.append(c); // inside an identifier such as a$1
                    i++;
                    continue;
                }
                int digitsEnd = i + 1;
                while (digitsEnd < n && Character.isDigit(sql.charAt(digitsEnd))) {
                    digitsEnd++;
                }
                if (digitsEnd > i + 1) {
                    int index = Integer.parseInt(sql.substring(i + 1, digitsEnd));
                    if (index < 1 || index > literals.size()) {
                        throw new IllegalArgumentException("The query refers to $" + index + " but "
                                + literals.size() + " argument(s) were given");
                    }
                    out.append(literals.get(index - 1));
                    i = digitsEnd;
                    continue;
                }
                int tagEnd = dollarTagEnd(sql, i);
                if (tagEnd > 0) {
                    String tag = sql.substring(i, tagEnd);
                    int close = sql.indexOf(tag, tagEnd);
                    int end = close < 0 ? n : close + tag.length();
                    out.append(sql, i, end);
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    static int skipString(String sql, int start, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    static int skipQuotedIdentifier(String sql, int start) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == '"') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    static int skipBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length() - 1) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** The end of a dollar-quote opening tag ({@code $$} or {@code $tag$}) at {@code start}, or -1. */
    private static int dollarTagEnd(String sql, int start) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '$') {
                return i + 1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_') || (i == start + 1 && Character.isDigit(c))) {
                return -1;
            }
            i++;
        }
        return -1;
    }
}
