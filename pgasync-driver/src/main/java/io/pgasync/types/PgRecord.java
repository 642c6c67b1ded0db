package io.pgasync.types;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A composite value: a row of a named composite type ({@code CREATE TYPE t AS (...)}, or a table's row type), or
 * an anonymous record ({@code SELECT ROW(1, 'a')}). Fields are in declaration order; SQL NULL fields are
 * {@code null}. Fields of named composite types have names; those of anonymous records do not ({@link #name(int)}
 * is null).
 *
 * <p>As a parameter of a composite type, a {@code PgRecord} is matched to the type's attributes by position. The
 * driver also accepts a {@code List} or an {@code Object[]} (by position) and a {@code Map<String, ?>} (by
 * attribute name; missing attributes are NULL).
 *
 * <p>Instances are immutable (the field values themselves are whatever their codecs return).
 */
public final class PgRecord {

    private final String[] names;
    private final Object[] values;

    private PgRecord(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * A record of the given field values, without names.
     *
     * @param values the field values (copied); null for SQL NULL
     * @return the record
     */
    public static PgRecord of(Object... values) {
        return new PgRecord(null, values.clone());
    }

    /**
     * A record with named fields.
     *
     * @param names the field names
     * @param values the field values, as many as names
     * @return the record
     * @throws IllegalArgumentException when the lists differ in size
     */
    public static PgRecord of(List<String> names, List<?> values) {
        if (names.size() != values.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + values.size() + " values");
        }
        String[] n = names.toArray(new String[0]);
        for (String name : n) {
            Objects.requireNonNull(name, "field name");
        }
        return new PgRecord(n, values.toArray());
    }

    /**
     * A record that takes over the given arrays without copying them: for codecs, which build them for this
     * record only. The caller must not modify them afterwards.
     *
     * @param names the field names, or null for an anonymous record
     * @param values the field values
     * @return the record
     */
    public static PgRecord wrap(String[] names, Object[] values) {
        if (names != null && names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names for " + values.length + " values");
        }
        return new PgRecord(names, values);
    }

    /**
     * The number of fields.
     *
     * @return the field count
     */
    public int size() {
        return values.length;
    }

    /**
     * A field's value.
     *
     * @param index the 0-based field position
     * @return the value, null for SQL NULL
     */
    public Object get(int index) {
        return values[index];
    }

    /**
     * A field's value by name.
     *
     * @param name the field name
     * @return the value, null for SQL NULL
     * @throws IllegalArgumentException when the record has no field of that name
     */
    public Object get(String name) {
        return values[indexOf(name)];
    }

    /**
     * The position of a named field.
     *
     * @param name the field name
     * @return the 0-based position
     * @throws IllegalArgumentException when there is no such field (always, for an anonymous record)
     */
    public int indexOf(String name) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("the record has no field named \"" + name + "\"; its fields are "
                + names());
    }

    /**
     * A field's name.
     *
     * @param index the 0-based field position
     * @return the name, or null for an anonymous record
     */
    public String name(int index) {
        Objects.checkIndex(index, values.length);
        return names == null ? null : names[index];
    }

    /**
     * The field names.
     *
     * @return the names in order; empty for an anonymous record
     */
    public List<String> names() {
        return names == null ? List.of() : Collections.unmodifiableList(Arrays.asList(names));
    }

    /**
     * The field values.
     *
     * @return an unmodifiable view of the values in order (nulls included)
     */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /**
     * Equal when the names (or their absence) and the values are equal; byte arrays compare by content. A
     * decoded named record is therefore not equal to {@code PgRecord.of(values...)}: compare {@link #values()}.
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PgRecord other)) {
            return false;
        }
        return Arrays.equals(names, other.names) && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    /** PostgreSQL's text form without quoting, for reading: {@code (1,a,)}, with {@code name=} when named. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (names != null) {
                sb.append(names[i]).append('=');
            }
            Object v = values[i];
            sb.append(v == null ? "" : v instanceof byte[] b ? "<" + b.length + " bytes>" : v.toString());
        }
        return sb.append(')').toString();
    }
}
