package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecContext;
import io.pgasync.codec.Format;
import io.pgasync.codec.PgJsonMapper;

/**
 * The {@code json} and {@code jsonb} codecs used when a {@link PgJsonMapper} is configured: results decode to
 * {@code mapper.read(text, Object.class)}; a {@code String} parameter is JSON text sent as it is (in text format),
 * any other object is sent as {@code mapper.write(value)}. Without a mapper, {@link TextCodecs#JSON} and
 * {@link TextCodecs#JSONB} map JSON to and from {@code String}.
 */
final class JsonCodecs {

    private JsonCodecs() {}

    /** The json codec with a mapper. */
    static Codec<Object> json(PgJsonMapper mapper) {
        return new MappedJsonCodec(PgOids.JSON, "json", false, mapper);
    }

    /** The jsonb codec with a mapper. */
    static Codec<Object> jsonb(PgJsonMapper mapper) {
        return new MappedJsonCodec(PgOids.JSONB, "jsonb", true, mapper);
    }

    /** json or jsonb through a mapper. */
    static final class MappedJsonCodec extends BaseCodec<Object> {
        private final boolean jsonb;
        private final PgJsonMapper mapper;

        MappedJsonCodec(int oid, String typeName, boolean jsonb, PgJsonMapper mapper) {
            super(oid, typeName, Object.class);
            this.jsonb = jsonb;
            this.mapper = mapper;
        }

        @Override
        boolean accepts(Class<?> type) {
            return true;
        }

        private String write(Object value) {
            String json;
            try {
                json = mapper.write(value);
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the JSON mapper could not write a " + value.getClass().getName()
                        + ": " + e, e);
            }
            if (json == null) {
                throw new IllegalArgumentException("the JSON mapper wrote null for a " + value.getClass().getName());
            }
            CodecSupport.checkSurrogates(json);
            return json;
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            String json = write(value);
            if (jsonb) {
                out.writeByte(TextCodecs.JsonbCodec.VERSION);
            }
            ByteBufUtil.writeUtf8(out, json);
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            ByteBufUtil.writeUtf8(out, write(value));
        }

        private Object read(String json) {
            try {
                return mapper.read(json, Object.class);
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the JSON mapper could not read the " + typeName() + " value: "
                        + e, e);
            }
        }

        @Override
        Object decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            int skip = 0;
            if (jsonb) {
                if (length < 1 || in.getByte(index) != TextCodecs.JsonbCodec.VERSION) {
                    throw CodecSupport.invalidBinary(typeName(), length, "missing or unsupported version byte");
                }
                skip = 1;
            }
            return read(CodecSupport.decodeUtf8(in, index + skip, length - skip, typeName(), Format.BINARY));
        }

        @Override
        Object decodeText(ByteBuf in, int index, int length, CodecContext context) {
            return read(CodecSupport.decodeUtf8(in, index, length, typeName(), Format.TEXT));
        }
    }
}
