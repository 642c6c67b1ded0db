package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.Row;
import io.pgasync.codec.PgJsonMapper;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code Row.get(i, Class)} for arrays (into Java arrays) and JSON (into the caller's class, with a mapper). */
@PgTest
class TypedReadsIT {

    @Test
    void arraysReadAsJavaArrays(PgTestServer server) {
        PgConnection conn = TestSupport.connect(server);
        try {
            Row row = await(conn.fetchRow("SELECT ARRAY[1, 2, 3] AS a, ARRAY[[1, 2], [3, NULL]] AS b,"
                    + " ARRAY['x', NULL] AS c, ARRAY[1, 2]::int8[] AS d"));
            assertThat(row.get("a", int[].class)).containsExactly(1, 2, 3);
            assertThat(row.get("a", long[].class)).containsExactly(1L, 2L, 3L);
            assertThat(row.get("b", Integer[][].class)).isDeepEqualTo(new Integer[][] {{1, 2}, {3, null}});
            assertThat(row.get("c", String[].class)).containsExactly("x", null);
            assertThat(row.get("d", int[].class)).containsExactly(1, 2);
            assertThatThrownBy(() -> row.get("b", int[][].class)).isInstanceOf(ClassCastException.class)
                    .hasMessageContaining("NULL").hasMessageContaining("Integer[]");
        } finally {
            TestSupport.close(conn);
        }
    }

    record Point(int x, int y) {}

    /** A tiny mapper for the test: generic values are the JSON text; Point is parsed. */
    static final class TestMapper implements PgJsonMapper {
        private static final Pattern POINT = Pattern.compile("\\{\"x\": ?(-?\\d+), ?\"y\": ?(-?\\d+)\\}");

        @Override
        @SuppressWarnings("unchecked")
        public <T> T read(String json, Class<T> type) {
            if (type == Point.class) {
                Matcher m = POINT.matcher(json);
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a point: " + json);
                }
                return (T) new Point(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            return (T) new StringBuilder(json); // a generic JSON value, distinct from String
        }

        @Override
        public String write(Object value) {
            if (value instanceof Point p) {
                return "{\"x\": " + p.x() + ", \"y\": " + p.y() + "}";
            }
            return value.toString();
        }
    }

    @Test
    void jsonColumnsReadAsTheCallersClassThroughTheMapper(PgTestServer server) {
        PgConnection conn = await(PgConnection.connect(PgConnectOptions.builder()
                .dsn(TestSupport.dsn(server, server.mainRole(), "")).jsonMapper(new TestMapper()).build()));
        try {
            Row row = await(conn.fetchRow("SELECT $1::jsonb AS p", new Point(3, -4)));
            assertThat(row.get("p", Point.class)).isEqualTo(new Point(3, -4));
            assertThat(row.get("p")).isInstanceOf(StringBuilder.class);
        } finally {
            TestSupport.close(conn);
        }
    }
}
