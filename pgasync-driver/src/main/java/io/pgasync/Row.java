package io.pgasync;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One result row: values by 0-based index or by column name, decoded eagerly when the row arrived.
 *
 * <p>Values are the Java types of the type mapping (see {@code docs/types.md}): {@code int4} is an
 * {@link Integer}, {@code text} a {@link String}, {@code timestamptz} an {@link OffsetDateTime}, SQL NULL is
 * {@code null}. {@link #get(int, Class)} converts where the conversion is lossless (any integer type to
 * {@link Long}, {@link OffsetDateTime} to {@link java.time.Instant}, ...) and fails with a
 * {@link ClassCastException} naming the column otherwise.
 *
 * <p>Column names: when several columns have the same name, lookups by that name return the first of them (as
 * libpq's {@code PQfnumber} and JDBC do); {@link #columns()} and {@link #values()} keep every column. Names are
 * matched exactly (case-sensitive, as the server reports them: unquoted identifiers are lower case).
 *
 * <p>Rows are immutable and safe to share between threads.
 */
public interface Row {

    /**
     * The number of columns.
     *
     * @return the column count
     */
    int size();

    /**
     * The columns' metadata, in order.
     *
     * @return an unmodifiable list
     */
    List<PgColumn> columns();

    /**
     * The 0-based index of the first column with this name.
     *
     * @param name the column name
     * @return the index
     * @throws IllegalArgumentException when no column has that name (the message lists the names)
     */
    int indexOf(String name);

    /**
     * Whether a column with this name exists.
     *
     * @param name the column name
     * @return true when {@link #indexOf(String)} would succeed
     */
    boolean hasColumn(String name);

    /**
     * The value of a column, as decoded.
     *
     * @param index the 0-based column index
     * @return the value, or null for SQL NULL
     * @throws IndexOutOfBoundsException when there is no such column
     */
    Object get(int index);

    /**
     * The value of the first column with this name.
     *
     * @param name the column name
     * @return the value, or null for SQL NULL
     */
    default Object get(String name) {
        return get(indexOf(name));
    }

    /**
     * The value of a column converted to a type.
     *
     * @param index the 0-based column index
     * @param type the wanted class
     * @param <T> the wanted type
     * @return the value, or null for SQL NULL
     * @throws ClassCastException when the value cannot be converted without loss
     */
    <T> T get(int index, Class<T> type);

    /**
     * The value of the first column with this name, converted to a type.
     *
     * @param name the column name
     * @param type the wanted class
     * @param <T> the wanted type
     * @return the value, or null for SQL NULL
     */
    default <T> T get(String name, Class<T> type) {
        return get(indexOf(name), type);
    }

    /**
     * Whether a column is SQL NULL.
     *
     * @param index the 0-based column index
     * @return true for NULL
     */
    default boolean isNull(int index) {
        return get(index) == null;
    }

    /**
     * Whether the first column with this name is SQL NULL.
     *
     * @param name the column name
     * @return true for NULL
     */
    default boolean isNull(String name) {
        return get(name) == null;
    }

    /**
     * A column as a String: text types as they are, other types in their text form.
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default String getString(int index) {
        return get(index, String.class);
    }

    /**
     * A column as a String.
     *
     * @param name the column name
     * @return the value, or null
     */
    default String getString(String name) {
        return getString(indexOf(name));
    }

    /**
     * A column as an Integer (int2, int4, or int8 within range).
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default Integer getInteger(int index) {
        return get(index, Integer.class);
    }

    /**
     * A column as an Integer.
     *
     * @param name the column name
     * @return the value, or null
     */
    default Integer getInteger(String name) {
        return getInteger(indexOf(name));
    }

    /**
     * A column as a Long (any integer type, oid).
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default Long getLong(int index) {
        return get(index, Long.class);
    }

    /**
     * A column as a Long.
     *
     * @param name the column name
     * @return the value, or null
     */
    default Long getLong(String name) {
        return getLong(indexOf(name));
    }

    /**
     * A column as a Short.
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default Short getShort(int index) {
        return get(index, Short.class);
    }

    /**
     * A column as a Short.
     *
     * @param name the column name
     * @return the value, or null
     */
    default Short getShort(String name) {
        return getShort(indexOf(name));
    }

    /**
     * A column as a Double (float4, float8, numeric, integers).
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default Double getDouble(int index) {
        return get(index, Double.class);
    }

    /**
     * A column as a Double.
     *
     * @param name the column name
     * @return the value, or null
     */
    default Double getDouble(String name) {
        return getDouble(indexOf(name));
    }

    /**
     * A column as a Float.
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default Float getFloat(int index) {
        return get(index, Float.class);
    }

    /**
     * A column as a Float.
     *
     * @param name the column name
     * @return the value, or null
     */
    default Float getFloat(String name) {
        return getFloat(indexOf(name));
    }

    /**
     * A column as a Boolean.
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default Boolean getBoolean(int index) {
        return get(index, Boolean.class);
    }

    /**
     * A column as a Boolean.
     *
     * @param name the column name
     * @return the value, or null
     */
    default Boolean getBoolean(String name) {
        return getBoolean(indexOf(name));
    }

    /**
     * A column as a BigDecimal (numeric, integers, finite floats).
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default BigDecimal getBigDecimal(int index) {
        return get(index, BigDecimal.class);
    }

    /**
     * A column as a BigDecimal.
     *
     * @param name the column name
     * @return the value, or null
     */
    default BigDecimal getBigDecimal(String name) {
        return getBigDecimal(indexOf(name));
    }

    /**
     * A column as a UUID.
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default UUID getUUID(int index) {
        return get(index, UUID.class);
    }

    /**
     * A column as a UUID.
     *
     * @param name the column name
     * @return the value, or null
     */
    default UUID getUUID(String name) {
        return getUUID(indexOf(name));
    }

    /**
     * A column as a LocalDate.
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default LocalDate getLocalDate(int index) {
        return get(index, LocalDate.class);
    }

    /**
     * A column as a LocalDate.
     *
     * @param name the column name
     * @return the value, or null
     */
    default LocalDate getLocalDate(String name) {
        return getLocalDate(indexOf(name));
    }

    /**
     * A column as a LocalTime.
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default LocalTime getLocalTime(int index) {
        return get(index, LocalTime.class);
    }

    /**
     * A column as a LocalTime.
     *
     * @param name the column name
     * @return the value, or null
     */
    default LocalTime getLocalTime(String name) {
        return getLocalTime(indexOf(name));
    }

    /**
     * A column as a LocalDateTime (timestamp).
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default LocalDateTime getLocalDateTime(int index) {
        return get(index, LocalDateTime.class);
    }

    /**
     * A column as a LocalDateTime.
     *
     * @param name the column name
     * @return the value, or null
     */
    default LocalDateTime getLocalDateTime(String name) {
        return getLocalDateTime(indexOf(name));
    }

    /**
     * A column as an OffsetDateTime (timestamptz).
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default OffsetDateTime getOffsetDateTime(int index) {
        return get(index, OffsetDateTime.class);
    }

    /**
     * A column as an OffsetDateTime.
     *
     * @param name the column name
     * @return the value, or null
     */
    default OffsetDateTime getOffsetDateTime(String name) {
        return getOffsetDateTime(indexOf(name));
    }

    /**
     * A column as bytes (bytea).
     *
     * @param index the 0-based column index
     * @return the value, or null
     */
    default byte[] getBytes(int index) {
        return get(index, byte[].class);
    }

    /**
     * A column as bytes.
     *
     * @param name the column name
     * @return the value, or null
     */
    default byte[] getBytes(String name) {
        return getBytes(indexOf(name));
    }

    /**
     * All values, in column order (duplicated names included).
     *
     * @return an unmodifiable list (null elements for SQL NULL)
     */
    List<Object> values();

    /**
     * The values by column name, in column order; for a duplicated name, the first column's value.
     *
     * @return a new, modifiable, insertion-ordered map (null values for SQL NULL)
     */
    Map<String, Object> toMap();
}
