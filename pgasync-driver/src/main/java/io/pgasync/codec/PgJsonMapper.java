package io.pgasync.codec;

/**
 * Converts between JSON text and Java objects for the {@code json} and {@code jsonb} types: the hook through
 * which a JSON library (Jackson, Gson, JSON-B, ...) plugs into the driver. Set it with
 * {@code PgConnectOptions.builder().jsonMapper(mapper)}.
 *
 * <p>Without a mapper, {@code json} and {@code jsonb} values decode to their JSON text as a {@code String}, and
 * parameters must be JSON text. With one:
 * <ul>
 *   <li>results decode to {@code read(text, Object.class)} (for Jackson, typically maps, lists, strings, numbers
 *       and booleans, or a {@code JsonNode}, as the adapter chooses);</li>
 *   <li>a parameter that is a {@code String} is still taken as JSON text and sent unchanged; any other object is
 *       sent as {@code write(value)}.</li>
 * </ul>
 *
 * <p>Implementations must be thread-safe: one mapper serves every connection made with the options.
 */
public interface PgJsonMapper {

    /**
     * Parses JSON text.
     *
     * @param json the JSON text from the server
     * @param type the Java type wanted ({@code Object.class} when decoding result columns)
     * @param <T> the type
     * @return the value
     * @throws IllegalArgumentException when the text cannot be converted (wrap the library's exception)
     */
    <T> T read(String json, Class<T> type);

    /**
     * Renders a value as JSON text.
     *
     * @param value a non-null parameter value that is not a {@code String}
     * @return the JSON text
     * @throws IllegalArgumentException when the value cannot be rendered (wrap the library's exception); the
     *     driver reports it as a parameter error
     */
    String write(Object value);
}
