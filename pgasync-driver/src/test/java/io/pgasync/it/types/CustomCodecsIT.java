package io.pgasync.it.types;

import static io.pgasync.it.types.TypeTesting.await;
import static io.pgasync.it.types.TypeTesting.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.codec.PgCodecFormat;
import io.pgasync.codec.PgJsonMapper;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgParameterException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import io.pgasync.types.PgArray;
import io.pgasync.types.PgRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** setTypeCodec in every format, setBuiltinTypeCodec, resetTypeCodec, a CodecProvider and the JSON mapper. */
@PgTest
class CustomCodecsIT {

    enum Color { RED, GREEN }

    private PgTestServer server;
    private PgConnection conn;

    @BeforeEach
    void connect(PgTestServer server) {
        this.server = server;
        conn = TypeTesting.connect(server);
        await(conn.execute("DROP TABLE IF EXISTS cc_table; DROP TYPE IF EXISTS cc_complex, cc_color, cc_provided"
                + " CASCADE; CREATE TYPE cc_complex AS (re float8, im float8);"
                + " CREATE TYPE cc_color AS ENUM ('red', 'green');"
                + " CREATE TYPE cc_provided AS (re float8, im float8)"));
    }

    @AfterEach
    void close() {
        if (conn != null) {
            await(conn.close());
        }
    }

    @Test
    void aCodecInstanceReplacesTheDefaultAndCoversTheArrayType() {
        assertThat(await(conn.fetchVal("SELECT ROW(1, 2)::cc_complex"))).isInstanceOf(PgRecord.class);
        await(conn.setTypeCodec("cc_complex", "public", new ComplexCodec("cc_complex")));
        assertThat(await(conn.fetchVal("SELECT ROW(1, 2)::cc_complex"))).isEqualTo(new Complex(1, 2));
        assertThat(await(conn.fetchVal("SELECT $1::cc_complex", new Complex(3, -4)))).isEqualTo(new Complex(3, -4));
        assertThat(await(conn.fetchVal("SELECT $1::cc_complex[]", List.of(new Complex(1, 1)))))
                .isEqualTo(List.of(new Complex(1, 1)));
        await(conn.resetTypeCodec("cc_complex", "public"));
        assertThat(await(conn.fetchVal("SELECT ROW(1, 2)::cc_complex"))).isInstanceOf(PgRecord.class);
    }

    @Test
    void textFormatFunctions() {
        await(conn.setTypeCodec("cc_complex", null, Complex.class, c -> "(" + c.re() + "," + c.im() + ")", text -> {
            String s = (String) text;
            String[] parts = s.substring(1, s.length() - 1).split(",");
            return new Complex(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        }, PgCodecFormat.TEXT));
        assertThat(await(conn.fetchVal("SELECT $1::cc_complex", new Complex(1.5, 2)))).isEqualTo(new Complex(1.5, 2));
    }

    @Test
    void binaryFormatFunctionsForAnEnumToAJavaEnum() {
        await(conn.setTypeCodec("cc_color", "public", Color.class,
                c -> c.name().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                bytes -> Color.valueOf(new String((byte[]) bytes, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT)),
                PgCodecFormat.BINARY));
        assertThat(await(conn.fetchVal("SELECT 'green'::cc_color"))).isEqualTo(Color.GREEN);
        assertThat(await(conn.fetchVal("SELECT $1::cc_color", Color.RED))).isEqualTo(Color.RED);
        assertThat(await(conn.fetchVal("SELECT ARRAY['red', 'green']::cc_color[]")))
                .isEqualTo(List.of(Color.RED, Color.GREEN));
    }

    @Test
    void tupleFormatWrapsTheDefaultCodec() {
        await(conn.setTypeCodec("cc_complex", "public", Complex.class, c -> List.of(c.re(), c.im()),
                r -> new Complex((Double) ((PgRecord) r).get(0), (Double) ((PgRecord) r).get(1)),
                PgCodecFormat.TUPLE));
        assertThat(await(conn.fetchVal("SELECT $1::cc_complex", new Complex(5, 6)))).isEqualTo(new Complex(5, 6));
        assertThat(await(conn.fetchVal("SELECT ARRAY[ROW(1, 2)::cc_complex]"))).isEqualTo(List.of(new Complex(1, 2)));
    }

    @Test
    void aFailingEncoderIsAParameterError() {
        await(conn.setTypeCodec("cc_complex", "public", Complex.class, c -> {
            throw new IllegalStateException("boom");
        }, r -> null, PgCodecFormat.TUPLE));
        Throwable error = failure(conn.fetchVal("SELECT $1::cc_complex", new Complex(1, 1)));
        assertThat(error).isInstanceOf(PgParameterException.class).hasMessageContaining("$1").hasMessageContaining("boom");
    }

    @Test
    void setBuiltinTypeCodecExchangesATypeWithABuiltInCodec() {
        await(conn.setTypeCodec("cc_color", "public", Color.class, c -> c.name().toLowerCase(Locale.ROOT),
                s -> Color.valueOf(((String) s).toUpperCase(Locale.ROOT)), PgCodecFormat.TEXT));
        assertThat(await(conn.fetchVal("SELECT 'red'::cc_color"))).isEqualTo(Color.RED);
        await(conn.setBuiltinTypeCodec("cc_color", "public", "text"));
        assertThat(await(conn.fetchVal("SELECT 'red'::cc_color"))).isEqualTo("red");
        Throwable error = failure(conn.setBuiltinTypeCodec("cc_color", "public", "no_such_codec"));
        assertThat(error).isInstanceOf(PgClientException.class).hasMessageContaining("no_such_codec");
    }

    @Test
    void anUnknownTypeNameFails() {
        Throwable error = failure(conn.setTypeCodec("cc_nothing", "public", new ComplexCodec("x")));
        assertThat(error).isInstanceOf(PgClientException.class).hasMessageContaining("public.cc_nothing");
        error = failure(conn.resetTypeCodec("cc_nothing", null));
        assertThat(error).isInstanceOf(PgClientException.class).hasMessageContaining("search path");
    }

    @Test
    void aCodecProviderFromTheServiceLoaderCoversEveryConnection() {
        assertThat(await(conn.fetchVal("SELECT ROW(7, 8)::cc_provided"))).isEqualTo(new Complex(7, 8));
        assertThat(await(conn.fetchVal("SELECT $1::cc_provided[]", List.of(new Complex(1, 0)))))
                .isEqualTo(List.of(new Complex(1, 0)));
    }

    @Test
    void typesWithoutABinaryCodecDecodeFromText() {
        await(conn.execute("CREATE TABLE cc_table (a int DEFAULT 42)"));
        Object expression = await(conn.fetchVal("SELECT adbin FROM pg_attrdef WHERE adrelid = 'cc_table'::regclass"));
        assertThat(expression).isInstanceOf(String.class);
        assertThat((String) expression).contains("CONST");
    }

    /** A toy JSON mapper: enough to see the hook used both ways. */
    record Json(String text) {}

    static final class ToyMapper implements PgJsonMapper {
        @Override
        public <T> T read(String json, Class<T> type) {
            return type.cast(new Json(json.replace(" ", "")));
        }

        @Override
        public String write(Object value) {
            if (value instanceof List<?> list) {
                StringBuilder sb = new StringBuilder("[");
                for (Object o : list) {
                    sb.append(sb.length() > 1 ? "," : "").append(o);
                }
                return sb.append(']').toString();
            }
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName());
        }
    }

    @Test
    void theJsonMapperReadsAndWritesJson() {
        PgConnectOptions options = PgConnectOptions.builder()
                .dsn(server.url(server.mainRole()) + "?sslmode=disable").jsonMapper(new ToyMapper()).build();
        PgConnection mapped = await(PgConnection.connect(options));
        try {
            assertThat(await(mapped.fetchVal("SELECT $1::jsonb", List.of(1, 2)))).isEqualTo(new Json("[1,2]"));
            assertThat(await(mapped.fetchVal("SELECT $1::json", List.of(3)))).isEqualTo(new Json("[3]"));
            assertThat(await(mapped.fetchVal("SELECT $1::jsonb", "{\"a\": 1}"))).isEqualTo(new Json("{\"a\":1}"));
            assertThat(await(mapped.fetchVal("SELECT ARRAY['[1]'::jsonb, NULL]")))
                    .isEqualTo(PgArray.of(new Json("[1]"), null));
            Throwable error = failure(mapped.fetchVal("SELECT $1::jsonb", new Object()));
            assertThat(error).isInstanceOf(PgParameterException.class).hasMessageContaining("cannot write");
        } finally {
            await(mapped.close());
        }
        // without a mapper JSON is a String, and a non-string parameter is refused with a hint
        assertThat(await(conn.fetchVal("SELECT '[1, 2]'::jsonb"))).isEqualTo("[1, 2]");
        Throwable error = failure(conn.fetchVal("SELECT $1::jsonb", List.of(1)));
        assertThat(error).isInstanceOf(PgParameterException.class).hasMessageContaining("jsonb");
    }
}
