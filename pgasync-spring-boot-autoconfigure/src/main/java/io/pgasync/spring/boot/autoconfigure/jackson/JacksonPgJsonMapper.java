package io.pgasync.spring.boot.autoconfigure.jackson;

import io.pgasync.codec.PgJsonMapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The driver's JSON mapper hook backed by Jackson 3: {@code json}/{@code jsonb} values read as {@link JsonNode}
 * (or as any class asked for with {@code row.get(column, Type.class)}), and objects passed as parameters are
 * written with the application's mapper. A {@code String} parameter is still JSON text, sent as it is.
 */
public final class JacksonPgJsonMapper implements PgJsonMapper {

    private final ObjectMapper mapper;

    /**
     * Creates the hook.
     *
     * @param mapper the application's Jackson mapper
     */
    public JacksonPgJsonMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T read(String json, Class<T> type) {
        try {
            if (type == Object.class || type == JsonNode.class) {
                return (T) mapper.readTree(json);
            }
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Jackson could not read the JSON as " + type.getName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String write(Object value) {
        if (value instanceof JsonNode node) {
            return node.toString();
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Jackson could not write a " + value.getClass().getName()
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
