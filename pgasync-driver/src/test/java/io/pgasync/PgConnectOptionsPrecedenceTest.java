package io.pgasync;

import static io.pgasync.OptionsTestSupport.isolated;
import static io.pgasync.OptionsTestSupport.withEnv;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Explicit builder values beat the connection string, which beats the environment, which beats the defaults. */
class PgConnectOptionsPrecedenceTest {

    @TempDir
    Path home;

    private static final Map<String, String> ENV = Map.of(
            "PGHOST", "envhost", "PGPORT", "6001", "PGUSER", "envuser", "PGDATABASE", "envdb",
            "PGPASSWORD", "envpw", "PGSSLMODE", "require", "PGAPPNAME", "envapp", "PGCONNECT_TIMEOUT", "7",
            "PGTARGETSESSIONATTRS", "standby");

    @Test
    void defaultsWhenNothingIsGiven() {
        PgConnectOptions o = isolated(home).build();
        assertThat(o.hosts()).containsExactly(new PgHost("localhost", 5432));
        assertThat(o.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(o.database()).isEqualTo(o.user());
        assertThat(o.password()).isNull();
        assertThat(o.passwordSupplier()).isNull();
        assertThat(o.passfile()).isEqualTo(home.resolve(".pgpass"));
        assertThat(o.sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(o.sslRootCert()).isNull();
        assertThat(o.sslRootCertSystem()).isFalse();
        assertThat(o.sslCert()).isNull();
        assertThat(o.sslKey()).isNull();
        assertThat(o.sslPassword()).isNull();
        assertThat(o.sslContext()).isNull();
        assertThat(o.sslSni()).isTrue();
        assertThat(o.sslNegotiation()).isEqualTo(SslNegotiation.POSTGRES);
        assertThat(o.channelBinding()).isEqualTo(ChannelBinding.PREFER);
        assertThat(o.requireAuth()).isEqualTo(RequireAuth.any());
        assertThat(o.gssEncMode()).isEqualTo(GssEncMode.DISABLE);
        assertThat(o.applicationName()).isNull();
        assertThat(o.options()).isNull();
        assertThat(o.serverSettings()).isEmpty();
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.commandTimeout()).isZero();
        assertThat(o.targetSessionAttrs()).isEqualTo(TargetSessionAttrs.ANY);
        assertThat(o.loadBalanceHosts()).isEqualTo(LoadBalanceHosts.DISABLE);
        assertThat(o.keepalives()).isTrue();
        assertThat(o.tcpNoDelay()).isTrue();
        assertThat(o.statementCacheSize()).isEqualTo(100);
        assertThat(o.maxCachedStatementLifetime()).isEqualTo(Duration.ofSeconds(300));
        assertThat(o.maxCacheableStatementSize()).isEqualTo(15360);
        assertThat(o.pipelineLimit()).isEqualTo(256);
        assertThat(o.maxMessageSize()).isEqualTo(1 << 30);
        assertThat(o.scramMaxIterations()).isEqualTo(100_000);
        assertThat(o.errorDetailInMessages()).isTrue();
        assertThat(o.nativeTransport()).isTrue();
        assertThat(o.eventLoopGroup()).isNull();
    }

    @Test
    void environmentOverridesDefaults() {
        PgConnectOptions o = withEnv(home, ENV);
        assertThat(o.hosts()).containsExactly(new PgHost("envhost", 6001));
        assertThat(o.user()).isEqualTo("envuser");
        assertThat(o.database()).isEqualTo("envdb");
        assertThat(o.password()).isEqualTo("envpw");
        assertThat(o.sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(o.applicationName()).isEqualTo("envapp");
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(o.targetSessionAttrs()).isEqualTo(TargetSessionAttrs.STANDBY);
    }

    @Test
    void connectionStringOverridesEnvironmentKeyByKey() {
        PgConnectOptions o = PgConnectOptions.builder().environment(ENV).userHome(home)
                .dsn("postgresql://dsnuser@dsnhost/dsndb?sslmode=verify-full").build();
        assertThat(o.hosts()).as("port still from PGPORT").containsExactly(new PgHost("dsnhost", 6001));
        assertThat(o.user()).isEqualTo("dsnuser");
        assertThat(o.database()).isEqualTo("dsndb");
        assertThat(o.password()).isEqualTo("envpw");
        assertThat(o.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(o.applicationName()).isEqualTo("envapp");
    }

    @Test
    void explicitValuesOverrideConnectionStringWhetherSetBeforeOrAfterIt() {
        String dsn = "postgresql://dsnuser:dsnpw@dsnhost:7000/dsndb?sslmode=disable&statementCacheSize=5";
        PgConnectOptions before = PgConnectOptions.builder().environment(ENV).userHome(home)
                .user("me").password("mine").host("myhost").database("mydb").sslMode(SslMode.VERIFY_CA)
                .statementCacheSize(9)
                .dsn(dsn).build();
        PgConnectOptions after = PgConnectOptions.builder().environment(ENV).userHome(home)
                .dsn(dsn)
                .user("me").password("mine").host("myhost").database("mydb").sslMode(SslMode.VERIFY_CA)
                .statementCacheSize(9).build();
        for (PgConnectOptions o : new PgConnectOptions[] {before, after}) {
            assertThat(o.user()).isEqualTo("me");
            assertThat(o.password()).isEqualTo("mine");
            assertThat(o.hosts()).as("port still from the DSN").containsExactly(new PgHost("myhost", 7000));
            assertThat(o.database()).isEqualTo("mydb");
            assertThat(o.sslMode()).isEqualTo(SslMode.VERIFY_CA);
            assertThat(o.statementCacheSize()).isEqualTo(9);
        }
    }

    @Test
    void explicitPortAppliesToEveryHostOfTheConnectionString() {
        PgConnectOptions o = isolated(home).dsn("postgresql://h1:1,h2:2/d").port(3).build();
        assertThat(o.hosts()).extracting(PgHost::port).containsExactly(3, 3);
    }

    @Test
    void explicitHostListReplacesHostsPortsAndAddresses() {
        PgConnectOptions o = PgConnectOptions.builder().environment(ENV).userHome(home)
                .dsn("host=a,b port=1,2 hostaddr=10.0.0.1,10.0.0.2")
                .hosts(java.util.List.of(new PgHost("x", 9))).build();
        assertThat(o.hosts()).containsExactly(new PgHost("x", 9));
    }

    @Test
    void nullClearsAnExplicitValue() {
        PgConnectOptions o = PgConnectOptions.builder().environment(ENV).userHome(home)
                .user("me").user(null).sslMode(SslMode.DISABLE).sslMode(null).build();
        assertThat(o.user()).isEqualTo("envuser");
        assertThat(o.sslMode()).isEqualTo(SslMode.REQUIRE);
    }

    @Test
    void aSecondConnectionStringReplacesTheFirstEntirely() {
        PgConnectOptions o = isolated(home).dsn("postgresql://u1@h1/d1?application_name=first")
                .dsn("postgresql://h2").build();
        assertThat(o.hosts()).containsExactly(new PgHost("h2", 5432));
        assertThat(o.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(o.applicationName()).isNull();
    }

    @Test
    void emptyEnvironmentVariablesAreIgnored() {
        PgConnectOptions o = withEnv(home, Map.of("PGHOST", "", "PGSSLMODE", "", "PGUSER", ""));
        assertThat(o.hosts()).containsExactly(new PgHost("localhost", 5432));
        assertThat(o.sslMode()).isEqualTo(SslMode.PREFER);
    }

    @Test
    void pgRequireSslMeansRequireUnlessPgSslModeIsSet() {
        assertThat(withEnv(home, Map.of("PGREQUIRESSL", "1")).sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(withEnv(home, Map.of("PGREQUIRESSL", "0")).sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(withEnv(home, Map.of("PGREQUIRESSL", "1", "PGSSLMODE", "disable")).sslMode())
                .isEqualTo(SslMode.DISABLE);
    }

    @Test
    void passfileFromHomeEnvironmentVariableUserHomeOrPgPassFile(@TempDir Path otherHome) {
        assertThat(PgConnectOptions.builder().environment(Map.of("HOME", otherHome.toString())).build().passfile())
                .isEqualTo(otherHome.resolve(".pgpass"));
        assertThat(PgConnectOptions.builder().environment(Map.of("HOME", otherHome.toString())).userHome(home)
                .build().passfile()).isEqualTo(home.resolve(".pgpass"));
        assertThat(withEnv(home, Map.of("PGPASSFILE", "/secrets/pgpass")).passfile())
                .isEqualTo(Path.of("/secrets/pgpass"));
        assertThat(isolated(home).passfile(Path.of("/explicit")).build().passfile()).isEqualTo(Path.of("/explicit"));
    }

    @Test
    void defaultClientCertificateFilesAreUsedWhenTheyExist() throws IOException {
        Path dir = Files.createDirectories(home.resolve(".postgresql"));
        assertThat(isolated(home).build().sslRootCert()).isNull();
        Files.writeString(dir.resolve("root.crt"), "x");
        Files.writeString(dir.resolve("postgresql.crt"), "x");
        Files.writeString(dir.resolve("postgresql.key"), "x");
        PgConnectOptions o = isolated(home).build();
        assertThat(o.sslRootCert()).isEqualTo(dir.resolve("root.crt"));
        assertThat(o.sslCert()).isEqualTo(dir.resolve("postgresql.crt"));
        assertThat(o.sslKey()).isEqualTo(dir.resolve("postgresql.key"));
        PgConnectOptions explicit = isolated(home).dsn("sslrootcert=/ca.pem").build();
        assertThat(explicit.sslRootCert()).isEqualTo(Path.of("/ca.pem"));
    }

    @Test
    void sslRootCertSystemMakesVerifyFullTheDefault() {
        PgConnectOptions o = OptionsTestSupport.parse(home, "postgresql://h/d?sslrootcert=system");
        assertThat(o.sslRootCertSystem()).isTrue();
        assertThat(o.sslRootCert()).isNull();
        assertThat(o.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(isolated(home).sslRootCertSystem().build().sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(withEnv(home, Map.of("PGSSLROOTCERT", "system")).sslMode()).isEqualTo(SslMode.VERIFY_FULL);
    }

    @Test
    void environmentCertificateSettingsDoNotApplyOverASuppliedContext() throws Exception {
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getDefault();
        PgConnectOptions o = PgConnectOptions.builder().userHome(home)
                .environment(Map.of("PGSSLROOTCERT", "/env/ca.crt", "PGSSLCERT", "/env/c.crt"))
                .sslContext(context).build();
        assertThat(o.sslContext()).isSameAs(context);
        assertThat(o.sslRootCert()).isNull();
        assertThat(o.sslCert()).isNull();
    }

    @Test
    void applicationNameFallsBackToFallbackApplicationName() {
        assertThat(isolated(home).fallbackApplicationName("fw").build().applicationName()).isEqualTo("fw");
        assertThat(withEnv(home, Map.of("PGAPPNAME", "env")).toBuilder().build().applicationName())
                .isEqualTo("env");
        assertThat(PgConnectOptions.builder().environment(Map.of("PGAPPNAME", "env")).userHome(home)
                .fallbackApplicationName("fw").build().applicationName()).isEqualTo("env");
    }

    @Test
    void toBuilderKeepsEverySettingAndDoesNotConsultTheEnvironmentAgain() {
        PgConnectOptions original = PgConnectOptions.builder().environment(ENV).userHome(home)
                .dsn("postgresql://h1,h2:5433/d?sslmode=verify-full&search_path=x&pipelineLimit=4")
                .commandTimeout(Duration.ofSeconds(2)).requireAuth(RequireAuth.only(AuthenticationMethod.SCRAM_SHA_256))
                .build();
        Map<String, String> otherEnv = new HashMap<>(ENV);
        otherEnv.put("PGUSER", "somebody-else");
        otherEnv.put("PGSSLMODE", "disable");
        PgConnectOptions copy = original.toBuilder().environment(otherEnv).build();
        assertThat(copy.toString()).isEqualTo(original.toString());
        assertThat(copy.password()).isEqualTo(original.password());
        PgConnectOptions changed = original.toBuilder().user("new").build();
        assertThat(changed.user()).isEqualTo("new");
        assertThat(changed.hosts()).isEqualTo(original.hosts());
    }

    @Test
    void resolvePasswordPrefersTheConfiguredPasswordThenThePasswordFile() throws IOException {
        Path passfile = home.resolve(".pgpass");
        Files.writeString(passfile, "h1:5432:d:u:from-file\n");
        if (passfile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(passfile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        PgConnectOptions fromFile = OptionsTestSupport.parse(home, "postgresql://u@h1,h2/d");
        assertThat(fromFile.resolvePassword(fromFile.hosts().get(0))).isEqualTo("from-file");
        assertThat(fromFile.resolvePassword(fromFile.hosts().get(1))).isNull();
        PgConnectOptions explicit = OptionsTestSupport.parse(home, "postgresql://u:given@h1/d");
        assertThat(explicit.resolvePassword(explicit.hosts().get(0))).isEqualTo("given");
    }

    @Test
    void emptyPasswordCountsAsNone() {
        assertThat(isolated(home).password("").build().password()).isNull();
        assertThat(PgConnectOptions.builder().userHome(home).environment(Map.of("PGPASSWORD", "env"))
                .password("").build().password()).isEqualTo("env");
    }
}
