package io.pgasync;

import static io.pgasync.OptionsTestSupport.isolated;
import static io.pgasync.OptionsTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection strings: libpq URLs and key=value strings. */
class PgConnectOptionsParsingTest {

    @TempDir
    Path home;

    // ------------------------------------------------------------------------------------------------- URLs

    @Test
    void fullUrlGivesEveryPart() {
        PgConnectOptions o = parse(home, "postgresql://alice:s%40cr%3At@db.example.com:5433/shop"
                + "?sslmode=verify-full&application_name=web&connect_timeout=5&search_path=app");
        assertThat(o.hosts()).containsExactly(new PgHost("db.example.com", 5433));
        assertThat(o.user()).isEqualTo("alice");
        assertThat(o.password()).isEqualTo("s@cr:t");
        assertThat(o.database()).isEqualTo("shop");
        assertThat(o.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(o.applicationName()).isEqualTo("web");
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.serverSettings()).containsExactly(org.assertj.core.api.Assertions.entry("search_path", "app"));
    }

    @Test
    void shortPrefixAndAnyCaseAreUrls() {
        assertThat(parse(home, "postgres://h/d").hosts()).containsExactly(new PgHost("h", 5432));
        assertThat(parse(home, "PostgreSQL://h/d").database()).isEqualTo("d");
    }

    @Test
    void bareUrlGivesDefaults() {
        PgConnectOptions o = parse(home, "postgresql://");
        assertThat(o.hosts()).containsExactly(new PgHost("localhost", 5432));
        assertThat(o.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(o.database()).isEqualTo(o.user());
    }

    @Test
    void userWithoutPasswordAndPasswordWithoutUser() {
        PgConnectOptions a = parse(home, "postgresql://bob@h/d");
        assertThat(a.user()).isEqualTo("bob");
        assertThat(a.password()).isNull();
        PgConnectOptions b = parse(home, "postgresql://:pw@h/d");
        assertThat(b.password()).isEqualTo("pw");
        assertThat(b.user()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void passwordMayContainColonsAndQuestionMarks() {
        // as in libpq, the first '@' before the first '/' ends the credentials
        PgConnectOptions o = parse(home, "postgresql://u:a:b?c@h/d");
        assertThat(o.password()).isEqualTo("a:b?c");
        assertThat(o.hosts()).containsExactly(new PgHost("h", 5432));
    }

    @Test
    void multipleHostsEachWithOptionalPort() {
        PgConnectOptions o = parse(home, "postgresql://h1:5432,h2:5433,h3/db");
        assertThat(o.hosts()).containsExactly(new PgHost("h1", 5432), new PgHost("h2", 5433), new PgHost("h3", 5432));
    }

    @Test
    void ipv6AddressesInBrackets() {
        PgConnectOptions o = parse(home, "postgresql://[::1]:5433,[fe80::1%25eth0],[2001:db8::7]:6000/db");
        assertThat(o.hosts()).containsExactly(new PgHost("::1", 5433), new PgHost("fe80::1%eth0", 5432),
                new PgHost("2001:db8::7", 6000));
        assertThat(o.hosts().get(0)).hasToString("[::1]:5433");
    }

    @Test
    void unixSocketDirectoryAsQueryParameter() {
        PgHost h = parse(home, "postgresql:///db?host=/var/run/postgresql").hosts().get(0);
        assertThat(h.isUnixSocket()).isTrue();
        assertThat(h.socketPath()).isEqualTo("/var/run/postgresql/.s.PGSQL.5432");
    }

    @Test
    void unixSocketDirectoryPercentEncodedAsHost() {
        PgHost h = parse(home, "postgresql://%2Fvar%2Frun%2Fpostgresql:5433/db").hosts().get(0);
        assertThat(h.host()).isEqualTo("/var/run/postgresql");
        assertThat(h.socketPath()).isEqualTo("/var/run/postgresql/.s.PGSQL.5433");
    }

    @Test
    void queryParametersOverrideTheHierarchicalPart() {
        PgConnectOptions o = parse(home, "postgresql://u1@h1:1111/db1?host=h2&port=2222&user=u2&dbname=db2");
        assertThat(o.hosts()).containsExactly(new PgHost("h2", 2222));
        assertThat(o.user()).isEqualTo("u2");
        assertThat(o.database()).isEqualTo("db2");
    }

    @Test
    void laterParameterWins() {
        assertThat(parse(home, "postgresql://h/d?sslmode=disable&sslmode=require").sslMode())
                .isEqualTo(SslMode.REQUIRE);
    }

    @Test
    void percentDecodingIsUtf8() {
        PgConnectOptions o = parse(home, "postgresql://Ren%C3%A9@h/caf%C3%A9?application_name=%E2%9C%93%20ok");
        assertThat(o.user()).isEqualTo("René");
        assertThat(o.database()).isEqualTo("café");
        assertThat(o.applicationName()).isEqualTo("✓ ok");
    }

    @Test
    void plusIsNotASpace() {
        assertThat(parse(home, "postgresql://h/d?application_name=a+b").applicationName()).isEqualTo("a+b");
    }

    @Test
    void optionsWithEncodedSpacesAndEquals() {
        PgConnectOptions o = parse(home, "postgresql://h/d?options=-c%20search_path%3Dapp%20-c%20geqo%3Doff");
        assertThat(o.options()).isEqualTo("-c search_path=app -c geqo=off");
    }

    @Test
    void emptyValuesMeanNotSet() {
        PgConnectOptions o = parse(home, "postgresql://h/d?sslmode=&application_name=&connect_timeout=");
        assertThat(o.sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(o.applicationName()).isNull();
        assertThat(o.connectTimeout()).isEqualTo(PgConnectOptions.DEFAULT_CONNECT_TIMEOUT);
    }

    @Test
    void emptyQuerySegmentsAreSkipped() {
        assertThat(parse(home, "postgresql://h/d?&sslmode=require&&").sslMode()).isEqualTo(SslMode.REQUIRE);
    }

    @Test
    void sslTrueAndRequiresslAliases() {
        assertThat(parse(home, "postgresql://h/d?ssl=true").sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(parse(home, "postgresql://h/d?requiressl=1").sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(parse(home, "postgresql://h/d?requiressl=0").sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(parse(home, "host=h requiressl=1").sslMode()).isEqualTo(SslMode.REQUIRE);
    }

    @Test
    void unknownQueryParametersBecomeServerSettingsInOrder() {
        PgConnectOptions o = parse(home, "postgresql://h/d?TimeZone=UTC&search_path=a%2Cb&my.custom=1");
        assertThat(o.serverSettings()).containsExactly(
                org.assertj.core.api.Assertions.entry("TimeZone", "UTC"),
                org.assertj.core.api.Assertions.entry("search_path", "a,b"),
                org.assertj.core.api.Assertions.entry("my.custom", "1"));
    }

    @Test
    void driverTuningKeywordsInCamelCaseOrSnakeCase() {
        PgConnectOptions o = parse(home, "postgresql://h/d?statementCacheSize=0&max_cached_statement_lifetime=0.5"
                + "&maxCacheableStatementSize=1kB&pipeline_limit=8&maxMessageSize=64kB&scramMaxIterations=4096"
                + "&errorDetailInMessages=off&nativeTransport=false&commandTimeout=250ms&tcpNoDelay=no");
        assertThat(o.statementCacheSize()).isZero();
        assertThat(o.maxCachedStatementLifetime()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.maxCacheableStatementSize()).isEqualTo(1024);
        assertThat(o.pipelineLimit()).isEqualTo(8);
        assertThat(o.maxMessageSize()).isEqualTo(65536);
        assertThat(o.scramMaxIterations()).isEqualTo(4096);
        assertThat(o.errorDetailInMessages()).isFalse();
        assertThat(o.nativeTransport()).isFalse();
        assertThat(o.commandTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(o.tcpNoDelay()).isFalse();
        assertThat(o.serverSettings()).isEmpty();
    }

    @Test
    void durationUnits() {
        assertThat(parse(home, "host=h commandTimeout=2min").commandTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(parse(home, "host=h commandTimeout=1h").commandTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(parse(home, "host=h commandTimeout=3s").commandTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(parse(home, "host=h commandTimeout=0").commandTimeout()).isZero();
    }

    @Test
    void sizeUnits() {
        assertThat(parse(home, "host=h maxMessageSize=1GB").maxMessageSize()).isEqualTo(1 << 30);
        assertThat(parse(home, "host=h maxMessageSize=2MB").maxMessageSize()).isEqualTo(2 << 20);
        assertThat(parse(home, "host=h maxCacheableStatementSize=100").maxCacheableStatementSize()).isEqualTo(100);
    }

    // -------------------------------------------------------------------------------------------- key=value

    @Test
    void keyValueWithHostListAndPortList() {
        PgConnectOptions o = parse(home, "host=h1,h2 port=5432,5433 dbname=db user=u");
        assertThat(o.hosts()).containsExactly(new PgHost("h1", 5432), new PgHost("h2", 5433));
        assertThat(o.user()).isEqualTo("u");
        assertThat(o.database()).isEqualTo("db");
    }

    @Test
    void onePortAppliesToAllHosts() {
        assertThat(parse(home, "host=h1,h2,h3 port=6000").hosts())
                .extracting(PgHost::port).containsExactly(6000, 6000, 6000);
    }

    @Test
    void emptyEntriesInHostAndPortListsTakeDefaults() {
        assertThat(parse(home, "host=h1,,h3 port=,5433,").hosts()).containsExactly(
                new PgHost("h1", 5432), new PgHost("localhost", 5433), new PgHost("h3", 5432));
    }

    @Test
    void hostaddrPerHost() {
        PgConnectOptions o = parse(home, "host=db.example.com,db2 hostaddr=10.0.0.1,2001:db8::1");
        assertThat(o.hosts()).containsExactly(new PgHost("db.example.com", 5432, "10.0.0.1"),
                new PgHost("db2", 5432, "2001:db8::1"));
        assertThat(o.hosts().get(0)).hasToString("db.example.com (10.0.0.1):5432");
    }

    @Test
    void hostaddrWithoutHostConnectsToTheAddress() {
        assertThat(parse(home, "hostaddr=192.0.2.7").hosts()).containsExactly(new PgHost("192.0.2.7", 5432));
    }

    @Test
    void quotedValuesWithSpacesEscapesAndEmptyString() {
        PgConnectOptions o = parse(home, "host='' application_name='my app' password='it\\'s \\\\ ok'"
                + " options='-c search_path=a'");
        assertThat(o.hosts()).containsExactly(new PgHost("localhost", 5432));
        assertThat(o.applicationName()).isEqualTo("my app");
        assertThat(o.password()).isEqualTo("it's \\ ok");
        assertThat(o.options()).isEqualTo("-c search_path=a");
    }

    @Test
    void backslashEscapesInUnquotedValues() {
        PgConnectOptions o = parse(home, "application_name=a\\ b password=x\\'y");
        assertThat(o.applicationName()).isEqualTo("a b");
        assertThat(o.password()).isEqualTo("x'y");
    }

    @Test
    void whitespaceAroundEqualsAndBetweenPairs() {
        PgConnectOptions o = parse(home, "  host = h1 \t dbname =\n db   user=u ");
        assertThat(o.hosts()).containsExactly(new PgHost("h1", 5432));
        assertThat(o.database()).isEqualTo("db");
        assertThat(o.user()).isEqualTo("u");
    }

    @Test
    void keyValueValueIsNotPercentDecoded() {
        assertThat(parse(home, "application_name=a%20b").applicationName()).isEqualTo("a%20b");
    }

    @Test
    void unixSocketInKeyValue() {
        PgHost h = parse(home, "host=/tmp port=5433").hosts().get(0);
        assertThat(h.isUnixSocket()).isTrue();
        assertThat(h.socketPath()).isEqualTo("/tmp/.s.PGSQL.5433");
    }

    @Test
    void ipv6WithoutBracketsInKeyValueAndBracketsTolerated() {
        assertThat(parse(home, "host=::1 port=5433").hosts()).containsExactly(new PgHost("::1", 5433));
        assertThat(parse(home, "host=[::1]").hosts()).containsExactly(new PgHost("::1", 5432));
    }

    @Test
    void emptyConnectionStringGivesDefaults() {
        PgConnectOptions o = parse(home, "   ");
        assertThat(o.hosts()).containsExactly(new PgHost("localhost", 5432));
    }

    @Test
    void parseIsBuilderDsnBuild() {
        String dsn = "postgresql://u@h:6543/d?sslmode=disable";
        PgConnectOptions viaParse = PgConnectOptions.parse(dsn);
        PgConnectOptions viaBuilder = PgConnectOptions.builder().dsn(dsn).build();
        assertThat(viaParse.hosts()).isEqualTo(viaBuilder.hosts()).containsExactly(new PgHost("h", 6543));
        assertThat(viaParse.sslMode()).isEqualTo(SslMode.DISABLE);
    }

    @Test
    void explicitServerSettingsOverrideTheUrlsKeyByKey() {
        PgConnectOptions o = isolated(home).dsn("postgresql://h/d?search_path=a&TimeZone=UTC")
                .serverSetting("search_path", "b").serverSetting("work_mem", "64MB").build();
        assertThat(o.serverSettings()).containsExactly(
                org.assertj.core.api.Assertions.entry("TimeZone", "UTC"),
                org.assertj.core.api.Assertions.entry("search_path", "b"),
                org.assertj.core.api.Assertions.entry("work_mem", "64MB"));
    }

    @Test
    void applicationNameAsServerSettingBecomesTheApplicationName() {
        PgConnectOptions o = isolated(home).serverSetting("application_name", "svc").build();
        assertThat(o.applicationName()).isEqualTo("svc");
        assertThat(o.serverSettings()).isEmpty();
    }
}
