package io.pgasync.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;
import io.pgasync.types.PgArray;
import io.pgasync.types.PgMultirange;
import io.pgasync.types.PgRange;
import io.pgasync.types.PgRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCodecsTest {

    private static final int MOOD = 16_400;
    private static final int MOOD_ARRAY = 16_399;
    private static final int POSINT = 16_401;
    private static final int THING = 16_402;
    private static final int FLOATRANGE = 16_403;
    private static final int FLOATMULTIRANGE = 16_404;
    private static final int HSTORE = 16_405;
    private static final int LTREE = 16_406;

    private static TypeInfo info(int oid, String name, char kind, int element, int base, int subtype, int range,
            String[] names, int[] oids) {
        return new TypeInfo(oid, name, "public", kind, element, ',', base, subtype, range, names, oids);
    }

    private static List<TypeInfo> catalog() {
        String[] none = new String[0];
        int[] noOids = new int[0];
        return List.of(
                info(MOOD, "mood", 'e', 0, 0, 0, 0, none, noOids),
                info(MOOD_ARRAY, "_mood", 'b', MOOD, 0, 0, 0, none, noOids),
                info(POSINT, "posint", 'd', 0, PgOids.INT4, 0, 0, none, noOids),
                info(THING, "thing", 'c', 0, 0, 0, 0, new String[] {"m", "p", "tags"},
                        new int[] {MOOD, POSINT, PgOids.TEXT_ARRAY}),
                info(FLOATRANGE, "floatrange", 'r', 0, 0, PgOids.FLOAT8, 0, none, noOids),
                info(FLOATMULTIRANGE, "floatmultirange", 'm', 0, 0, 0, FLOATRANGE, none, noOids),
                info(HSTORE, "hstore", 'b', 0, 0, 0, 0, none, noOids),
                info(LTREE, "ltree", 'b', 0, 0, 0, 0, none, noOids));
    }

    private static SessionCodecs withCatalog() {
        SessionCodecs codecs = new SessionCodecs(CodecRegistry.builtins(), new TypeCache(), null);
        List<TypeInfo> catalog = catalog();
        int[] requested = new int[catalog.size()];
        for (int i = 0; i < requested.length; i++) {
            requested[i] = catalog.get(i).oid();
        }
        codecs.addTypes(catalog, requested);
        return codecs;
    }

    @Test
    void builtInsComeFirstAndUnknownTypesNeedIntrospection() {
        SessionCodecs codecs = new SessionCodecs(CodecRegistry.builtins(), new TypeCache(), null);
        assertThat(codecs.find(PgOids.INT4)).isSameAs(NumericCodecs.INT4);
        assertThat(codecs.find(MOOD)).isNull();
        assertThat(codecs.decoderFor(MOOD)).isSameAs(TextCodecs.FALLBACK);
        assertThat(codecs.resultFormat(MOOD)).isEqualTo(Format.TEXT);
        assertThat(codecs.unknownTypes(new int[] {PgOids.INT4, MOOD, 0}, new int[] {THING, MOOD}))
                .containsExactly(MOOD, THING);
        assertThat(codecs.unknownTypes(new int[] {PgOids.TEXT}, null)).isNull();
    }

    @Test
    void introspectedTypesBecomeCodecs() {
        SessionCodecs codecs = withCatalog();
        assertThat(codecs.unknownTypes(new int[] {MOOD, THING, LTREE}, null)).isNull();
        assertThat(codecs.find(MOOD)).isInstanceOf(ExtensionCodecs.EnumCodec.class);
        assertThat(codecs.find(MOOD_ARRAY)).isInstanceOf(ArrayCodec.class);
        assertThat(codecs.find(POSINT)).isSameAs(NumericCodecs.INT4);
        assertThat(codecs.typeName(POSINT)).isEqualTo("posint");
        assertThat(codecs.find(FLOATRANGE).javaType()).isEqualTo(PgRange.class);
        assertThat(codecs.find(FLOATMULTIRANGE).javaType()).isEqualTo(PgMultirange.class);
        assertThat(codecs.find(HSTORE)).isSameAs(ExtensionCodecs.HSTORE);
        assertThat(codecs.find(LTREE).supportsBinary()).isFalse();
        assertThat(codecs.typeName(LTREE)).isEqualTo("ltree");
        Codec<?> thing = codecs.find(THING);
        assertThat(thing).isInstanceOf(RecordCodecs.CompositeCodec.class);
        PgRecord value = PgRecord.of(List.of("m", "p", "tags"), List.of("happy", 5, PgArray.of("a")));
        assertThat(CodecTesting.roundTrip(thing, value, Format.BINARY)).isEqualTo(value);
        assertThat(codecs.find(THING)).as("built once, then kept").isSameAs(thing);
    }

    @Test
    void typesLookedForInVainAreNotLookedForAgain() {
        SessionCodecs codecs = new SessionCodecs(CodecRegistry.builtins(), new TypeCache(), null);
        codecs.addTypes(List.of(), new int[] {77_777});
        assertThat(codecs.unknownTypes(new int[] {77_777}, null)).isNull();
        assertThat(codecs.decoderFor(77_777)).isSameAs(TextCodecs.FALLBACK);
    }

    @Test
    void aSharedCacheServesAnotherConnectionAndReloadForgetsForBoth() {
        TypeCache shared = new TypeCache();
        SessionCodecs first = new SessionCodecs(CodecRegistry.builtins(), shared, null);
        SessionCodecs second = new SessionCodecs(CodecRegistry.builtins(), shared, null);
        first.addTypes(catalog(), new int[] {MOOD});
        assertThat(second.find(MOOD)).isInstanceOf(ExtensionCodecs.EnumCodec.class);
        int version = second.version();
        first.reload();
        assertThat(second.find(MOOD)).isNull();
        assertThat(second.version()).isNotEqualTo(version);
        assertThat(shared.size()).isZero();
    }

    @Test
    void customCodecsOverrideAndResetRestoresTheDefault() {
        SessionCodecs codecs = withCatalog();
        Codec<?> original = codecs.find(MOOD);
        int version = codecs.version();
        ExtensionCodecs.EnumCodec custom = new ExtensionCodecs.EnumCodec(MOOD, "custom");
        codecs.setCodec(MOOD, MOOD_ARRAY, custom);
        assertThat(codecs.version()).isNotEqualTo(version);
        assertThat(codecs.find(MOOD)).isSameAs(custom);
        assertThat(((ArrayCodec) codecs.find(MOOD_ARRAY)).element()).isSameAs(custom);
        // composites built before the change are rebuilt with the new attribute codec
        RecordCodecs.CompositeCodec thing = (RecordCodecs.CompositeCodec) codecs.find(THING);
        assertThat(thing.toString()).contains("thing");
        assertThat(codecs.defaultCodec(MOOD)).isInstanceOf(ExtensionCodecs.EnumCodec.class).isNotSameAs(custom);
        codecs.resetCodec(MOOD, MOOD_ARRAY);
        assertThat(codecs.find(MOOD)).isNotSameAs(custom).isInstanceOf(original.getClass());
        assertThat(((ArrayCodec) codecs.find(MOOD_ARRAY)).element()).isNotSameAs(custom);
    }

    @Test
    void aJsonMapperReplacesJsonAndJsonbAndTheirArrays() {
        SessionCodecs codecs = new SessionCodecs(CodecRegistry.builtins(), new TypeCache(),
                new ExtensionAndJsonCodecsTest.ListMapper());
        assertThat(codecs.find(PgOids.JSONB).javaType()).isEqualTo(Object.class);
        assertThat(codecs.find(PgOids.JSON).javaType()).isEqualTo(Object.class);
        assertThat(((ArrayCodec) codecs.find(PgOids.JSONB_ARRAY)).element()).isSameAs(codecs.find(PgOids.JSONB));
        codecs.setCodec(PgOids.JSONB, PgOids.JSONB_ARRAY, TextCodecs.JSONB);
        codecs.resetCodec(PgOids.JSONB, PgOids.JSONB_ARRAY);
        assertThat(codecs.find(PgOids.JSONB).javaType()).as("reset goes back to the mapper").isEqualTo(Object.class);
    }

    @Test
    void builtinCodecsAreFoundByName() {
        SessionCodecs codecs = new SessionCodecs(CodecRegistry.builtins(), new TypeCache(), null);
        assertThat(codecs.builtinCodecNamed("int4")).isSameAs(NumericCodecs.INT4);
        assertThat(codecs.builtinCodecNamed("hstore")).isSameAs(ExtensionCodecs.HSTORE);
        assertThat(codecs.builtinCodecNamed("citext")).isSameAs(TextCodecs.CITEXT);
        assertThat(codecs.builtinCodecNamed("nothing")).isNull();
    }

    @Test
    void introspectionRowsBecomeTypeInfo() {
        Object[] row = {16_630L, "comp", "public", "c", 0L, ",", 0L, 0L, 0L, PgArray.of("a", "b"),
            PgArray.of(23L, 25L)};
        TypeInfo info = TypeIntrospection.read(row);
        assertThat(info.oid()).isEqualTo(16_630);
        assertThat(info.kind()).isEqualTo('c');
        assertThat(info.attributeNames()).containsExactly("a", "b");
        assertThat(info.attributeOids()).containsExactly(23, 25);
        Object[] bad = row.clone();
        bad[10] = PgArray.of(23L);
        assertThatThrownBy(() -> TypeIntrospection.read(bad)).isInstanceOf(IllegalArgumentException.class);
        bad[10] = null;
        assertThatThrownBy(() -> TypeIntrospection.read(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TypeIntrospection.SQL).contains("$1::pg_catalog.oid[]").doesNotContain("' ||");
        assertThat(TypeIntrospection.columnCodecs()).doesNotContainNull();
        assertThat(TypeIntrospection.parameter(new int[] {-1, 5})).isEqualTo(new Long[] {4_294_967_295L, 5L});
    }

    @Test
    void aProviderRegistersByOidAndByNameAndAFailingOneIsSkipped() {
        CodecRegistry.Builder builder = CodecRegistry.builder(CodecRegistry.builtins());
        CodecRegistry.apply(builder, registrar -> registrar.registerType(null, "ltree", TextCodecs.CITEXT)
                .register(PgOids.PG_NODE_TREE, TextCodecs.TEXT));
        CodecRegistry.apply(builder, registrar -> {
            registrar.register(PgOids.INT4, TextCodecs.TEXT);
            throw new IllegalStateException("broken provider");
        });
        CodecRegistry registry = builder.build();
        assertThat(registry.find(PgOids.PG_NODE_TREE)).isSameAs(TextCodecs.TEXT);
        assertThat(registry.find(PgOids.INT4)).as("the failing provider left nothing").isSameAs(NumericCodecs.INT4);
        SessionCodecs codecs = new SessionCodecs(registry, new TypeCache(), null);
        codecs.addTypes(catalog(), new int[] {LTREE});
        assertThat(codecs.find(LTREE)).isSameAs(TextCodecs.CITEXT);
        assertThatThrownBy(() -> CodecRegistry.builder(registry).registrar().register(70_000, TextCodecs.TEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("by name");
    }
}
