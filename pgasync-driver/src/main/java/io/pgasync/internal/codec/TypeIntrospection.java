package io.pgasync.internal.codec;

import io.pgasync.codec.Codec;
import io.pgasync.types.PgArray;

/**
 * The introspection query and how to read its rows. One query, with the wanted OIDs bound as an {@code oid[]}
 * parameter (no SQL is built from names), walks the catalog recursively from those OIDs to everything they are
 * made of (array elements, domain base types, range subtypes, the range of a multirange, composite attributes)
 * and returns one row per type. It uses {@code pg_type.typsubscript}, so it needs PostgreSQL 14 or later, the
 * oldest version the driver supports.
 *
 * <p>Every column is requested in binary and decoded with the built-in codecs in {@link #COLUMN_OIDS} order.
 */
public final class TypeIntrospection {

    private TypeIntrospection() {}

    /** The parameter type of {@link #SQL}: {@code oid[]}. */
    public static final int PARAMETER_TYPE = PgOids.OID_ARRAY;

    /** The query; {@code $1} is the {@code oid[]} of the types wanted. */
    public static final String SQL = "WITH RECURSIVE wanted(oid) AS ("
            + " SELECT o FROM pg_catalog.unnest($1::pg_catalog.oid[]) AS o"
            + " UNION"
            + " SELECT n.oid FROM wanted w"
            + " JOIN pg_catalog.pg_type t ON t.oid = w.oid"
            + " CROSS JOIN LATERAL ("
            + "  SELECT t.typelem WHERE t.typelem <> 0"
            + "   AND t.typsubscript = 'pg_catalog.array_subscript_handler'::pg_catalog.regproc"
            + "  UNION ALL SELECT t.typbasetype WHERE t.typbasetype <> 0"
            + "  UNION ALL SELECT r.rngsubtype FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid"
            + "  UNION ALL SELECT r.rngtypid FROM pg_catalog.pg_range r WHERE r.rngmultitypid = t.oid"
            + "  UNION ALL SELECT a.atttypid FROM pg_catalog.pg_attribute a"
            + "   WHERE t.typrelid <> 0 AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped"
            + " ) AS n(oid)"
            + ")"
            + " SELECT t.oid, t.typname::pg_catalog.text, ns.nspname::pg_catalog.text, t.typtype::pg_catalog.text,"
            + " CASE WHEN t.typsubscript = 'pg_catalog.array_subscript_handler'::pg_catalog.regproc"
            + "  THEN t.typelem ELSE 0::pg_catalog.oid END,"
            + " COALESCE(e.typdelim::pg_catalog.text, ','),"
            + " t.typbasetype, COALESCE(r.rngsubtype, 0::pg_catalog.oid), COALESCE(mr.rngtypid, 0::pg_catalog.oid),"
            + " ARRAY(SELECT a.attname::pg_catalog.text FROM pg_catalog.pg_attribute a WHERE t.typrelid <> 0"
            + "  AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum),"
            + " ARRAY(SELECT a.atttypid FROM pg_catalog.pg_attribute a WHERE t.typrelid <> 0"
            + "  AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)"
            + " FROM wanted w"
            + " JOIN pg_catalog.pg_type t ON t.oid = w.oid"
            + " JOIN pg_catalog.pg_namespace ns ON ns.oid = t.typnamespace"
            + " LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem"
            + " LEFT JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid"
            + " LEFT JOIN pg_catalog.pg_range mr ON mr.rngmultitypid = t.oid";

    /** The type of each result column, in order. */
    static final int[] COLUMN_OIDS = {PgOids.OID, PgOids.TEXT, PgOids.TEXT, PgOids.TEXT, PgOids.OID, PgOids.TEXT,
        PgOids.OID, PgOids.OID, PgOids.OID, PgOids.TEXT_ARRAY, PgOids.OID_ARRAY};

    /**
     * The codec of each result column (all binary), in order.
     *
     * @return the codecs
     */
    public static Codec<?>[] columnCodecs() {
        Codec<?>[] codecs = new Codec<?>[COLUMN_OIDS.length];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = CodecRegistry.builtins().find(COLUMN_OIDS[i]);
        }
        return codecs;
    }

    /**
     * The parameter value for the wanted OIDs.
     *
     * @param oids the OIDs
     * @return a value the {@code oid[]} codec encodes
     */
    public static Object parameter(int[] oids) {
        Long[] values = new Long[oids.length];
        for (int i = 0; i < oids.length; i++) {
            values[i] = Integer.toUnsignedLong(oids[i]);
        }
        return values;
    }

    /**
     * Reads one result row.
     *
     * @param values the decoded columns
     * @return the type's facts
     * @throws IllegalArgumentException when a value is missing or of the wrong kind
     */
    public static TypeInfo read(Object[] values) {
        if (values.length != COLUMN_OIDS.length) {
            throw new IllegalArgumentException("introspection row with " + values.length + " columns");
        }
        String kind = string(values[3]);
        String delimiter = string(values[5]);
        PgArray<?> names = (PgArray<?>) require(values[9]);
        PgArray<?> oids = (PgArray<?>) require(values[10]);
        if (names.size() != oids.size() || kind.length() != 1 || delimiter.length() != 1) {
            throw new IllegalArgumentException("inconsistent introspection row");
        }
        String[] attributeNames = new String[names.size()];
        int[] attributeOids = new int[oids.size()];
        for (int i = 0; i < attributeNames.length; i++) {
            attributeNames[i] = string(names.get(i));
            attributeOids[i] = oid(oids.get(i));
        }
        return new TypeInfo(oid(values[0]), string(values[1]), string(values[2]), kind.charAt(0), oid(values[4]),
                delimiter.charAt(0), oid(values[6]), oid(values[7]), oid(values[8]), attributeNames, attributeOids);
    }

    private static Object require(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("unexpected NULL in an introspection row");
        }
        return value;
    }

    private static String string(Object value) {
        return (String) require(value);
    }

    private static int oid(Object value) {
        return (int) (long) (Long) require(value);
    }
}
