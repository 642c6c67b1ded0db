package io.pgasync.internal.protocol;

import io.pgasync.PgColumn;
import io.pgasync.Row;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A decoded row: its values and the statement's shared {@link RowDescription}. */
final class RowImpl implements Row {

    private final RowDescription description;
    private final Object[] values;

    RowImpl(RowDescription description, Object[] values) {
        this.description = description;
        this.values = values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public List<PgColumn> columns() {
        return description.columns;
    }

    @Override
    public int indexOf(String name) {
        return description.indexOf(name);
    }

    @Override
    public boolean hasColumn(String name) {
        return description.hasColumn(name);
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new IndexOutOfBoundsException("Column index " + index + " is out of range: the row has "
                    + values.length + " columns (indexes start at 0)");
        }
        return values[index];
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        Object value = get(index);
        if (value == null) {
            return null;
        }
        try {
            return ValueConversions.convert(value, type);
        } catch (ClassCastException | ArithmeticException e) {
            PgColumn column = description.columns.get(index);
            if (description.jsonMapper != null && (column.typeOid() == io.pgasync.internal.codec.PgOids.JSON
                    || column.typeOid() == io.pgasync.internal.codec.PgOids.JSONB)) {
                // what the mapper read as a generic value, read again as the caller's class
                return description.jsonMapper.read(description.jsonMapper.write(value), type);
            }
            throw new ClassCastException("Column " + index + " (\"" + column.name() + "\", "
                    + (column.typeName() != null ? column.typeName() : "type OID " + column.typeOid()) + ") holds a "
                    + value.getClass().getName() + " that cannot be read as " + type.getName() + ": "
                    + e.getMessage());
        }
    }

    @Override
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(values.length * 2);
        for (int i = 0; i < values.length; i++) {
            map.putIfAbsent(description.columns.get(i).name(), values[i]);
        }
        return map;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Row{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(description.columns.get(i).name()).append('=');
            Object v = values[i];
            sb.append(v instanceof byte[] b ? "<" + b.length + " bytes>" : v);
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowImpl other && Arrays.deepEquals(values, other.values)
                && description.columns.equals(other.description.columns);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }
}
