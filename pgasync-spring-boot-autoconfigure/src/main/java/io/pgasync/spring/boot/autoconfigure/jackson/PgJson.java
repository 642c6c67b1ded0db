package io.pgasync.spring.boot.autoconfigure.jackson;

import io.pgasync.Row;
import io.pgasync.RowMapper;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads and writes {@code json}/{@code jsonb} columns with the application's Jackson mapper.
 *
 * <pre>{@code
 * pool.execute("INSERT INTO orders(id, doc) VALUES ($1, $2)", 1, json.write(order)).join();   // jsonb parameter
 * Order order = pool.fetchRow(json.rowMapper("doc", Order.class), "SELECT doc FROM orders WHERE id = $1", 1).join();
 * JsonNode tree = json.readTree(row, "doc");
 * }</pre>
 *
 * <p>The driver sends and receives JSON as text (a {@code String} parameter is accepted for a {@code json} or
 * {@code jsonb} parameter); this class converts between that text and objects, so values never pass through an
 * intermediate tree unless asked for.
 */
public class PgJson {

    private final ObjectMapper mapper;

    /**
     * Creates the helper.
     *
     * @param mapper the Jackson mapper
     */
    public PgJson(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * The mapper.
     *
     * @return the mapper
     */
    public ObjectMapper getMapper() {
        return mapper;
    }

    /**
     * Serializes a value as a JSON parameter.
     *
     * @param value the value (an object, a {@link JsonNode}, a collection, ...), or null
     * @return the JSON text, or null for SQL NULL
     */
    public String write(Object value) {
        return value == null ? null : mapper.writeValueAsString(value);
    }

    /**
     * Reads a JSON column as an object.
     *
     * @param row the row
     * @param column the column name
     * @param type the class to map to
     * @param <T> the type
     * @return the value, or null when the column is NULL
     */
    public <T> T read(Row row, String column, Class<T> type) {
        String text = row.get(column, String.class);
        return text == null ? null : mapper.readValue(text, type);
    }

    /**
     * Reads a JSON column by index as an object.
     *
     * @param row the row
     * @param index the column index, from 0
     * @param type the class to map to
     * @param <T> the type
     * @return the value, or null when the column is NULL
     */
    public <T> T read(Row row, int index, Class<T> type) {
        String text = row.get(index, String.class);
        return text == null ? null : mapper.readValue(text, type);
    }

    /**
     * Reads a JSON column as a tree.
     *
     * @param row the row
     * @param column the column name
     * @return the tree, or null when the column is NULL
     */
    public JsonNode readTree(Row row, String column) {
        String text = row.get(column, String.class);
        return text == null ? null : mapper.readTree(text);
    }

    /**
     * A row mapper that reads one JSON column as an object.
     *
     * @param column the column name
     * @param type the class to map to
     * @param <T> the type
     * @return the mapper
     */
    public <T> RowMapper<T> rowMapper(String column, Class<T> type) {
        return row -> read(row, column, type);
    }
}
