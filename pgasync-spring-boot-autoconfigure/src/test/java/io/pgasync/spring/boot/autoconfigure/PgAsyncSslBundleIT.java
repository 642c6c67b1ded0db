package io.pgasync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgPool;
import io.pgasync.SslMode;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import io.pgasync.testing.RequiresOwnCluster;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@PgTest
@RequiresOwnCluster("TLS files of the harness")
class PgAsyncSslBundleIT {

    private static ApplicationContextRunner runner(PgTestServer server, String caFile) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, PgAsyncAutoConfiguration.class))
                .withPropertyValues("pgasync.url=" + server.url(server.mainRole()), "pgasync.pool.min-size=0",
                        "spring.ssl.bundle.pem.pg.truststore.certificate=file:" + caFile, "pgasync.ssl.bundle=pg");
    }

    @Test
    void connectsOverVerifiedTlsWithASpringSslBundle(PgTestServer server) {
        runner(server, server.caCertificate().toString()).run(context -> {
            PgPool pool = context.getBean(PgPool.class);
            assertThat(pool.getOptions().connectOptions().sslMode()).isEqualTo(SslMode.VERIFY_FULL);
            assertThat(pool.fetchVal("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", Boolean.class)
                    .join()).isTrue();
        });
    }

    @Test
    void aBundleThatDoesNotTrustTheServerFailsToConnect(PgTestServer server) {
        runner(server, server.otherCaCertificate().toString()).withPropertyValues("pgasync.pool.acquire-timeout=1s")
                .run(context -> {
            PgPool pool = context.getBean(PgPool.class);
            Throwable error = pool.fetchVal("SELECT 1").handle((v, e) -> e).join();
            assertThat(error).isNotNull();
            Throwable t = error;
            boolean tls = false;
            while (t != null) {
                tls |= t instanceof javax.net.ssl.SSLException;
                t = t.getCause();
            }
            assertThat(tls).as("an SSLException in the cause chain of " + error).isTrue();
        });
    }
}
