package io.pgasync.internal.codec;

import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;

/**
 * SKELETON (to be completed by the codec work): the codecs a connection uses, by type OID.
 *
 * <p>Built-in types (OID below 10000) are looked up in an array indexed by OID; other OIDs in a map. Lookups
 * never return null: an OID without a codec gets the text codec, which decodes to {@code String}.
 */
public final class CodecRegistry {

    private CodecRegistry() {}

    /**
     * The registry of built-in codecs shared by connections that have no custom codecs.
     *
     * @return the registry
     */
    public static CodecRegistry builtins() {
        throw new UnsupportedOperationException("skeleton");
    }

    /**
     * The codec that decodes values of a type.
     *
     * @param oid the type OID
     * @return the codec, never null
     */
    public Codec<?> decoderFor(int oid) {
        throw new UnsupportedOperationException("skeleton");
    }

    /**
     * The name of a type, when the registry knows it (built-in or registered types).
     *
     * @param oid the type OID
     * @return the type name, or null
     */
    public String typeName(int oid) {
        throw new UnsupportedOperationException("skeleton");
    }

    /**
     * The format to request for result columns of a type: binary when its codec supports it.
     *
     * @param oid the type OID
     * @return the format
     */
    public Format resultFormat(int oid) {
        throw new UnsupportedOperationException("skeleton");
    }

    /**
     * The codec that encodes a parameter value for a parameter of a type, or null when no codec for that type
     * accepts the value's class.
     *
     * @param oid the parameter's type OID, as the server inferred it
     * @param value the non-null value
     * @return the codec, or null
     */
    public Codec<?> encoderFor(int oid, Object value) {
        throw new UnsupportedOperationException("skeleton");
    }
}
