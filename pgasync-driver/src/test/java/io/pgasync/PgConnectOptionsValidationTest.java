package io.pgasync;

import static io.pgasync.OptionsTestSupport.SENTINEL;
import static io.pgasync.OptionsTestSupport.SENTINEL_URL;
import static io.pgasync.OptionsTestSupport.isolated;
import static io.pgasync.OptionsTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal names the bad part and what is accepted; none shows a password. */
class PgConnectOptionsValidationTest {

    @TempDir
    Path home;

    private PgConfigurationException refused(String dsn) {
        PgConfigurationException e = catchThrowableOfType(PgConfigurationException.class,
                () -> parse(home, dsn));
        assertThat(e).as("refused: %s", dsn).isNotNull();
        return e;
    }

    private PgConfigurationException refused(PgConnectOptions.Builder builder) {
        PgConfigurationException e = catchThrowableOfType(PgConfigurationException.class, builder::build);
        assertThat(e).isNotNull();
        return e;
    }

    // ------------------------------------------------------------------------------------- SEC-12 redaction

    /** Malformed or invalid connection strings carrying the sentinel password, one per failure path. */
    @ParameterizedTest
    @ValueSource(strings = {
        "postgresql://u:" + SENTINEL_URL + "@h:99999/db",
        "postgresql://u:" + SENTINEL_URL + "@h:abc/db",
        "postgresql://u:" + SENTINEL + "@h:abc/db",
        "postgresql://u:S3ntinel/Pw!@h/db",
        "postgresql://u:S3ntinel-Pw%zz@h/db",
        "postgresql://u:S3ntinel-Pw%00@h/db",
        "postgresql://u:S3ntinel-Pw%FF@h/db",
        "postgresql://u:S3ntinel Pw!@h/db",
        "postgresql://u:" + SENTINEL + "@[::1/db",
        "postgresql://u:" + SENTINEL + "@h@x/db",
        "postgresql://u:" + SENTINEL + "@h/db?sslmode=bogus",
        "postgresql://u:" + SENTINEL + "@h/db?connect_timeout=soon",
        "postgresql://u:" + SENTINEL + "@h/db?sslcrl=/x",
        "postgresql://u:" + SENTINEL + "@h/db?socketFactory=x",
        "postgresql://u:" + SENTINEL + "@h/db?gssencmode=require",
        "postgresql://u:" + SENTINEL + "@h/db?sslrootcert=system&sslmode=require",
        "postgresql://u:" + SENTINEL + "@h/db?pasword=x",
        "postgresql://u:" + SENTINEL + "@h/db?passwd=x",
        "postgresql://u:" + SENTINEL + "@h/db?pwd=x",
        "postgresql://u:" + SENTINEL + "@h/db?a-b=1",
        "postgresql://u:" + SENTINEL + "@h/db?x=1=2",
        "postgresql://u:" + SENTINEL + "@h/db?novalue",
        "postgresql://u@h/db?password=" + SENTINEL_URL + "&sslmode=nope",
        "postgresql://u@h/db?password=" + SENTINEL_URL + "%zz",
        "postgresql://h/db?password=" + SENTINEL + "=2",
        "postgresql://u:" + SENTINEL + "@h1,h2/db?port=1,2,3",
        "host=h password=" + SENTINEL + " sslmode=bogus",
        "host=h password=S3ntinel Pw! dbname=x",
        "host=h password='" + SENTINEL,
        "host=h password=" + SENTINEL + " bogus=1",
        "host=h password=" + SENTINEL + " port=0",
        "host=h password=" + SENTINEL + " sslcrl=/x",
        "host=h password=" + SENTINEL + " =x",
        "jdbc:postgresql://u:" + SENTINEL + "@h/db",
        SENTINEL,
    })
    void dsnErrorNeverEchoesPassword_SEC12(String dsn) {
        PgConfigurationException e = refused(dsn);
        assertNoSentinel(e);
    }

    @Test
    void environmentPasswordNeverEchoed_SEC12() {
        PgConfigurationException e = refused(PgConnectOptions.builder().userHome(home)
                .environment(Map.of("PGPASSWORD", SENTINEL, "PGSSLMODE", "bogus", "PGPORT", SENTINEL)));
        assertNoSentinel(e);
    }

    @Test
    void explicitPasswordNeverEchoed_SEC12() {
        assertNoSentinel(refused(isolated(home).password(SENTINEL).port(0)));
        assertNoSentinel(refused(isolated(home).password(SENTINEL + "\0")));
        assertNoSentinel(refused(isolated(home).sslPassword(SENTINEL + "\0")));
        assertNoSentinel(refused(isolated(home).password(SENTINEL).host(SENTINEL + "\n")));
    }

    @Test
    void passwordThatLooksLikeAPortIsNotEchoed_SEC12() {
        // '/' in an unencoded password makes libpq's grammar read "u:<password>" as host:port
        PgConfigurationException e = refused("postgresql://u:987654321/x@h/db");
        assertThat(e.getMessage()).doesNotContain("987654321");
    }

    @Test
    void toStringMasksSecrets_SEC12() {
        PgConnectOptions o = isolated(home)
                .dsn("postgresql://u:" + SENTINEL_URL + "@h/db?TimeZone=UTC")
                .serverSetting("api_token", SENTINEL)
                .sslPassword(SENTINEL + "-key")
                .passwordSupplier(() -> CompletableFuture.completedFuture(SENTINEL))
                .build();
        String text = o.toString();
        assertThat(text).doesNotContain(SENTINEL).doesNotContain(SENTINEL_URL).doesNotContain("S3ntinel")
                .contains("password=***").contains("sslPassword=***").contains("api_token=***")
                .contains("TimeZone=UTC").doesNotContain("passwordSupplier");
        assertThat(o.password()).isEqualTo(SENTINEL);
    }

    private static void assertNoSentinel(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("S3ntinel").doesNotContain("Pw!")
                    .doesNotContain(SENTINEL_URL);
            assertThat(t.toString()).doesNotContain("S3ntinel");
        }
    }

    // ----------------------------------------------------------------------------- errors name the bad part

    @Test
    void configurationErrorsAreClientExceptions() {
        assertThat(refused("sslmode=bogus")).isInstanceOf(PgClientException.class);
    }

    @Test
    void invalidEnumValueNamesKeyValueAndAcceptedValues() {
        PgConfigurationException e = refused("postgresql://h/d?sslmode=verify_full");
        assertThat(e.getKey()).isEqualTo("sslmode");
        assertThat(e.getMessage()).contains("sslmode").contains("\"verify_full\"").contains("verify-full")
                .contains("connection string");
        for (String dsn : List.of("channel_binding=maybe", "target_session_attrs=primary-ish",
                "load_balance_hosts=round-robin", "sslnegotiation=tls", "gssencmode=allow", "require_auth=ldap")) {
            PgConfigurationException err = refused(dsn);
            assertThat(err.getKey()).isEqualTo(dsn.substring(0, dsn.indexOf('=')));
            assertThat(err.getMessage()).contains(dsn.substring(dsn.indexOf('=') + 1)).contains("expected");
        }
    }

    @Test
    void invalidEnvironmentValueNamesTheVariable() {
        PgConfigurationException e = refused(PgConnectOptions.builder().userHome(home)
                .environment(Map.of("PGSSLMODE", "strict")));
        assertThat(e.getMessage()).contains("PGSSLMODE").contains("\"strict\"");
        PgConfigurationException t = refused(PgConnectOptions.builder().userHome(home)
                .environment(Map.of("PGCONNECT_TIMEOUT", "ten")));
        assertThat(t.getMessage()).contains("PGCONNECT_TIMEOUT").contains("connect_timeout").contains("\"ten\"");
    }

    @Test
    void portOutOfRange() {
        PgConfigurationException e = refused("host=h port=70000");
        assertThat(e.getKey()).isEqualTo("port");
        assertThat(e.getMessage()).contains("\"70000\"").contains("1 to 65535");
        assertThat(refused("host=h port=0").getKey()).isEqualTo("port");
        assertThat(refused("host=h port=-1").getKey()).isEqualTo("port");
        assertThat(refused(isolated(home).port(65536)).getMessage()).contains("65536");
        assertThatThrownBy(() -> new PgHost("h", 0)).isInstanceOf(PgConfigurationException.class)
                .hasMessageContaining("1 to 65535");
    }

    @Test
    void portCountMustMatchHostCount() {
        PgConfigurationException e = refused("host=h1,h2,h3 port=1,2");
        assertThat(e.getMessage()).contains("2 port numbers").contains("3 hosts");
        assertThat(refused("host=h1,h2 hostaddr=10.0.0.1").getMessage()).contains("2 host names")
                .contains("1 hostaddr");
    }

    @Test
    void hostaddrMustBeNumeric() {
        PgConfigurationException e = refused("host=h hostaddr=db.example.com");
        assertThat(e.getKey()).isEqualTo("hostaddr");
        assertThat(e.getMessage()).contains("numeric");
    }

    @Test
    void gssEncModeRequireIsRefused() {
        PgConfigurationException e = refused("postgresql://h/d?gssencmode=require");
        assertThat(e.getKey()).isEqualTo("gssencmode");
        assertThat(e.getMessage()).contains("GSSAPI encryption is not supported");
        assertThat(refused(isolated(home).gssEncMode(GssEncMode.REQUIRE)).getMessage())
                .contains("GSSAPI encryption is not supported");
        assertThat(parse(home, "gssencmode=prefer").gssEncMode()).isEqualTo(GssEncMode.PREFER);
        assertThat(parse(home, "gssencmode=disable").gssEncMode()).isEqualTo(GssEncMode.DISABLE);
    }

    @Test
    void sslRootCertSystemRefusesWeakerModes() {
        for (String mode : List.of("disable", "allow", "prefer", "require", "verify-ca")) {
            PgConfigurationException e = refused("sslrootcert=system sslmode=" + mode);
            assertThat(e.getKey()).isEqualTo("sslmode");
            assertThat(e.getMessage()).contains(mode).contains("sslrootcert=system").contains("verify-full");
        }
        assertThat(parse(home, "sslrootcert=system sslmode=verify-full").sslMode()).isEqualTo(SslMode.VERIFY_FULL);
    }

    @Test
    void directSslNeedsAStrongSslMode() {
        for (String mode : List.of("disable", "allow", "prefer")) {
            PgConfigurationException e = refused("sslnegotiation=direct sslmode=" + mode);
            assertThat(e.getKey()).isEqualTo("sslnegotiation");
            assertThat(e.getMessage()).contains(mode).contains("require");
        }
        assertThat(refused("sslnegotiation=direct").getMessage()).as("default prefer").contains("prefer");
        for (String mode : List.of("require", "verify-ca", "verify-full")) {
            assertThat(parse(home, "sslnegotiation=direct sslmode=" + mode).sslNegotiation())
                    .isEqualTo(SslNegotiation.DIRECT);
        }
    }

    @Test
    void channelBindingRequireNeedsTls() {
        PgConfigurationException e = refused("channel_binding=require sslmode=disable");
        assertThat(e.getKey()).isEqualTo("channel_binding");
        assertThat(parse(home, "channel_binding=require sslmode=prefer").channelBinding())
                .isEqualTo(ChannelBinding.REQUIRE);
    }

    @Test
    void requireAuthSyntaxErrors() {
        assertThat(refused("require_auth=scram-sha-256,!md5").getMessage()).contains("mixed");
        assertThat(refused("require_auth=!md5,scram-sha-256").getMessage()).contains("mixed");
        assertThat(refused("require_auth=md5,md5").getMessage()).contains("more than once");
        assertThat(refused("require_auth=oauth").getMessage()).contains("\"oauth\"").contains("scram-sha-256");
        assertThat(parse(home, "require_auth=!password,!md5").requireAuth())
                .isEqualTo(RequireAuth.allExcept(AuthenticationMethod.PASSWORD, AuthenticationMethod.MD5));
    }

    @Test
    void negativeOrOutOfRangeNumbersAndDurations() {
        assertThat(refused(isolated(home).connectTimeout(Duration.ofSeconds(-1))).getKey())
                .isEqualTo("connect_timeout");
        assertThat(refused(isolated(home).commandTimeout(Duration.ofMillis(-1))).getMessage())
                .contains("negative");
        assertThat(refused(isolated(home).maxCachedStatementLifetime(Duration.ofSeconds(-5))).getKey())
                .isEqualTo("maxCachedStatementLifetime");
        assertThat(refused("connect_timeout=-1").getMessage()).contains("connect_timeout").contains("\"-1\"");
        assertThat(refused("connect_timeout=2.5").getKey()).isEqualTo("connect_timeout");
        assertThat(refused("commandTimeout=-3").getMessage()).contains("negative");
        assertThat(refused("commandTimeout=soon").getMessage()).contains("duration");
        assertThat(refused(isolated(home).statementCacheSize(-1)).getMessage()).contains("statementCacheSize");
        assertThat(refused(isolated(home).maxCacheableStatementSize(-1)).getKey())
                .isEqualTo("maxCacheableStatementSize");
        assertThat(refused(isolated(home).pipelineLimit(0)).getKey()).isEqualTo("pipelineLimit");
        assertThat(refused("pipelineLimit=x").getKey()).isEqualTo("pipelineLimit");
        assertThat(parse(home, "connect_timeout=0").connectTimeout()).isZero();
    }

    @Test
    void maxMessageSizeBetween64KiBAnd1GiB() {
        assertThat(refused(isolated(home).maxMessageSize(64 * 1024 - 1)).getMessage()).contains("65536")
                .contains("1073741824");
        assertThat(refused("maxMessageSize=2GB").getKey()).isEqualTo("maxMessageSize");
        assertThat(isolated(home).maxMessageSize(64 * 1024).build().maxMessageSize()).isEqualTo(65536);
    }

    @Test
    void scramMaxIterationsAtLeast4096() {
        assertThat(refused(isolated(home).scramMaxIterations(4095)).getMessage()).contains("4096");
        assertThat(refused("scramMaxIterations=100").getKey()).isEqualTo("scramMaxIterations");
    }

    @Test
    void booleanValues() {
        assertThat(refused("nativeTransport=maybe").getMessage()).contains("true or false");
        assertThat(parse(home, "nativeTransport=ON").nativeTransport()).isTrue();
        assertThat(parse(home, "keepalives=yes").keepalives()).isTrue();
    }

    @Test
    void unknownKeywordInKeyValueIsAnError() {
        PgConfigurationException e = refused("host=h colour=blue");
        assertThat(e.getKey()).isEqualTo("colour");
        assertThat(e.getMessage()).contains("unknown keyword").contains("\"colour\"");
    }

    @Test
    void libpqKeywordsAreCaseSensitiveAndAMisspeltCaseIsRefused() {
        assertThat(refused("postgresql://h/d?SSLMode=require").getMessage()).contains("case-sensitive")
                .contains("sslmode");
        assertThat(refused("Host=h").getMessage()).contains("case-sensitive");
    }

    @Test
    void unsupportedLibpqKeywordsAreRefusedWithTheReason() {
        for (String keyword : List.of("service", "sslcrl", "sslcrldir", "sslcertmode", "ssl_min_protocol_version",
                "requirepeer", "krbsrvname", "gsslib", "replication", "gssdelegation", "oauth_issuer")) {
            PgConfigurationException kv = refused(keyword + "=x");
            assertThat(kv.getKey()).isEqualTo(keyword);
            assertThat(kv.getMessage()).contains("unsupported").contains(keyword);
            assertThat(refused("postgresql://h/d?" + keyword + "=x").getKey()).isEqualTo(keyword);
        }
    }

    @Test
    void keepaliveTimingOutOfRangeIsRefusedNamingTheKeyword() {
        assertThat(refused("keepalives_count=0").getKey()).isEqualTo("keepalives_count");
        assertThat(refused("keepalives_idle=-1").getKey()).isEqualTo("keepalives_idle");
        assertThat(refused("keepalives_interval=0").getMessage()).contains("keepalives_interval");
        assertThat(refused("tcp_user_timeout=soon").getKey()).isEqualTo("tcp_user_timeout");
        assertThat(refused(isolated(home).keepalivesIdle(Duration.ofMillis(500))).getMessage())
                .contains("keepalivesIdle");
    }

    @Test
    void clientEncodingMustBeUtf8() {
        assertThat(refused("client_encoding=LATIN1").getMessage()).contains("UTF8").contains("LATIN1");
        assertThat(parse(home, "client_encoding=UTF8").serverSettings()).isEmpty();
        assertThat(refused(isolated(home).serverSetting("client_encoding", "SQL_ASCII")).getMessage())
                .contains("UTF8");
    }

    @Test
    void sslCompressionIsRefused() {
        assertThat(refused("sslcompression=1").getKey()).isEqualTo("sslcompression");
        assertThat(parse(home, "sslcompression=0").sslMode()).isEqualTo(SslMode.PREFER);
    }

    @Test
    void sslOnlyAcceptsTrue() {
        assertThat(refused("postgresql://h/d?ssl=false").getMessage()).contains("sslmode");
    }

    @Test
    void reservedServerSettings() {
        for (String name : List.of("user", "database", "options", "replication")) {
            assertThat(refused(isolated(home).serverSetting(name, "x")).getMessage()).contains(name);
        }
        assertThat(refused(isolated(home).serverSetting("bad name", "x")).getMessage())
                .contains("invalid server setting name");
        assertThat(refused(isolated(home).applicationName("a").serverSetting("application_name", "b")).getMessage())
                .contains("application_name");
    }

    @Test
    void nulCharactersAreRefused() {
        assertThat(refused(isolated(home).user("a\0b")).getKey()).isEqualTo("user");
        assertThat(refused(isolated(home).options("-c x=\0")).getKey()).isEqualTo("options");
        assertThat(refused(isolated(home).serverSetting("search_path", "a\0")).getKey()).isEqualTo("search_path");
    }

    @Test
    void sslContextConflictsWithCertificateFiles() throws Exception {
        SSLContext context = SSLContext.getDefault();
        assertThat(refused(isolated(home).sslContext(context).sslRootCert(Path.of("/ca"))).getKey())
                .isEqualTo("sslrootcert");
        assertThat(refused(isolated(home).sslContext(context).sslRootCertSystem()).getKey())
                .isEqualTo("sslrootcert");
        assertThat(refused(isolated(home).sslContext(context).sslCert(Path.of("/c"))).getKey()).isEqualTo("sslcert");
        assertThat(refused(isolated(home).sslContext(context).sslKey(Path.of("/k"))).getKey()).isEqualTo("sslkey");
        assertThat(refused(isolated(home).sslContext(context).dsn("sslkey=/k")).getMessage())
                .contains("SSLContext");
    }

    @Test
    void toBuilderOfFileBasedOptionsAcceptsAContextLater() throws Exception {
        Path dir = Files.createDirectories(home.resolve(".postgresql"));
        Files.writeString(dir.resolve("root.crt"), "x");
        PgConnectOptions files = isolated(home).build();
        assertThat(files.sslRootCert()).isNotNull();
        PgConnectOptions withContext = files.toBuilder().sslContext(SSLContext.getDefault()).build();
        assertThat(withContext.sslRootCert()).isNull();
    }

    @Test
    void emptyHostListIsRefused() {
        assertThat(refused(isolated(home).hosts(List.of())).getMessage()).contains("at least one host");
    }

    @Test
    void urlSyntaxErrorsSayWhatToDo() {
        assertThat(refused("postgresql://[::1/db").getMessage()).contains("']'");
        assertThat(refused("postgresql://[]/db").getMessage()).contains("empty IPv6");
        assertThat(refused("postgresql://[::1]x/db").getMessage()).contains("expected ':'");
        assertThat(refused("postgresql://h/d?application_name=a b").getMessage()).contains("%20");
        assertThat(refused("postgresql://h/d?application_name=%G1").getMessage()).contains("percent-encoding");
        assertThat(refused("postgresql://h/d?x=1=2").getMessage()).contains("%3D");
        assertThat(refused("postgresql://h/d?justakey").getMessage()).contains("no '='");
        assertThat(refused("postgresql://h/d?=v").getMessage()).contains("empty name");
        assertThat(refused("jdbc:postgresql://h/d").getMessage()).contains("jdbc:");
        assertThat(refused("mydatabase").getMessage()).contains("not a connection string");
    }

    @Test
    void keyValueSyntaxErrorsSayWhatToDo() {
        assertThat(refused("host=h dbname").getMessage()).contains("missing '='").contains("\"dbname\"");
        assertThat(refused("host='h").getMessage()).contains("unterminated");
        assertThat(refused("=x").getMessage()).contains("missing keyword");
    }

    @Test
    void longValuesAreCutInMessages() {
        String value = "v".repeat(10_000);
        assertThat(refused("sslmode=" + value).getMessage()).hasSizeLessThan(400);
    }
}
