package io.pgasync.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * An existing server named by {@code PGASYNC_TEST_URL} ({@code postgresql://user:password@host:port/database}), or
 * one started by Testcontainers. The harness cannot configure it, so it offers one role (the URL's user, used as
 * both the main role and the superuser) and no TLS files; tests that need more are skipped.
 */
final class ExternalServer implements ServerBackend {

    private final String description;
    private final String host;
    private final int port;
    private final String database;
    private final TestRole role;
    private final AutoCloseable onClose;

    ExternalServer(String description, String host, int port, String database, TestRole role, AutoCloseable onClose) {
        this.description = description;
        this.host = host;
        this.port = port;
        this.database = database;
        this.role = role;
        this.onClose = onClose;
    }

    static ExternalServer fromUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.startsWith("postgres://") ? "postgresql://" + url.substring("postgres://".length())
                    : url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("PGASYNC_TEST_URL is not a postgresql:// URL (the value is not shown: it"
                    + " may hold a password)");
        }
        if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalStateException("PGASYNC_TEST_URL must look like postgresql://user:password@host:port/db");
        }
        String user = "postgres";
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String path = uri.getPath();
        String database = path == null || path.length() <= 1 ? user : decode(path.substring(1));
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        return new ExternalServer("existing server " + uri.getHost() + ":" + port + "/" + database, uri.getHost(),
                port, database, new TestRole(user, password, AuthMethod.SCRAM_SHA_256, false), () -> {});
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean ownsCluster() {
        return false;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Path socketDirectory() {
        return null;
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public TestRole mainRole() {
        return role;
    }

    @Override
    public TestRole superuser() {
        return role;
    }

    @Override
    public Map<AuthMethod, TestRole> rolesByMethod() {
        return Map.of();
    }

    @Override
    public TestRole sslOnlyRole() {
        return null;
    }

    @Override
    public TlsFiles tls() {
        return null;
    }

    @Override
    public Path logFile() {
        return null;
    }

    @Override
    public Path dataDirectory() {
        return null;
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("the harness cannot stop " + description);
    }

    @Override
    public void start() {
        throw new UnsupportedOperationException("the harness cannot start " + description);
    }

    @Override
    public void restart() {
        throw new UnsupportedOperationException("the harness cannot restart " + description);
    }

    @Override
    public void close() {
        try {
            onClose.close();
        } catch (Exception e) {
            System.getLogger("io.pgasync.testing").log(System.Logger.Level.WARNING, "closing " + description, e);
        }
    }
}
