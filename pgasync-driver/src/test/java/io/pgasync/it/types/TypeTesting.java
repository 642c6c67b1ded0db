package io.pgasync.it.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgasync.PgConnection;
import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;
import io.pgasync.internal.codec.DefaultCodecContext;
import io.pgasync.internal.codec.CodecRegistry;
import io.pgasync.internal.codec.SessionCodecs;
import io.pgasync.internal.protocol.PgConnectionImpl;
import io.pgasync.testing.PgTestServer;
import io.pgasync.types.PgArray;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Round trips of values through the server, in both formats:
 * <ol>
 *   <li>binary: the value as a parameter (binary when its codec has a binary form), {@code SELECT $1::type}, the
 *       result decoded from binary;</li>
 *   <li>our text encoder against the server's parser: the value encoded by our codec in text, sent as
 *       {@code text} and cast, {@code SELECT $1::text::type};</li>
 *   <li>our text decoder against the server's output: {@code SELECT format('%s', $1::type)}, decoded by our
 *       codec from text.</li>
 * </ol>
 */
final class TypeTesting {

    static final Duration WAIT = Duration.ofSeconds(30);

    private TypeTesting() {}

    static PgConnection connect(PgTestServer server) {
        return await(PgConnection.connect(server.url(server.mainRole()) + "?sslmode=disable"));
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The failure of a future that must fail (bounded wait). */
    static Throwable failure(CompletableFuture<?> future) {
        try {
            future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the future succeeded but was expected to fail");
    }

    /** The connection's codecs (internal; read by reflection so the engine needs no test hook). */
    static SessionCodecs codecs(PgConnection conn) {
        try {
            Field f = PgConnectionImpl.class.getDeclaredField("codecs");
            f.setAccessible(true);
            return (SessionCodecs) f.get(conn);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static int oidOf(PgConnection conn, String type) {
        Long oid = (Long) await(conn.fetchVal("SELECT $1::text::regtype::oid", type));
        return (int) (long) oid;
    }

    /** The three round trips of {@code value}, each expected to give {@code expected}. */
    static void roundTrip(PgConnection conn, String type, Object value, Object expected) {
        Object binary = await(conn.fetchVal("SELECT $1::" + type, value));
        assertSame(type + " binary round trip of " + show(value), expected, binary);

        int oid = oidOf(conn, type);
        Codec<?> codec = codecs(conn).decoderFor(oid);
        String ourText = encodeText(conn, codec, value);
        Object parsed = await(conn.fetchVal("SELECT $1::text::" + type, ourText));
        assertSame(type + " server parse of our text '" + ourText + "'", expected, parsed);

        // format('%s') renders with the type's output function (a ::text cast may not: bool, inet, bpchar)
        String serverText = (String) await(conn.fetchVal("SELECT pg_catalog.format('%s', $1::" + type + ")", value));
        Object decoded = decodeText(conn, codec, serverText);
        assertSame(type + " our decode of the server's text '" + serverText + "'", expected, decoded);
    }

    static void roundTrip(PgConnection conn, String type, Object value) {
        roundTrip(conn, type, value, value);
    }

    static String encodeText(PgConnection conn, Codec<?> codec, Object value) {
        ByteBuf out = Unpooled.buffer();
        try {
            codec.encode(value, Format.TEXT, out, context(conn));
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }

    static Object decodeText(PgConnection conn, Codec<?> codec, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            return codec.decode(in, bytes.length, Format.TEXT, context(conn));
        } finally {
            in.release();
        }
    }

    static io.pgasync.codec.CodecContext context(PgConnection conn) {
        SessionCodecs codecs = codecs(conn);
        DefaultCodecContext base = new DefaultCodecContext(CodecRegistry.installed(), ZoneOffset.UTC);
        return new io.pgasync.codec.CodecContext() {
            @Override
            public Codec<?> codecFor(int oid) {
                return codecs.decoderFor(oid);
            }

            @Override
            public java.nio.charset.Charset charset() {
                return base.charset();
            }

            @Override
            public java.time.ZoneId sessionTimeZone() {
                return DefaultCodecContext.parseServerTimeZone(conn.getSettings().get("TimeZone"));
            }
        };
    }

    static void assertSame(String what, Object expected, Object actual) {
        if (!deepEquals(expected, actual)) {
            throw new AssertionError(what + ": expected " + show(expected) + " but got " + show(actual));
        }
    }

    /** Equality that looks into arrays (and array bounds), byte arrays and numbers' scale. */
    static boolean deepEquals(Object a, Object b) {
        if (a instanceof PgArray<?> x && b instanceof PgArray<?> y) {
            if (x.size() != y.size() || (x.size() > 0 && x.lowerBound() != y.lowerBound())) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.equals(y);
        }
        return Objects.equals(a, b);
    }

    static String show(Object value) {
        if (value instanceof byte[] bytes) {
            return Arrays.toString(bytes);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString() + " (scale " + d.scale() + ")";
        }
        return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    }

    static void assertNullRoundTrips(PgConnection conn, String type) {
        assertThat(await(conn.fetchVal("SELECT $1::" + type, (Object) null))).isNull();
    }
}
