package io.pgasync.spring.boot.autoconfigure.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgPool;
import io.pgasync.Row;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PgTest
class PgJsonIT {

    record Order(String customer, List<String> items, int total) {
    }

    @Test
    void writesAndReadsJsonbAndJsonColumns(PgTestServer server) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class,
                        JacksonAutoConfiguration.class, PgAsyncJacksonAutoConfiguration.class))
                .withPropertyValues("pgasync.url=" + server.url(server.mainRole()) + "?sslmode=disable",
                        "pgasync.pool.min-size=0", "pgasync.pool.max-size=1")
                .run(context -> {
                    PgJson json = context.getBean(PgJson.class);
                    assertThat(json.getMapper()).isSameAs(context.getBean(JsonMapper.class));
                    PgPool pool = context.getBean(PgPool.class);
                    Order order = new Order("alice", List.of("pen", "ink"), 7);
                    List<Row> rows = pool.withConnection(c -> c.execute(
                            "CREATE TEMP TABLE orders_json (id int, doc jsonb, raw json)")
                            .thenCompose(s -> c.execute("INSERT INTO orders_json VALUES ($1, $2, $3)", 1,
                                    json.write(order), json.write(List.of(1, 2))))
                            .thenCompose(s -> c.fetch("SELECT * FROM orders_json"))
                            .thenCompose(r -> c.execute("DROP TABLE orders_json").thenApply(s -> r))).join();
                    Row row = rows.get(0);
                    assertThat(json.read(row, "doc", Order.class)).isEqualTo(order);
                    JsonNode tree = json.readTree(row, "raw");
                    assertThat(tree.isArray()).isTrue();
                    assertThat(tree.get(1).asInt()).isEqualTo(2);
                    Order viaMapper = pool.fetchRow(json.rowMapper("doc", Order.class),
                            "SELECT $1::jsonb AS doc", json.write(order)).join();
                    assertThat(viaMapper).isEqualTo(order);
                    assertThat(pool.fetchRow(json.rowMapper("doc", Order.class), "SELECT NULL::jsonb AS doc")
                            .join()).isNull();
                    assertThat(pool.fetchVal("SELECT $1::jsonb ->> 'customer'", String.class, json.write(order))
                            .join()).isEqualTo("alice");
                });
    }

    @Test
    void jsonColumnsReadAsJsonNodeOrMappedObjectsThroughTheDriversHook(PgTestServer server) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class,
                        JacksonAutoConfiguration.class, PgAsyncJacksonAutoConfiguration.class))
                .withPropertyValues("pgasync.url=" + server.url(server.mainRole()) + "?sslmode=disable",
                        "pgasync.pool.min-size=0", "pgasync.pool.max-size=1")
                .run(context -> {
                    PgPool pool = context.getBean(PgPool.class);
                    Order order = new Order("bob", List.of("cup"), 3);
                    Row row = pool.fetchRow("SELECT $1::jsonb AS doc, '[1,2]'::json AS raw", order).join();
                    assertThat(row.get("doc")).isInstanceOf(JsonNode.class);
                    assertThat(row.get("doc", Order.class)).isEqualTo(order);
                    assertThat(((JsonNode) row.get("raw")).get(0).asInt()).isEqualTo(1);
                    assertThat(row.getString("raw")).isEqualTo("[1,2]");
                });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class,
                        JacksonAutoConfiguration.class, PgAsyncJacksonAutoConfiguration.class))
                .withPropertyValues("pgasync.url=" + server.url(server.mainRole()) + "?sslmode=disable",
                        "pgasync.pool.min-size=0", "pgasync.json.jackson=false")
                .run(context -> assertThat(context.getBean(PgPool.class).fetchVal("SELECT '{}'::jsonb").join())
                        .isEqualTo("{}"));
    }

    @Test
    void absentWithoutJackson() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class,
                        PgAsyncJacksonAutoConfiguration.class))
                .withPropertyValues("pgasync.host=localhost", "pgasync.pool.min-size=0")
                .withClassLoader(new FilteredClassLoader(JsonMapper.class))
                .run(context -> assertThat(context).hasSingleBean(PgPool.class).doesNotHaveBean(PgJson.class));
    }
}
