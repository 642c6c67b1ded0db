package io.pgasync.codec;

/**
 * Adds codecs to every connection the driver makes: a library (a PostGIS adapter, a money type, ...) implements
 * it and lists the implementation in {@code META-INF/services/io.pgasync.codec.CodecProvider}; the driver finds
 * it with {@link java.util.ServiceLoader} (once per JVM, on the driver's class loader and the context class
 * loader) and calls {@link #registerCodecs} before its first connection.
 *
 * <p>Codecs for extension and user types, whose OIDs differ between databases, are registered by name: they
 * are bound to a type when a connection first meets it in a statement (introspection) and applied to arrays of
 * it too. Codecs for built-in OIDs replace the driver's own.
 *
 * <pre>{@code
 * public final class GeometryCodecs implements CodecProvider {
 *     public void registerCodecs(CodecRegistrar registrar) {
 *         registrar.registerType(null, "geometry", new GeometryCodec());
 *     }
 * }
 * }</pre>
 *
 * <p>A provider that throws is skipped (and logged on {@code io.pgasync.protocol} as a warning); the driver
 * works without its codecs.
 */
public interface CodecProvider {

    /**
     * Registers this provider's codecs.
     *
     * @param registrar where to register them
     */
    void registerCodecs(CodecRegistrar registrar);
}
