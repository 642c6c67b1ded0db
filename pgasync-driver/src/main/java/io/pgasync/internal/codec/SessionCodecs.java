package io.pgasync.internal.codec;

import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;
import io.pgasync.codec.PgJsonMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codecs of one connection, in three layers looked up in order:
 * <ol>
 *   <li>the connection's own codecs: those set with {@code setTypeCodec}/{@code setBuiltinTypeCodec}, and the
 *       JSON codecs when a {@link PgJsonMapper} is configured (a small map, usually empty);</li>
 *   <li>the shared base registry: built-ins plus {@code CodecProvider}s ({@link CodecRegistry#installed()});</li>
 *   <li>codecs built from the {@link TypeCache}, the catalog facts introspection found (enums, domains,
 *       composites, ranges, multiranges, arrays of all, and base types such as {@code hstore} bound by name),
 *       built on first use and kept per connection.</li>
 * </ol>
 *
 * <p>The engine asks {@link #unknownTypes} which OIDs of a statement still need introspection, runs it, hands
 * the result to {@link #addTypes}, and watches {@link #version()}: it changes when codecs of already known types
 * may have changed (a custom codec set or reset, the type cache cleared), and then cached statements, whose
 * result decoders were chosen earlier, must be dropped.
 *
 * <p>Thread-safe: lookups come from the event loop and, for row decoding of nested values, from codecs; changes
 * come from the event loop.
 */
public final class SessionCodecs {

    /** Deeper type nesting than this is treated as text: the catalog cannot loop, but a hostile reply could. */
    private static final int MAX_DEPTH = 32;

    private final CodecRegistry base;
    private final TypeCache types;
    private final Map<Integer, Codec<?>> defaults;
    private volatile Map<Integer, Codec<?>> overrides;
    private final Map<Integer, Codec<?>> built = new ConcurrentHashMap<>();
    private volatile long builtGeneration;
    private volatile int version;

    /**
     * The codecs of a new connection.
     *
     * @param base the built-in and provider codecs ({@link CodecRegistry#installed()})
     * @param types the type cache, which a pool may share between its connections
     * @param jsonMapper the JSON mapper for {@code json}/{@code jsonb}, or null for strings
     */
    public SessionCodecs(CodecRegistry base, TypeCache types, PgJsonMapper jsonMapper) {
        this.base = base;
        this.types = types;
        this.jsonMapper = jsonMapper;
        Map<Integer, Codec<?>> initial = new HashMap<>();
        if (jsonMapper != null) {
            Codec<?> json = JsonCodecs.json(jsonMapper);
            Codec<?> jsonb = JsonCodecs.jsonb(jsonMapper);
            initial.put(PgOids.JSON, json);
            initial.put(PgOids.JSONB, jsonb);
            initial.put(PgOids.JSON_ARRAY, new ArrayCodec(PgOids.JSON_ARRAY, "_json", PgOids.JSON, json, ','));
            initial.put(PgOids.JSONB_ARRAY, new ArrayCodec(PgOids.JSONB_ARRAY, "_jsonb", PgOids.JSONB, jsonb, ','));
        }
        this.defaults = Map.copyOf(initial);
        this.overrides = defaults;
        this.builtGeneration = types.generation();
    }

    private final PgJsonMapper jsonMapper;

    /**
     * The JSON mapper, for reading {@code json}/{@code jsonb} values as a caller's class.
     *
     * @return the mapper, or null when JSON values are strings
     */
    public PgJsonMapper jsonMapper() {
        return jsonMapper;
    }

    /**
     * The type cache these codecs are built from.
     *
     * @return the cache
     */
    public TypeCache types() {
        return types;
    }

    /**
     * Changes whenever codecs of known types may have changed: cached statements must then be dropped.
     *
     * @return the version
     */
    public int version() {
        syncGeneration();
        return version;
    }

    private void syncGeneration() {
        long generation = types.generation();
        if (generation != builtGeneration) {
            synchronized (this) {
                if (generation != builtGeneration) {
                    built.clear();
                    builtGeneration = generation;
                    version++;
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Lookups

    /**
     * The codec for a type, or null when the connection knows nothing of it yet.
     *
     * @param oid the type OID
     * @return the codec, or null
     */
    public Codec<?> find(int oid) {
        return find(oid, 0);
    }

    private Codec<?> find(int oid, int depth) {
        Map<Integer, Codec<?>> own = overrides;
        if (!own.isEmpty()) {
            Codec<?> codec = own.get(oid);
            if (codec != null) {
                return codec;
            }
        }
        Codec<?> codec = base.find(oid);
        if (codec != null) {
            return codec;
        }
        syncGeneration();
        if (types.size() == 0) {
            return null;
        }
        codec = built.get(oid);
        if (codec != null) {
            return codec;
        }
        TypeInfo info = types.get(oid);
        if (info == null) {
            return null;
        }
        codec = build(info, depth);
        built.put(oid, codec);
        return codec;
    }

    private Codec<?> resolve(int oid, int depth) {
        if (depth > MAX_DEPTH || oid == 0) {
            return TextCodecs.FALLBACK;
        }
        Codec<?> codec = find(oid, depth + 1);
        return codec != null ? codec : TextCodecs.FALLBACK;
    }

    /** A codec from catalog facts. */
    private Codec<?> build(TypeInfo t, int depth) {
        if (t.elementOid() == 0 && t.kind() != 'p') {
            Codec<?> named = base.findByName(t.schema(), t.name()); // hstore, citext, CodecProvider types
            if (named != null) {
                return named;
            }
        }
        switch (t.kind()) {
            case 'd':
                return resolve(t.baseOid(), depth);
            case 'e':
                return new ExtensionCodecs.EnumCodec(t.oid(), t.name());
            case 'c': {
                int n = t.attributeOids().length;
                Codec<?>[] codecs = new Codec<?>[n];
                for (int i = 0; i < n; i++) {
                    codecs[i] = resolve(t.attributeOids()[i], depth);
                }
                return new RecordCodecs.CompositeCodec(t.oid(), t.name(), t.attributeNames().clone(),
                        t.attributeOids().clone(), codecs);
            }
            case 'r':
                return new RangeCodecs.RangeCodec(t.oid(), t.name(), resolve(t.rangeSubtype(), depth));
            case 'm': {
                Codec<?> range = resolve(t.multirangeRange(), depth);
                if (range instanceof RangeCodecs.RangeCodec r) {
                    return new RangeCodecs.MultirangeCodec(t.oid(), t.name(), r);
                }
                return new TextCodecs.FallbackCodec(t.oid(), t.name());
            }
            default:
                break;
        }
        if (t.elementOid() != 0) {
            return new ArrayCodec(t.oid(), t.name(), t.elementOid(), resolve(t.elementOid(), depth), t.delimiter());
        }
        return new TextCodecs.FallbackCodec(t.oid(), t.name());
    }

    /**
     * The name of a type: the catalog name when introspection found it (so a domain shows its own name), else
     * its codec's.
     *
     * @param oid the type OID
     * @return the name, or null when unknown
     */
    public String typeName(int oid) {
        if (types.size() > 0 && oid >= CodecRegistry.ARRAY_LIMIT) {
            TypeInfo info = types.get(oid);
            if (info != null) {
                return info.name();
            }
        }
        Codec<?> codec = find(oid);
        return codec == null ? null : codec.typeName();
    }

    /**
     * The array type of a built-in scalar type, for statements that pass a column of values as one array
     * ({@code executeMany}'s insert rewrite).
     *
     * @param oid the element type OID
     * @return the array type OID, or 0 when the type is not built in, is itself an array, or has no array type
     */
    public int builtinArrayTypeOf(int oid) {
        return oid > 0 && oid < CodecRegistry.ARRAY_LIMIT ? CodecRegistry.arrayOf(oid) : 0;
    }

    /**
     * The codec that decodes a type: {@link #find}, or the text fallback (text format, {@code String}).
     *
     * @param oid the type OID
     * @return the codec, never null
     */
    public Codec<?> decoderFor(int oid) {
        Codec<?> codec = find(oid);
        return codec != null ? codec : TextCodecs.FALLBACK;
    }

    /**
     * The result format to request for a type: binary when its codec has one.
     *
     * @param oid the type OID
     * @return the format
     */
    public Format resultFormat(int oid) {
        return CodecRegistry.resultFormat(find(oid));
    }

    /**
     * The codec that encodes a parameter value, or null when nothing fits; see
     * {@link CodecRegistry#encoderFor(int, Object)}.
     *
     * @param oid the parameter's type OID
     * @param value the non-null value
     * @return the codec, or null
     */
    public Codec<?> encoderFor(int oid, Object value) {
        return CodecRegistry.encoderFor(find(oid), value);
    }

    /**
     * The format to send a parameter in; see {@link CodecRegistry#parameterFormat}.
     *
     * @param codec the codec {@link #encoderFor} chose
     * @param value the non-null value
     * @return the format
     */
    public Format parameterFormat(Codec<?> codec, Object value) {
        return CodecRegistry.parameterFormatOf(codec, value);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Introspection

    /**
     * The OIDs among those given that need introspection: no codec, and not already looked for in vain.
     *
     * @param first OIDs (parameter types), or null
     * @param second more OIDs (result column types), or null
     * @return the distinct OIDs to introspect, or null when none
     */
    public int[] unknownTypes(int[] first, int[] second) {
        int[] result = null;
        int count = 0;
        for (int[] oids : new int[][] {first, second}) {
            if (oids == null) {
                continue;
            }
            for (int oid : oids) {
                if (oid == 0 || find(oid) != null || types.isMissing(oid)) {
                    continue;
                }
                if (result == null) {
                    result = new int[4];
                }
                boolean seen = false;
                for (int i = 0; i < count; i++) {
                    seen |= result[i] == oid;
                }
                if (!seen) {
                    if (count == result.length) {
                        result = java.util.Arrays.copyOf(result, count * 2);
                    }
                    result[count++] = oid;
                }
            }
        }
        return result == null ? null : java.util.Arrays.copyOf(result, count);
    }

    /**
     * Records what an introspection query found.
     *
     * @param found the types
     * @param requested the OIDs asked for
     */
    public void addTypes(java.util.Collection<TypeInfo> found, int[] requested) {
        syncGeneration();
        types.add(found, requested);
    }

    /** Forgets introspected types (shared with the pool, if the cache is shared) and this connection's codecs built from them. */
    public void reload() {
        types.clear();
        syncGeneration();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Custom codecs

    /**
     * Sets this connection's codec for a type, and a derived codec for its array type.
     *
     * @param oid the type OID
     * @param arrayOid the OID of its array type, or 0
     * @param codec the codec
     */
    public synchronized void setCodec(int oid, int arrayOid, Codec<?> codec) {
        Map<Integer, Codec<?>> next = new HashMap<>(overrides);
        next.put(oid, codec);
        if (arrayOid != 0) {
            next.put(arrayOid, new ArrayCodec(arrayOid, "_" + codec.typeName(), oid, codec, ','));
        }
        overrides = Map.copyOf(next);
        built.clear();
        version++;
    }

    /**
     * Removes this connection's codec for a type and its array type, back to the default one.
     *
     * @param oid the type OID
     * @param arrayOid the OID of its array type, or 0
     */
    public synchronized void resetCodec(int oid, int arrayOid) {
        Map<Integer, Codec<?>> next = new HashMap<>(overrides);
        restore(next, oid);
        if (arrayOid != 0) {
            restore(next, arrayOid);
        }
        overrides = Map.copyOf(next);
        built.clear();
        version++;
    }

    private void restore(Map<Integer, Codec<?>> map, int oid) {
        Codec<?> original = defaults.get(oid);
        if (original != null) {
            map.put(oid, original);
        } else {
            map.remove(oid);
        }
    }

    /**
     * The codec a type has without this connection's custom codec: what {@code setTypeCodec}'s tuple format
     * wraps.
     *
     * @param oid the type OID
     * @return the codec, or null when unknown
     */
    public Codec<?> defaultCodec(int oid) {
        Codec<?> codec = defaults.get(oid);
        if (codec != null) {
            return codec;
        }
        codec = base.find(oid);
        if (codec != null) {
            return codec;
        }
        TypeInfo info = types.get(oid);
        return info == null ? null : build(info, 0);
    }

    /**
     * The built-in or provider codec registered under a name, for {@code setBuiltinTypeCodec}: a built-in type
     * name ({@code int4}, {@code text}, {@code hstore}, ...).
     *
     * @param name the codec's type name
     * @return the codec, or null
     */
    public Codec<?> builtinCodecNamed(String name) {
        Codec<?> named = base.findByName(null, name);
        if (named != null) {
            return named;
        }
        for (int oid = 1; oid < CodecRegistry.ARRAY_LIMIT; oid++) {
            Codec<?> codec = base.find(oid);
            if (codec != null && codec.typeName().equals(name)) {
                return codec;
            }
        }
        return null;
    }
}
