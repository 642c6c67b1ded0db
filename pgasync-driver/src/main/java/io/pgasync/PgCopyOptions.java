package io.pgasync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a COPY moves and how: the target's schema and columns, and PostgreSQL's COPY options. Immutable; built with
 * {@link #builder()}. Names are quoted as identifiers and values as literals when the COPY statement is built, except
 * {@link Builder#where(String)}, which is a SQL expression and must come from trusted code.
 */
public final class PgCopyOptions {

    /** COPY's data formats. */
    public enum Format {
        /** PostgreSQL's text format (tab-separated, {@code \N} for NULL). */
        TEXT,
        /** Comma-separated values. */
        CSV,
        /** PostgreSQL's binary COPY format. */
        BINARY
    }

    private static final PgCopyOptions DEFAULTS = builder().build();

    private final String schema;
    private final List<String> columns;
    private final Format format;
    private final Character delimiter;
    private final String nullString;
    private final String header;
    private final Character quote;
    private final Character escape;
    private final List<String> forceQuote;
    private final boolean forceQuoteAll;
    private final List<String> forceNotNull;
    private final List<String> forceNull;
    private final String encoding;
    private final boolean freeze;
    private final String where;

    private PgCopyOptions(Builder b) {
        this.schema = b.schema;
        this.columns = List.copyOf(b.columns);
        this.format = b.format;
        this.delimiter = b.delimiter;
        this.nullString = b.nullString;
        this.header = b.header;
        this.quote = b.quote;
        this.escape = b.escape;
        this.forceQuote = List.copyOf(b.forceQuote);
        this.forceQuoteAll = b.forceQuoteAll;
        this.forceNotNull = List.copyOf(b.forceNotNull);
        this.forceNull = List.copyOf(b.forceNull);
        this.encoding = b.encoding;
        this.freeze = b.freeze;
        this.where = b.where;
    }

    /**
     * The defaults: text format, all columns, the table found by {@code search_path}.
     *
     * @return the default options
     */
    public static PgCopyOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The table's schema, or null for {@code search_path}.
     *
     * @return the schema
     */
    public String schema() {
        return schema;
    }

    /**
     * The columns, in the data's order; empty for all columns in table order.
     *
     * @return the columns
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * The data format, or null for the server's default (text).
     *
     * @return the format
     */
    public Format format() {
        return format;
    }

    /**
     * The {@code DELIMITER}, or null.
     *
     * @return the delimiter
     */
    public Character delimiter() {
        return delimiter;
    }

    /**
     * The {@code NULL} string, or null.
     *
     * @return the string that means NULL
     */
    public String nullString() {
        return nullString;
    }

    /**
     * The {@code HEADER} setting: "true", "false", "match", or null.
     *
     * @return the header setting
     */
    public String header() {
        return header;
    }

    /**
     * The CSV {@code QUOTE} character, or null.
     *
     * @return the quote
     */
    public Character quote() {
        return quote;
    }

    /**
     * The CSV {@code ESCAPE} character, or null.
     *
     * @return the escape
     */
    public Character escape() {
        return escape;
    }

    /**
     * {@code FORCE_QUOTE} columns (CSV, COPY TO).
     *
     * @return the columns
     */
    public List<String> forceQuote() {
        return forceQuote;
    }

    /**
     * Whether {@code FORCE_QUOTE *}.
     *
     * @return true to quote every non-NULL value
     */
    public boolean forceQuoteAll() {
        return forceQuoteAll;
    }

    /**
     * {@code FORCE_NOT_NULL} columns (CSV, COPY FROM).
     *
     * @return the columns
     */
    public List<String> forceNotNull() {
        return forceNotNull;
    }

    /**
     * {@code FORCE_NULL} columns (CSV, COPY FROM).
     *
     * @return the columns
     */
    public List<String> forceNull() {
        return forceNull;
    }

    /**
     * The data's {@code ENCODING}, or null for the client encoding (UTF-8).
     *
     * @return the encoding name
     */
    public String encoding() {
        return encoding;
    }

    /**
     * Whether {@code FREEZE} (COPY FROM into a table created or truncated in the same transaction).
     *
     * @return true to freeze rows
     */
    public boolean freeze() {
        return freeze;
    }

    /**
     * The {@code WHERE} condition of a COPY FROM (PostgreSQL 12+), as SQL, or null.
     *
     * @return the condition
     */
    public String where() {
        return where;
    }

    /** Builds {@link PgCopyOptions}. */
    public static final class Builder {
        private String schema;
        private final List<String> columns = new ArrayList<>();
        private Format format;
        private Character delimiter;
        private String nullString;
        private String header;
        private Character quote;
        private Character escape;
        private final List<String> forceQuote = new ArrayList<>();
        private boolean forceQuoteAll;
        private final List<String> forceNotNull = new ArrayList<>();
        private final List<String> forceNull = new ArrayList<>();
        private String encoding;
        private boolean freeze;
        private String where;

        private Builder() {}

        /**
         * The table's schema.
         *
         * @param schema the schema name (used exactly, quoted)
         * @return this builder
         */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /**
         * The columns, in the data's order.
         *
         * @param columns column names (used exactly, quoted)
         * @return this builder
         */
        public Builder columns(String... columns) {
            Collections.addAll(this.columns, columns);
            return this;
        }

        /**
         * The columns, in the data's order.
         *
         * @param columns column names
         * @return this builder
         */
        public Builder columns(List<String> columns) {
            this.columns.addAll(columns);
            return this;
        }

        /**
         * The data format.
         *
         * @param format text, CSV or binary
         * @return this builder
         */
        public Builder format(Format format) {
            this.format = format;
            return this;
        }

        /**
         * The column delimiter.
         *
         * @param delimiter one character
         * @return this builder
         */
        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        /**
         * The string that represents NULL.
         *
         * @param nullString e.g. {@code ""} for CSV
         * @return this builder
         */
        public Builder nullString(String nullString) {
            this.nullString = nullString;
            return this;
        }

        /**
         * Whether the data has a header line.
         *
         * @param header true or false
         * @return this builder
         */
        public Builder header(boolean header) {
            this.header = String.valueOf(header);
            return this;
        }

        /**
         * A header line whose column names must match the table's (COPY FROM, PostgreSQL 15+).
         *
         * @return this builder
         */
        public Builder headerMatch() {
            this.header = "match";
            return this;
        }

        /**
         * The CSV quote character.
         *
         * @param quote one character
         * @return this builder
         */
        public Builder quote(char quote) {
            this.quote = quote;
            return this;
        }

        /**
         * The CSV escape character.
         *
         * @param escape one character
         * @return this builder
         */
        public Builder escape(char escape) {
            this.escape = escape;
            return this;
        }

        /**
         * Columns whose non-NULL values are always quoted (CSV, COPY TO).
         *
         * @param columns column names
         * @return this builder
         */
        public Builder forceQuote(String... columns) {
            Collections.addAll(this.forceQuote, columns);
            return this;
        }

        /**
         * Quote every non-NULL value ({@code FORCE_QUOTE *}).
         *
         * @return this builder
         */
        public Builder forceQuoteAll() {
            this.forceQuoteAll = true;
            return this;
        }

        /**
         * Columns whose values are never NULL (CSV, COPY FROM).
         *
         * @param columns column names
         * @return this builder
         */
        public Builder forceNotNull(String... columns) {
            Collections.addAll(this.forceNotNull, columns);
            return this;
        }

        /**
         * Columns whose quoted null strings are NULL too (CSV, COPY FROM).
         *
         * @param columns column names
         * @return this builder
         */
        public Builder forceNull(String... columns) {
            Collections.addAll(this.forceNull, columns);
            return this;
        }

        /**
         * The data's encoding, when not UTF-8 (the server converts).
         *
         * @param encoding e.g. {@code LATIN1}
         * @return this builder
         */
        public Builder encoding(String encoding) {
            this.encoding = encoding;
            return this;
        }

        /**
         * Freeze the copied rows (COPY FROM).
         *
         * @param freeze whether to freeze
         * @return this builder
         */
        public Builder freeze(boolean freeze) {
            this.freeze = freeze;
            return this;
        }

        /**
         * Copy in only the rows matching a condition (COPY FROM, PostgreSQL 12+). SQL, not escaped: trusted code only.
         *
         * @param condition a SQL boolean expression over the columns
         * @return this builder
         */
        public Builder where(String condition) {
            this.where = condition;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public PgCopyOptions build() {
            return new PgCopyOptions(this);
        }
    }
}
