package io.pgasync.spring.boot.autoconfigure.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.PgConnection;
import io.pgasync.PgPool;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import io.pgasync.spring.boot.autoconfigure.PgAsyncConnectionDetails;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PgAsyncEmbeddedIT {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PgAsyncEmbeddedAutoConfiguration.class,
                    PgAsyncAutoConfiguration.class))
            .withPropertyValues("pgasync.pool.min-size=0");

    @Test
    void startsAnEmbeddedServerWhenNothingIsConfiguredAndStopsItWithTheContext() {
        AtomicReference<String> url = new AtomicReference<>();
        runner.run(context -> {
            assertThat(context).hasSingleBean(PgAsyncEmbeddedServer.class);
            PgPool pool = context.getBean(PgPool.class);
            assertThat(pool.fetchVal("SELECT current_database()", String.class).join()).isEqualTo("postgres");
            pool.execute("CREATE TABLE t (id int)").join();
            url.set(context.getBean(PgAsyncEmbeddedServer.class).getUrl());
        });
        assertThatThrownBy(() -> PgConnection.connect(url.get()).join()).hasMessageContaining("connect");
    }

    @Test
    void neverActiveWhenAConnectionIsConfigured() {
        runner.withPropertyValues("pgasync.url=postgresql://db.example.com/app")
                .run(context -> assertThat(context).doesNotHaveBean(PgAsyncEmbeddedServer.class)
                        .hasSingleBean(PgPool.class));
        runner.withPropertyValues("pgasync.host=db.example.com")
                .run(context -> assertThat(context).doesNotHaveBean(PgAsyncEmbeddedServer.class));
        runner.withBean(PgAsyncConnectionDetails.class, () -> () -> "postgresql://svc/app")
                .run(context -> assertThat(context).doesNotHaveBean(PgAsyncEmbeddedServer.class));
    }

    @Test
    void turnedOffByProperty() {
        runner.withPropertyValues("pgasync.embedded.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(PgAsyncEmbeddedServer.class));
    }

    @Test
    void absentWithoutTheLibrary() {
        runner.withClassLoader(new FilteredClassLoader("io.zonky.test"))
                .run(context -> assertThat(context).doesNotHaveBean(PgAsyncEmbeddedServer.class)
                        .hasSingleBean(PgPool.class));
    }
}
