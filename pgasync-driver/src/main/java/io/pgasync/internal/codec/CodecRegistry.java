package io.pgasync.internal.codec;

import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecProvider;
import io.pgasync.codec.CodecRegistrar;
import io.pgasync.codec.Format;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Codecs by type OID, and by type name for types whose OIDs vary between databases ({@code hstore},
 * {@code citext}, provider types). Immutable and thread-safe. {@link #builtins()} holds every built-in codec:
 * scalars, an array codec for each of them, ranges and multiranges over the built-in subtypes, anonymous
 * records; {@link #installed()} adds the codecs of {@code CodecProvider}s and is what connections start from;
 * {@link #builder(CodecRegistry)} derives registries with more codecs. A connection layers its own codecs over
 * it in {@link SessionCodecs}, which the engine uses; the lookup methods below behave the same in both.
 *
 * <p>Built-in types (OID below 10000) are looked up in an array indexed by OID, other OIDs in a
 * map. Decoding lookups never return null: an OID without a codec gets a text fallback that decodes to
 * {@code String}. Lookups are cheap but not free (a map lookup boxes OIDs above 127 outside the array): the
 * engine resolves decoders once per RowDescription and encoders once per Bind, not once per value.
 *
 * <p><b>How the protocol engine uses it: result columns.</b> For each column of a RowDescription:
 * {@code Codec<?> c = decoderFor(typeOid)} and
 * {@code Format f = resultFormat(typeOid)}; send {@code f.code()} as the column's result format in Bind, and
 * decode each DataRow value with {@code c.decode(buf, length, f, context)} (a -1 length is SQL NULL and is not
 * passed to the codec). The simple query protocol always returns text: decode with {@link Format#TEXT}.
 *
 * <p><b>Parameters.</b> For each parameter, with the type OID the server reported in ParameterDescription:
 * <ol>
 *   <li>{@code null} → send length -1 (format code irrelevant; use 0);</li>
 *   <li>{@code Codec<?> c = encoderFor(oid, value)}; null → the value cannot be sent as that type: fail the call
 *       with {@code PgParameterException} naming {@code $n}, the type and the value's class;</li>
 *   <li>{@code Format f = parameterFormat(c, value)}: the format code of that parameter in Bind (format codes
 *       come before the values, so decide every format first);</li>
 *   <li>write the value: reserve the int32 length, {@code c.encode(value, f, out, context)}, back-patch the
 *       length. An {@link IllegalArgumentException} from {@code encode} (out of range, unpaired surrogate, ...)
 *       becomes a {@code PgParameterException} for that parameter; the partially written bytes must be
 *       discarded with the whole message.</li>
 * </ol>
 */
public final class CodecRegistry {

    /** OIDs below this are looked up in an array; PostgreSQL assigns built-in OIDs below 10000. */
    static final int ARRAY_LIMIT = 10000;

    private static final System.Logger LOG = System.getLogger("io.pgasync.protocol");

    /** {array type OID, element type OID} for every built-in element type with a codec. */
    static final int[][] ARRAYS = {
        {PgOids.BOOL_ARRAY, PgOids.BOOL}, {PgOids.BYTEA_ARRAY, PgOids.BYTEA}, {PgOids.CHAR_ARRAY, PgOids.CHAR},
        {PgOids.NAME_ARRAY, PgOids.NAME}, {PgOids.INT2_ARRAY, PgOids.INT2}, {PgOids.INT4_ARRAY, PgOids.INT4},
        {PgOids.INT8_ARRAY, PgOids.INT8}, {PgOids.TEXT_ARRAY, PgOids.TEXT}, {PgOids.OID_ARRAY, PgOids.OID},
        {PgOids.TID_ARRAY, PgOids.TID}, {PgOids.XID_ARRAY, PgOids.XID}, {PgOids.CID_ARRAY, PgOids.CID},
        {PgOids.XID8_ARRAY, PgOids.XID8}, {PgOids.BPCHAR_ARRAY, PgOids.BPCHAR},
        {PgOids.VARCHAR_ARRAY, PgOids.VARCHAR}, {PgOids.FLOAT4_ARRAY, PgOids.FLOAT4},
        {PgOids.FLOAT8_ARRAY, PgOids.FLOAT8}, {PgOids.NUMERIC_ARRAY, PgOids.NUMERIC},
        {PgOids.MONEY_ARRAY, PgOids.MONEY}, {PgOids.JSON_ARRAY, PgOids.JSON}, {PgOids.JSONB_ARRAY, PgOids.JSONB},
        {PgOids.JSONPATH_ARRAY, PgOids.JSONPATH}, {PgOids.XML_ARRAY, PgOids.XML},
        {PgOids.REFCURSOR_ARRAY, PgOids.REFCURSOR}, {PgOids.TSVECTOR_ARRAY, PgOids.TSVECTOR},
        {PgOids.TSQUERY_ARRAY, PgOids.TSQUERY}, {PgOids.ACLITEM_ARRAY, PgOids.ACLITEM},
        {PgOids.DATE_ARRAY, PgOids.DATE}, {PgOids.TIME_ARRAY, PgOids.TIME},
        {PgOids.TIMETZ_ARRAY, PgOids.TIMETZ}, {PgOids.TIMESTAMP_ARRAY, PgOids.TIMESTAMP},
        {PgOids.TIMESTAMPTZ_ARRAY, PgOids.TIMESTAMPTZ}, {PgOids.INTERVAL_ARRAY, PgOids.INTERVAL},
        {PgOids.UUID_ARRAY, PgOids.UUID}, {PgOids.PG_LSN_ARRAY, PgOids.PG_LSN},
        {PgOids.PG_SNAPSHOT_ARRAY, PgOids.PG_SNAPSHOT}, {PgOids.TXID_SNAPSHOT_ARRAY, PgOids.TXID_SNAPSHOT},
        {PgOids.REGPROC_ARRAY, PgOids.REGPROC}, {PgOids.REGPROCEDURE_ARRAY, PgOids.REGPROCEDURE},
        {PgOids.REGOPER_ARRAY, PgOids.REGOPER}, {PgOids.REGOPERATOR_ARRAY, PgOids.REGOPERATOR},
        {PgOids.REGCLASS_ARRAY, PgOids.REGCLASS}, {PgOids.REGTYPE_ARRAY, PgOids.REGTYPE},
        {PgOids.REGCONFIG_ARRAY, PgOids.REGCONFIG}, {PgOids.REGDICTIONARY_ARRAY, PgOids.REGDICTIONARY},
        {PgOids.REGNAMESPACE_ARRAY, PgOids.REGNAMESPACE}, {PgOids.REGROLE_ARRAY, PgOids.REGROLE},
        {PgOids.REGCOLLATION_ARRAY, PgOids.REGCOLLATION}, {PgOids.INET_ARRAY, PgOids.INET},
        {PgOids.CIDR_ARRAY, PgOids.CIDR}, {PgOids.MACADDR_ARRAY, PgOids.MACADDR},
        {PgOids.MACADDR8_ARRAY, PgOids.MACADDR8}, {PgOids.BIT_ARRAY, PgOids.BIT},
        {PgOids.VARBIT_ARRAY, PgOids.VARBIT}, {PgOids.POINT_ARRAY, PgOids.POINT}, {PgOids.LINE_ARRAY, PgOids.LINE},
        {PgOids.LSEG_ARRAY, PgOids.LSEG}, {PgOids.BOX_ARRAY, PgOids.BOX}, {PgOids.PATH_ARRAY, PgOids.PATH},
        {PgOids.POLYGON_ARRAY, PgOids.POLYGON}, {PgOids.CIRCLE_ARRAY, PgOids.CIRCLE},
        {PgOids.RECORD_ARRAY, PgOids.RECORD}, {PgOids.INT2VECTOR_ARRAY, PgOids.INT2VECTOR},
        {PgOids.OIDVECTOR_ARRAY, PgOids.OIDVECTOR}, {PgOids.INT4RANGE_ARRAY, PgOids.INT4RANGE},
        {PgOids.INT8RANGE_ARRAY, PgOids.INT8RANGE}, {PgOids.NUMRANGE_ARRAY, PgOids.NUMRANGE},
        {PgOids.DATERANGE_ARRAY, PgOids.DATERANGE}, {PgOids.TSRANGE_ARRAY, PgOids.TSRANGE},
        {PgOids.TSTZRANGE_ARRAY, PgOids.TSTZRANGE}, {PgOids.INT4MULTIRANGE_ARRAY, PgOids.INT4MULTIRANGE},
        {PgOids.INT8MULTIRANGE_ARRAY, PgOids.INT8MULTIRANGE}, {PgOids.NUMMULTIRANGE_ARRAY, PgOids.NUMMULTIRANGE},
        {PgOids.DATEMULTIRANGE_ARRAY, PgOids.DATEMULTIRANGE}, {PgOids.TSMULTIRANGE_ARRAY, PgOids.TSMULTIRANGE},
        {PgOids.TSTZMULTIRANGE_ARRAY, PgOids.TSTZMULTIRANGE},
    };

    private static final CodecRegistry BUILTINS = createBuiltins();

    private final Codec<?>[] byOid;
    private final Map<Integer, Codec<?>> dynamic;
    private final Map<String, Codec<?>> byName;

    private CodecRegistry(Codec<?>[] byOid, Map<Integer, Codec<?>> dynamic, Map<String, Codec<?>> byName) {
        this.byOid = byOid;
        this.dynamic = dynamic;
        this.byName = byName;
    }

    private static CodecRegistry createBuiltins() {
        Builder builder = new Builder(new Codec<?>[ARRAY_LIMIT], new HashMap<>(), new HashMap<>());
        BaseCodec<?>[] scalars = {
            MiscCodecs.BOOL, MiscCodecs.BYTEA, TextCodecs.CHAR, TextCodecs.NAME, NumericCodecs.INT8,
            NumericCodecs.INT2, NumericCodecs.INT4, TextCodecs.TEXT, NumericCodecs.OID, TextCodecs.JSON,
            NumericCodecs.FLOAT4, NumericCodecs.FLOAT8, TextCodecs.UNKNOWN, TextCodecs.BPCHAR, TextCodecs.VARCHAR,
            DateTimeCodecs.DATE, DateTimeCodecs.TIME, DateTimeCodecs.TIMESTAMP, DateTimeCodecs.TIMESTAMPTZ,
            DateTimeCodecs.INTERVAL, DateTimeCodecs.TIMETZ, NumericCodecs.NUMERIC, MiscCodecs.VOID,
            MiscCodecs.UUID_CODEC, TextCodecs.JSONB, TextCodecs.JSONPATH, TextCodecs.XML, TextCodecs.REFCURSOR,
            TextCodecs.TSVECTOR, TextCodecs.TSQUERY, TextCodecs.ACLITEM, NumericCodecs.MONEY, SystemCodecs.XID,
            SystemCodecs.CID, SystemCodecs.XID8, SystemCodecs.TID, SystemCodecs.PG_LSN, SystemCodecs.PG_SNAPSHOT,
            SystemCodecs.TXID_SNAPSHOT, SystemCodecs.REGPROC, SystemCodecs.REGPROCEDURE, SystemCodecs.REGOPER,
            SystemCodecs.REGOPERATOR, SystemCodecs.REGCLASS, SystemCodecs.REGTYPE, SystemCodecs.REGCONFIG,
            SystemCodecs.REGDICTIONARY, SystemCodecs.REGNAMESPACE, SystemCodecs.REGROLE, SystemCodecs.REGCOLLATION,
            NetworkCodecs.INET, NetworkCodecs.CIDR, NetworkCodecs.MACADDR, NetworkCodecs.MACADDR8, BitCodecs.BIT,
            BitCodecs.VARBIT, GeometricCodecs.POINT, GeometricCodecs.LINE, GeometricCodecs.LSEG,
            GeometricCodecs.BOX, GeometricCodecs.PATH, GeometricCodecs.POLYGON, GeometricCodecs.CIRCLE,
            RecordCodecs.RECORD
        };
        for (BaseCodec<?> codec : scalars) {
            builder.register(codec.oid(), codec);
        }
        // Ranges over built-in subtypes, then multiranges over them (PostgreSQL 14+).
        int[][] ranges = {
            {PgOids.INT4RANGE, PgOids.INT4, PgOids.INT4MULTIRANGE},
            {PgOids.INT8RANGE, PgOids.INT8, PgOids.INT8MULTIRANGE},
            {PgOids.NUMRANGE, PgOids.NUMERIC, PgOids.NUMMULTIRANGE},
            {PgOids.DATERANGE, PgOids.DATE, PgOids.DATEMULTIRANGE},
            {PgOids.TSRANGE, PgOids.TIMESTAMP, PgOids.TSMULTIRANGE},
            {PgOids.TSTZRANGE, PgOids.TIMESTAMPTZ, PgOids.TSTZMULTIRANGE},
        };
        String[] rangeNames = {"int4", "int8", "num", "date", "ts", "tstz"};
        for (int i = 0; i < ranges.length; i++) {
            RangeCodecs.RangeCodec range = new RangeCodecs.RangeCodec(ranges[i][0], rangeNames[i] + "range",
                    builder.byOid[ranges[i][1]]);
            builder.register(ranges[i][0], range);
            builder.register(ranges[i][2], new RangeCodecs.MultirangeCodec(ranges[i][2],
                    rangeNames[i] + "multirange", range));
        }
        // int2vector and oidvector: arrays in binary, space-separated in text.
        builder.register(PgOids.INT2VECTOR, ArrayCodec.vector(PgOids.INT2VECTOR, "int2vector", PgOids.INT2,
                NumericCodecs.INT2));
        builder.register(PgOids.OIDVECTOR, ArrayCodec.vector(PgOids.OIDVECTOR, "oidvector", PgOids.OID,
                NumericCodecs.OID));
        // An array type for every element type above.
        for (int[] pair : ARRAYS) {
            Codec<?> element = builder.byOid[pair[1]];
            builder.register(pair[0], new ArrayCodec(pair[0], "_" + element.typeName().replace("\"", ""), pair[1],
                    element, pair[1] == PgOids.BOX ? ';' : ','));
        }
        builder.registerByName(null, "hstore", ExtensionCodecs.HSTORE);
        builder.registerByName(null, "citext", TextCodecs.CITEXT);
        return builder.build();
    }

    /** The array type OID of a built-in element type, or 0. */
    static int arrayOf(int elementOid) {
        for (int[] pair : ARRAYS) {
            if (pair[1] == elementOid) {
                return pair[0];
            }
        }
        return 0;
    }

    /**
     * The registry of built-in codecs shared by connections that have no custom codecs.
     *
     * @return the registry
     */
    public static CodecRegistry builtins() {
        return BUILTINS;
    }

    /**
     * The built-in codecs plus those of every {@link CodecProvider} found by {@link ServiceLoader} (on the class
     * loader that loaded the driver, then the thread's context class loader), loaded once. A provider that fails
     * is skipped and logged as a warning.
     *
     * @return the registry every connection starts from
     */
    public static CodecRegistry installed() {
        return Installed.REGISTRY;
    }

    /** Loads the providers on first use. */
    private static final class Installed {
        static final CodecRegistry REGISTRY = load();

        private static CodecRegistry load() {
            Builder builder = builder(BUILTINS);
            Set<Class<?>> seen = new HashSet<>();
            ClassLoader[] loaders = {CodecRegistry.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()};
            for (ClassLoader loader : loaders) {
                if (loader == null) {
                    continue;
                }
                try {
                    for (CodecProvider provider : ServiceLoader.load(CodecProvider.class, loader)) {
                        if (!seen.add(provider.getClass())) {
                            continue;
                        }
                        apply(builder, provider);
                    }
                } catch (ServiceConfigurationError e) {
                    LOG.log(System.Logger.Level.WARNING, "a CodecProvider could not be loaded; its codecs are not"
                            + " installed", e);
                }
            }
            return builder.build();
        }
    }

    /**
     * Lets a provider register into a builder; a provider that throws leaves the builder as it was.
     *
     * @param builder the builder
     * @param provider the provider
     */
    static void apply(Builder builder, CodecProvider provider) {
        Builder attempt = new Builder(builder.byOid.clone(), new HashMap<>(builder.dynamic),
                new HashMap<>(builder.byName));
        try {
            provider.registerCodecs(attempt.registrar());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the CodecProvider " + provider.getClass().getName()
                    + " failed; its codecs are not installed", e);
            return;
        }
        System.arraycopy(attempt.byOid, 0, builder.byOid, 0, ARRAY_LIMIT);
        builder.dynamic.clear();
        builder.dynamic.putAll(attempt.dynamic);
        builder.byName.clear();
        builder.byName.putAll(attempt.byName);
    }

    /**
     * A builder that starts from the codecs of {@code base} (which is not changed).
     *
     * @param base the registry to extend, e.g. {@link #builtins()}
     * @return a builder
     */
    public static Builder builder(CodecRegistry base) {
        return new Builder(Arrays.copyOf(base.byOid, ARRAY_LIMIT), new HashMap<>(base.dynamic),
                new HashMap<>(base.byName));
    }

    /**
     * The codec registered for a type, or null when there is none (unlike {@link #decoderFor(int)}): tells the
     * type system which OIDs still need introspection.
     *
     * @param oid the type OID
     * @return the codec, or null
     */
    public Codec<?> find(int oid) {
        if (oid >= 0 && oid < ARRAY_LIMIT) {
            return byOid[oid];
        }
        return dynamic.get(oid);
    }

    /**
     * The codec registered for a type by name (extension types such as {@code hstore}, and provider types),
     * applied when introspection finds a base type of that name.
     *
     * @param schema the type's schema
     * @param typeName the type's name
     * @return the codec registered for {@code schema.typeName}, else for {@code typeName} in any schema, else null
     */
    public Codec<?> findByName(String schema, String typeName) {
        Codec<?> codec = byName.get(schema + "." + typeName);
        return codec != null ? codec : byName.get(typeName);
    }

    /**
     * The name of a type, when a codec is registered for it.
     *
     * @param oid the type OID
     * @return the type name, or null
     */
    public String typeName(int oid) {
        Codec<?> codec = find(oid);
        return codec == null ? null : codec.typeName();
    }

    /**
     * The codec that decodes values of a type: the registered one, or the text fallback, which decodes the text
     * format to {@code String} and supports no binary.
     *
     * @param oid the type OID
     * @return the codec, never null
     */
    public Codec<?> decoderFor(int oid) {
        Codec<?> codec = find(oid);
        return codec != null ? codec : TextCodecs.FALLBACK;
    }

    /**
     * The format to request for result columns of a type: binary when its codec supports it, text otherwise
     * (including every type without a codec).
     *
     * @param oid the type OID
     * @return the format
     */
    public Format resultFormat(int oid) {
        return resultFormat(find(oid));
    }

    static Format resultFormat(Codec<?> codec) {
        return codec != null && codec.supportsBinary() ? Format.BINARY : Format.TEXT;
    }

    /**
     * The codec that encodes a parameter value for a parameter of a type, or null when nothing fits:
     * <ul>
     *   <li>the type's codec when it {@linkplain Codec#canEncode accepts} the value's class (every built-in codec
     *       accepts {@code String});</li>
     *   <li>for a {@code String} that the type's codec does not accept (a custom codec), the text fallback: the
     *       string goes in text and the server parses it;</li>
     *   <li>for a type without a codec (a user enum, domain or extension type not introspected yet), the text
     *       fallback when the value is a {@code String}, {@link Number}, {@link Boolean}, {@link java.util.UUID}
     *       or {@link Enum} (sent by name): their text forms are what PostgreSQL parses;</li>
     *   <li>null otherwise.</li>
     * </ul>
     *
     * @param oid the parameter's type OID, as the server inferred it
     * @param value the non-null value
     * @return the codec, or null
     */
    public Codec<?> encoderFor(int oid, Object value) {
        return encoderFor(find(oid), value);
    }

    static Codec<?> encoderFor(Codec<?> codec, Object value) {
        Class<?> type = value.getClass();
        if (codec != null) {
            if (codec.canEncode(type)) {
                return codec;
            }
            return type == String.class ? TextCodecs.FALLBACK : null;
        }
        return TextCodecs.FALLBACK.canEncode(type) ? TextCodecs.FALLBACK : null;
    }

    /**
     * The format a parameter value is sent in with the codec {@link #encoderFor} chose: {@link Format#TEXT} when
     * the codec has no binary form, when the value is a {@code String} and the codec's Java type is not
     * {@code String} (the string is a literal for the server to parse), or when a container (array, range,
     * record) holds such strings; {@link Format#BINARY} otherwise.
     *
     * @param codec the codec returned by {@link #encoderFor}
     * @param value the non-null value
     * @return the format to declare in Bind and to pass to {@link Codec#encode}
     */
    public Format parameterFormat(Codec<?> codec, Object value) {
        return parameterFormatOf(codec, value);
    }

    static Format parameterFormatOf(Codec<?> codec, Object value) {
        if (!codec.supportsBinary()) {
            return Format.TEXT;
        }
        if (value instanceof String && codec.javaType() != String.class) {
            return Format.TEXT;
        }
        if (codec instanceof FormatChooser chooser) {
            try {
                return chooser.formatFor(value);
            } catch (RuntimeException e) {
                return Format.BINARY; // the value does not fit: encode() reports why
            }
        }
        return Format.BINARY;
    }

    /** Builds a registry: the codecs of a base registry plus registered ones (a later registration wins). */
    public static final class Builder {
        private final Codec<?>[] byOid;
        private final Map<Integer, Codec<?>> dynamic;
        private final Map<String, Codec<?>> byName;

        private Builder(Codec<?>[] byOid, Map<Integer, Codec<?>> dynamic, Map<String, Codec<?>> byName) {
            this.byOid = byOid;
            this.dynamic = dynamic;
            this.byName = byName;
        }

        /**
         * Registers the codec for a type OID, replacing any codec registered for it. For a built-in element type
         * with an array type, the array type gets a codec derived from the new one.
         *
         * @param oid the type OID (a built-in one or one found by introspection)
         * @param codec the codec
         * @return this builder
         */
        public Builder register(int oid, Codec<?> codec) {
            if (oid == PgOids.UNSPECIFIED) {
                throw new IllegalArgumentException("OID 0 means \"no type\" and cannot have a codec");
            }
            if (codec == null) {
                throw new NullPointerException("codec");
            }
            put(oid, codec);
            int array = arrayOf(oid);
            if (array != 0 && BUILTINS != null) {
                put(array, new ArrayCodec(array, "_" + codec.typeName(), oid, codec, oid == PgOids.BOX ? ';' : ','));
            }
            return this;
        }

        private void put(int oid, Codec<?> codec) {
            if (oid > 0 && oid < ARRAY_LIMIT) {
                byOid[oid] = codec;
            } else {
                dynamic.put(oid, codec);
            }
        }

        /**
         * Registers a codec for a type known by name, bound to its OID when introspection finds a base type of
         * that name.
         *
         * @param schema the schema, or null for the name in any schema
         * @param typeName the type name as in {@code pg_type.typname}
         * @param codec the codec
         * @return this builder
         */
        public Builder registerByName(String schema, String typeName, Codec<?> codec) {
            if (typeName == null || typeName.isEmpty() || codec == null) {
                throw new IllegalArgumentException("a type name and a codec are required");
            }
            byName.put(schema == null ? typeName : schema + "." + typeName, codec);
            return this;
        }

        CodecRegistrar registrar() {
            return new CodecRegistrar() {
                @Override
                public CodecRegistrar register(int oid, Codec<?> codec) {
                    if (oid <= 0 || oid >= ARRAY_LIMIT) {
                        throw new IllegalArgumentException("register(oid, codec) is for built-in types (OID 1 to "
                                + (ARRAY_LIMIT - 1) + "); register other types by name");
                    }
                    Builder.this.register(oid, codec);
                    return this;
                }

                @Override
                public CodecRegistrar registerType(String schema, String typeName, Codec<?> codec) {
                    registerByName(schema, typeName, codec);
                    return this;
                }
            };
        }

        /**
         * The registry; the builder may be used again afterwards without affecting it.
         *
         * @return an immutable registry
         */
        public CodecRegistry build() {
            return new CodecRegistry(byOid.clone(), Map.copyOf(dynamic), Map.copyOf(byName));
        }
    }
}
