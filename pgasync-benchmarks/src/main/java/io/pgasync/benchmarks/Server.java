package io.pgasync.benchmarks;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgHost;
import io.pgasync.testing.PgTestServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL every driver talks to, over TCP without TLS: the test harness's throwaway cluster by default
 * (the PostgreSQL version the build names), or an existing server given by URL.
 */
record Server(String host, int port, String database, String user, String password, String description) {

    /**
     * The server to use.
     *
     * @param url a {@code postgresql://} URL, or null for the throwaway cluster
     * @return the server
     */
    static Server open(String url) {
        if (url != null) {
            PgConnectOptions options = PgConnectOptions.parse(url);
            PgHost host = options.hosts().get(0);
            return new Server(host.host(), host.port(), options.database(), options.user(), options.password(),
                    "existing server " + host.host() + ":" + host.port());
        }
        if (System.getProperty("pgasync.test.pg.version") == null) {
            System.setProperty("pgasync.test.pg.version", buildProperty("pg.version"));
        }
        PgTestServer server = PgTestServer.get();
        var role = server.mainRole();
        return new Server(server.host(), server.port(), server.database(), role.name(), role.password(),
                "throwaway cluster (" + server.description() + ")");
    }

    /** The JDBC URL pgjdbc connects with. */
    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=disable";
    }

    /** A plain pgjdbc connection for setup and between-window chores. */
    Connection admin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /** The server's {@code version()} string. */
    String version() {
        try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT current_setting('server_version')")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        } catch (SQLException e) {
            return "PostgreSQL (version unknown: " + e.getMessage() + ")";
        }
    }

    static String buildProperty(String name) {
        Properties props = new Properties();
        try (InputStream in = Server.class.getResourceAsStream("/benchmarks.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty(name, "");
    }
}
