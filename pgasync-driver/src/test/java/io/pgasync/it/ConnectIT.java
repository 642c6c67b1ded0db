package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.ServerVersion;
import io.pgasync.exception.InvalidPasswordException;
import io.pgasync.exception.PgAuthenticationException;
import io.pgasync.exception.PgConnectionException;
import io.pgasync.exception.PgException;
import io.pgasync.testing.AuthMethod;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import io.pgasync.testing.RequiresOwnCluster;
import io.pgasync.testing.TestRole;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Connecting: every authentication method, wrong passwords, hosts, sockets, startup state. */
@PgTest
class ConnectIT {

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"TRUST", "PASSWORD", "MD5", "SCRAM_SHA_256"})
    @RequiresOwnCluster("uses one role per authentication method")
    void eachAuthenticationMethodWorks(AuthMethod method, PgTestServer server) {
        TestRole role = server.role(method);
        PgConnection conn = await(PgConnection.connect(TestSupport.dsn(server, role, "")));
        try {
            assertThat(await(conn.fetchVal("SELECT current_user"))).isEqualTo(role.name());
            if (server.majorVersion() >= 16) {
                Object systemUser = await(conn.fetchVal("SELECT system_user"));
                if (method == AuthMethod.TRUST) {
                    assertThat(systemUser).isNull();
                } else {
                    assertThat((String) systemUser).startsWith(switch (method) {
                        case PASSWORD -> "password:";
                        case MD5 -> "md5:";
                        default -> "scram-sha-256:";
                    });
                }
            }
        } finally {
            TestSupport.close(conn);
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"PASSWORD", "MD5", "SCRAM_SHA_256"})
    @RequiresOwnCluster("uses one role per authentication method")
    void aWrongPasswordIsAnInvalidPasswordException(AuthMethod method, PgTestServer server) {
        TestRole role = server.role(method);
        TestRole wrong = new TestRole(role.name(), "Wrong-" + role.password(), method, false);
        Throwable e = failure(PgConnection.connect(TestSupport.dsn(server, wrong, "")));
        assertThat(e).isInstanceOf(InvalidPasswordException.class);
        assertThat(e.getMessage()).doesNotContain(wrong.password());
    }

    @Test
    @RequiresOwnCluster("uses the scram role")
    void aMissingPasswordSaysWhereToSetIt(PgTestServer server) {
        TestRole role = server.role(AuthMethod.SCRAM_SHA_256);
        String dsn = "postgresql://" + role.name() + "@" + server.host() + ":" + server.port() + "/"
                + server.database() + "?sslmode=disable&passfile=/nonexistent";
        Throwable e = failure(PgConnection.connect(PgConnectOptions.builder().dsn(dsn)
                .environment(java.util.Map.of()).build()));
        assertThat(e).isInstanceOf(PgAuthenticationException.class).hasMessageContaining("PGPASSWORD");
    }

    @Test
    void startupStateIsTracked(PgTestServer server) {
        PgConnection conn = TestSupport.connect(server, "application_name=connect-it&options="
                + URLEncoder.encode("-c search_path=pg_catalog", StandardCharsets.UTF_8).replace("+", "%20"));
        try {
            assertThat(conn.getServerPid()).isEqualTo(await(conn.fetchVal("SELECT pg_backend_pid()")));
            ServerVersion version = conn.getServerVersion();
            assertThat(version.major()).isEqualTo(server.majorVersion());
            assertThat(conn.getSettings()).containsEntry("application_name", "connect-it")
                    .containsEntry("client_encoding", "UTF8").containsKey("TimeZone");
            assertThat(await(conn.fetchVal("SHOW search_path"))).isEqualTo("pg_catalog");
            assertThat(conn.isInTransaction()).isFalse();
            assertThat(conn.isClosed()).isFalse();
        } finally {
            TestSupport.close(conn);
        }
    }

    @Test
    void serverSettingsAreSentAtStartup(PgTestServer server) {
        PgConnection conn = TestSupport.connect(server, "work_mem=12345kB&statement_timeout=61000");
        try {
            assertThat(await(conn.fetchVal("SHOW work_mem"))).isEqualTo("12345kB");
            assertThat(await(conn.fetchVal("SHOW statement_timeout"))).isEqualTo("61s");
        } finally {
            TestSupport.close(conn);
        }
    }

    @Test
    void theFirstHostDownMeansTheNextIsTried(PgTestServer server) throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        TestRole role = server.mainRole();
        String dsn = "postgresql://" + role.name() + ":" + role.password() + "@127.0.0.1:" + deadPort + ","
                + server.host() + ":" + server.port() + "/" + server.database() + "?sslmode=disable";
        PgConnection conn = await(PgConnection.connect(dsn));
        try {
            assertThat(await(conn.fetchVal("SELECT 1"))).isEqualTo(1);
            assertThat(conn.getOptions().hosts().get(0).port()).isEqualTo(deadPort);
            assertThat(conn.getHost().port()).isEqualTo(server.port()); // the one it is connected to
        } finally {
            TestSupport.close(conn);
        }
    }

    @Test
    void whenEveryHostIsDownTheErrorListsThem() throws Exception {
        int a;
        int b;
        try (ServerSocket s1 = new ServerSocket(0); ServerSocket s2 = new ServerSocket(0)) {
            a = s1.getLocalPort();
            b = s2.getLocalPort();
        }
        Throwable e = failure(PgConnection.connect("postgresql://u:SentinelPw1@127.0.0.1:" + a + ",127.0.0.1:" + b
                + "/db?sslmode=disable&connect_timeout=5"));
        assertThat(e).isInstanceOf(PgConnectionException.class).hasMessageContaining(":" + a)
                .hasMessageContaining(":" + b);
        assertThat(e.getMessage()).doesNotContain("SentinelPw1");
        assertThat(((PgException) e).isTransient()).isTrue();
    }

    @Test
    @RequiresOwnCluster("uses the unix socket")
    void unixDomainSocket(PgTestServer server) {
        TestRole role = server.mainRole();
        String dsn = "postgresql://" + role.name() + ":" + role.password() + "@/" + server.database() + "?host="
                + URLEncoder.encode(server.socketDirectory().toString(), StandardCharsets.UTF_8) + "&port="
                + server.port();
        PgConnection conn = await(PgConnection.connect(dsn));
        try {
            assertThat(await(conn.fetchVal("SELECT client_addr IS NULL FROM pg_stat_activity"
                    + " WHERE pid = pg_backend_pid()"))).isEqualTo(true);
        } finally {
            TestSupport.close(conn);
        }
    }

    @Test
    void targetSessionAttrsOnAPrimary(PgTestServer server) {
        for (String attrs : new String[] {"any", "read-write", "primary", "prefer-standby"}) {
            PgConnection conn = TestSupport.connect(server, "target_session_attrs=" + attrs);
            assertThat(await(conn.fetchVal("SELECT 1"))).isEqualTo(1);
            TestSupport.close(conn);
        }
        for (String attrs : new String[] {"read-only", "standby"}) {
            Throwable e = failure(PgConnection.connect(TestSupport.dsn(server, server.mainRole(),
                    "target_session_attrs=" + attrs)));
            assertThat(e).isInstanceOf(PgConnectionException.class).hasMessageContaining(attrs);
        }
        PgConnection readOnly = TestSupport.connect(server,
                "target_session_attrs=read-only&default_transaction_read_only=on");
        TestSupport.close(readOnly);
    }

    @Test
    void manyConnectionsAtOnce(PgTestServer server) {
        CompletableFuture<?>[] all = new CompletableFuture<?>[40];
        for (int i = 0; i < all.length; i++) {
            all[i] = PgConnection.connect(TestSupport.dsn(server, server.mainRole(), ""))
                    .thenCompose(c -> c.fetchVal("SELECT 1").thenCompose(v -> c.close()));
        }
        await(CompletableFuture.allOf(all));
    }
}
