package io.pgasync.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.opentest4j.TestAbortedException;

/**
 * The PostgreSQL server the tests of this JVM run against: by default a throwaway cluster the harness starts once
 * per JVM (see {@link TestSettings} for the other modes), stopped and deleted when the JVM exits.
 *
 * <p>Get it with {@link #get()}, or as a parameter of a test in a class annotated {@link PgTest}. Everything a test
 * needs to connect is here: {@link #host()}, {@link #port()}, {@link #socketDirectory()}, {@link #database()},
 * the roles ({@link #mainRole()}, {@link #role(AuthMethod)}, {@link #sslOnlyRole()}, {@link #superuser()}), the
 * TLS files, the server version, and {@link #stop()}, {@link #start()}, {@link #restart()} for fault tests.
 * Accessors that only the harness's own cluster can answer skip the calling test (a JUnit assumption, with the
 * reason) when the server is an existing one.
 *
 * <p>{@link #admin()} is an independent channel to the server (pgjdbc, as superuser) for setting up and checking
 * state without trusting the driver under test.
 */
public final class PgTestServer {

    private static final Object LOCK = new Object();
    private static PgTestServer instance;
    private static RuntimeException startFailure;

    private final ServerBackend backend;
    private final String serverVersion;
    private final int serverVersionNum;

    private PgTestServer(ServerBackend backend) {
        this.backend = backend;
        try (Connection c = connectJdbc(backend.database(), backend.superuser());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('server_version'),"
                        + " current_setting('server_version_num')::int")) {
            rs.next();
            this.serverVersion = rs.getString(1);
            this.serverVersionNum = rs.getInt(2);
        } catch (SQLException e) {
            throw new IllegalStateException("the test server (" + backend.description() + ") does not answer: "
                    + e.getMessage() + (backend.logFile() != null ? "; server log: " + backend.logFile() : ""), e);
        }
    }

    /**
     * Returns this JVM's test server, starting it on first use.
     *
     * @return the server
     * @throws IllegalStateException when it cannot be started, with the reason and the server log's path
     */
    public static PgTestServer get() {
        synchronized (LOCK) {
            if (instance != null) {
                return instance;
            }
            if (startFailure != null) {
                throw new IllegalStateException("the test server failed to start earlier in this JVM: "
                        + startFailure.getMessage(), startFailure);
            }
            try {
                TestSettings settings = TestSettings.fromEnvironment();
                ServerBackend backend = switch (settings.mode()) {
                    case EXTERNAL -> ExternalServer.fromUrl(settings.url());
                    case TESTCONTAINERS -> ContainerServers.start(settings.image());
                    case EMBEDDED, LOCAL -> LocalCluster.create(settings);
                };
                Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "pgasync-test-server-shutdown"));
                instance = new PgTestServer(backend);
                return instance;
            } catch (RuntimeException | LinkageError e) {
                startFailure = e instanceof RuntimeException re ? re
                        : new IllegalStateException("the test server mode needs a library that is missing: " + e, e);
                throw startFailure;
            }
        }
    }

    /**
     * Describes where the server comes from, for logs.
     *
     * @return e.g. "own cluster: PostgreSQL 18.6.0 binaries from Maven Central (...)"
     */
    public String description() {
        return backend.description();
    }

    /**
     * Whether the harness started this server itself (and so controls its roles, TLS and lifecycle).
     *
     * @return true for the throwaway cluster
     */
    public boolean ownsCluster() {
        return backend.ownsCluster();
    }

    /**
     * Skips the calling test, saying why, unless the harness owns the cluster.
     *
     * @param why what the test needs the own cluster for
     */
    public void requireOwnCluster(String why) {
        if (!backend.ownsCluster()) {
            throw new TestAbortedException("needs the harness's own cluster (" + why + "), but the server is "
                    + backend.description() + "; unset PGASYNC_TEST_URL / PGASYNC_TEST_MODE to run it");
        }
    }

    /**
     * The host to connect to over TCP.
     *
     * @return an IP address or host name
     */
    public String host() {
        return backend.host();
    }

    /**
     * The TCP port.
     *
     * @return the port
     */
    public int port() {
        return backend.port();
    }

    /**
     * The directory of the server's unix domain socket ({@code .s.PGSQL.<port>}).
     *
     * @return the directory
     */
    public Path socketDirectory() {
        requireOwnCluster("unix socket");
        return backend.socketDirectory();
    }

    /**
     * The test database, which every role may use and which has the hstore and citext extensions.
     *
     * @return the database name
     */
    public String database() {
        return backend.database();
    }

    /**
     * The role most tests use: SCRAM password, owner of the test database, CREATEDB and CREATEROLE.
     *
     * @return the role
     */
    public TestRole mainRole() {
        return backend.mainRole();
    }

    /**
     * The superuser (SCRAM over TCP).
     *
     * @return the role
     */
    public TestRole superuser() {
        return backend.superuser();
    }

    /**
     * The role that {@code pg_hba.conf} authenticates with the given method.
     *
     * @param method the authentication method
     * @return the role
     */
    public TestRole role(AuthMethod method) {
        requireOwnCluster("a role authenticated by " + method);
        return Objects.requireNonNull(backend.rolesByMethod().get(method));
    }

    /**
     * A role (SCRAM password) that {@code pg_hba.conf} admits only over TLS ({@code hostssl}).
     *
     * @return the role
     */
    public TestRole sslOnlyRole() {
        requireOwnCluster("an ssl-only role");
        return backend.sslOnlyRole();
    }

    /**
     * The CA that signed the server certificate and the client certificate (PEM).
     *
     * @return the file
     */
    public Path caCertificate() {
        requireOwnCluster("TLS files");
        return backend.tls().caCertificate();
    }

    /**
     * The server's certificate (PEM; subject alternative names {@code localhost}, {@code 127.0.0.1}, {@code ::1}).
     *
     * @return the file
     */
    public Path serverCertificate() {
        requireOwnCluster("TLS files");
        return backend.tls().serverCertificate();
    }

    /**
     * A client certificate (PEM) whose CN is the {@link AuthMethod#CERT} role.
     *
     * @return the file
     */
    public Path clientCertificate() {
        requireOwnCluster("TLS files");
        return backend.tls().clientCertificate();
    }

    /**
     * The key of {@link #clientCertificate()} (unencrypted PKCS#8 PEM, mode 0600).
     *
     * @return the file
     */
    public Path clientKey() {
        requireOwnCluster("TLS files");
        return backend.tls().clientKey();
    }

    /**
     * A CA unrelated to the server's certificate (PEM), for verification-failure tests.
     *
     * @return the file
     */
    public Path otherCaCertificate() {
        requireOwnCluster("TLS files");
        return backend.tls().otherCaCertificate();
    }

    /**
     * The server version as it reports it, e.g. {@code 18.6}.
     *
     * @return the {@code server_version} setting
     */
    public String serverVersion() {
        return serverVersion;
    }

    /**
     * The server version as a number, e.g. {@code 180006}.
     *
     * @return the {@code server_version_num} setting
     */
    public int serverVersionNum() {
        return serverVersionNum;
    }

    /**
     * The server's major version, e.g. {@code 18}.
     *
     * @return the major version
     */
    public int majorVersion() {
        return serverVersionNum / 10000;
    }

    /**
     * The server log (own cluster only).
     *
     * @return the log file
     */
    public Path logFile() {
        requireOwnCluster("the server log");
        return backend.logFile();
    }

    /**
     * The cluster's data directory (own cluster only).
     *
     * @return the directory
     */
    public Path dataDirectory() {
        requireOwnCluster("the data directory");
        return backend.dataDirectory();
    }

    /**
     * A {@code postgresql://} URL for a role, with its password, for the test database over TCP.
     *
     * @param role the role
     * @return the URL
     */
    public String url(TestRole role) {
        return "postgresql://" + encode(role.name()) + (role.password() == null ? "" : ":" + encode(role.password()))
                + "@" + host() + ":" + port() + "/" + encode(database());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Opens a pgjdbc connection to the test database as the superuser: an independent channel for setup and
     * checks. The caller closes it.
     *
     * @return a new connection
     * @throws SQLException when the server cannot be reached
     */
    public Connection admin() throws SQLException {
        return connectJdbc(database(), superuser());
    }

    /**
     * Opens a pgjdbc connection to the test database as the given role, with extra pgjdbc properties
     * ({@code sslmode}, {@code sslrootcert}, ...). The caller closes it.
     *
     * @param role the role
     * @param properties pgjdbc connection properties, as name/value pairs
     * @return a new connection
     * @throws SQLException when the connection fails
     */
    public Connection jdbc(TestRole role, String... properties) throws SQLException {
        Properties props = jdbcProperties(role);
        for (int i = 0; i + 1 < properties.length; i += 2) {
            props.setProperty(properties[i], properties[i + 1]);
        }
        return DriverManager.getConnection(jdbcUrl(database()), props);
    }

    /**
     * Runs SQL statements on the admin channel.
     *
     * @param statements SQL statements, run in order
     */
    public void execute(String... statements) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("admin SQL failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a query on the admin channel and returns the first column of every row as text.
     *
     * @param sql the query
     * @return the values (null for SQL NULL)
     */
    public List<String> queryColumn(String sql) {
        try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("admin query failed: " + e.getMessage(), e);
        }
    }

    /** Stops the server ({@code pg_ctl stop -m fast}); own cluster only. */
    public void stop() {
        requireOwnCluster("stopping the server");
        backend.stop();
    }

    /** Starts the server after {@link #stop()}; own cluster only. */
    public void start() {
        requireOwnCluster("starting the server");
        backend.start();
    }

    /** Restarts the server ({@code pg_ctl restart -m fast}, same port); own cluster only. */
    public void restart() {
        requireOwnCluster("restarting the server");
        backend.restart();
    }

    private Connection connectJdbc(String database, TestRole role) throws SQLException {
        Properties props = jdbcProperties(role);
        if (backend.ownsCluster()) {
            props.setProperty("sslmode", "disable"); // the admin channel needs no TLS on loopback
        }
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://" + backend.host() + ":" + backend.port() + "/" + database;
    }

    private static Properties jdbcProperties(TestRole role) {
        Properties props = new Properties();
        props.setProperty("user", role.name());
        if (role.password() != null) {
            props.setProperty("password", role.password());
        }
        props.setProperty("connectTimeout", "10");
        return props;
    }

    @Override
    public String toString() {
        return "PgTestServer[" + description() + ", " + host() + ":" + port() + ", PostgreSQL " + serverVersion + "]";
    }
}
