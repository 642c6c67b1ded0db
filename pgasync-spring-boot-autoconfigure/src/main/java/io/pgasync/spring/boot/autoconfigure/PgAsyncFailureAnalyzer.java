package io.pgasync.spring.boot.autoconfigure;

import io.pgasync.exception.PgAuthenticationException;
import io.pgasync.exception.PgConfigurationException;
import io.pgasync.exception.PgConnectionException;
import io.pgasync.exception.PgServerException;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.util.ClassUtils;

/**
 * Explains why the pgasync pool could not be created at start-up: an invalid setting (naming the property to fix
 * and what is accepted), or, with {@code pgasync.pool.fail-fast}, a server that could not be reached or refused the
 * login.
 */
final class PgAsyncFailureAnalyzer implements FailureAnalyzer {

    /** Driver option names (as {@link PgConfigurationException#getKey()} gives them) to property names. */
    private static final Map<String, String> PROPERTY_BY_KEY = Map.ofEntries(
            Map.entry("host", "pgasync.host (or the host in pgasync.url)"),
            Map.entry("port", "pgasync.port (or the port in pgasync.url)"),
            Map.entry("dbname", "pgasync.database (or the database in pgasync.url)"),
            Map.entry("user", "pgasync.username (or the user in pgasync.url)"),
            Map.entry("sslmode", "pgasync.ssl.mode (or sslmode in pgasync.url)"),
            Map.entry("sslrootcert", "pgasync.ssl.root-cert"),
            Map.entry("sslcert", "pgasync.ssl.cert"),
            Map.entry("sslkey", "pgasync.ssl.key"),
            Map.entry("sslcontext", "pgasync.ssl.bundle"),
            Map.entry("connect_timeout", "pgasync.connect-timeout"),
            Map.entry("commandtimeout", "pgasync.command-timeout"),
            Map.entry("statementcachesize", "pgasync.statement-cache.size"),
            Map.entry("maxcachedstatementlifetime", "pgasync.statement-cache.max-lifetime"),
            Map.entry("maxcacheablestatementsize", "pgasync.statement-cache.max-statement-size"),
            Map.entry("target_session_attrs", "pgasync.target-session-attrs"),
            Map.entry("application_name", "pgasync.application-name"),
            Map.entry("name", "pgasync.pool.name"),
            Map.entry("minsize", "pgasync.pool.min-size"),
            Map.entry("maxsize", "pgasync.pool.max-size"),
            Map.entry("maxqueries", "pgasync.pool.max-queries"),
            Map.entry("acquiretimeout", "pgasync.pool.acquire-timeout"),
            Map.entry("createtimeout", "pgasync.pool.create-timeout"),
            Map.entry("validationtimeout", "pgasync.pool.validation-timeout"),
            Map.entry("validateafteridle", "pgasync.pool.validate-after-idle"),
            Map.entry("hooktimeout", "pgasync.pool.hook-timeout"),
            Map.entry("maxlifetime", "pgasync.pool.max-lifetime"),
            Map.entry("maxinactivelifetime", "pgasync.pool.max-inactive-lifetime"),
            Map.entry("keepalivetime", "pgasync.pool.keepalive-time"),
            Map.entry("leakdetectionthreshold", "pgasync.pool.leak-detection-threshold"),
            Map.entry("maxpendingacquires", "pgasync.pool.max-pending-acquires"),
            Map.entry("createretryinitialdelay", "pgasync.pool.create-retry-initial-delay"),
            Map.entry("createretrymaxdelay", "pgasync.pool.create-retry-max-delay"));

    private static final boolean DRIVER_PRESENT = ClassUtils.isPresent("io.pgasync.PgPool",
            PgAsyncFailureAnalyzer.class.getClassLoader());

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        if (!DRIVER_PRESENT) {
            return null;
        }
        PgConfigurationException config = find(failure, PgConfigurationException.class);
        if (config != null) {
            String property = property(config.getKey());
            return new FailureAnalysis("The pgasync connection pool could not be configured: " + config.getMessage(),
                    "Fix " + property + " in your configuration (application.properties or application.yml,"
                            + " environment variables, or a PgAsync*Customizer bean). docs/spring-boot.md lists every"
                            + " pgasync.* property with its default and accepted values.",
                    config);
        }
        PgAsyncStartupException startup = find(failure, PgAsyncStartupException.class);
        if (startup != null) {
            return new FailureAnalysis(startup.getMessage(),
                    startup.getAction() != null ? startup.getAction() : action(startup.getCause()), startup);
        }
        return null;
    }

    private static String action(Throwable cause) {
        if (find(cause, PgAuthenticationException.class) != null) {
            return "Check pgasync.username and pgasync.password (or the credentials in pgasync.url), and the server's"
                    + " pg_hba.conf rules for this user, database and client address.";
        }
        PgServerException server = find(cause, PgServerException.class);
        if (server != null) {
            return "The server refused the connection (SQLSTATE " + server.getSqlState() + "): check the database"
                    + " name, the user's privileges and the server's limits.";
        }
        if (find(cause, PgConnectionException.class) != null) {
            return "Check that PostgreSQL is running and reachable at pgasync.url / pgasync.host and pgasync.port,"
                    + " or turn pgasync.pool.fail-fast off to start without the database (the pool then connects"
                    + " in the background and retries).";
        }
        return "Check the pgasync.* connection settings, or turn pgasync.pool.fail-fast off to start without the"
                + " database.";
    }

    private static String property(String key) {
        if (key == null) {
            return "the pgasync.* settings";
        }
        String normalized = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (Map.Entry<String, String> e : PROPERTY_BY_KEY.entrySet()) {
            if (e.getKey().replace("_", "").equals(normalized)) {
                return e.getValue();
            }
        }
        return "the setting '" + key + "' (pgasync.url query parameter, or the matching pgasync.* property)";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Throwable t = failure;
        int depth = 0;
        while (t != null && depth++ < 32) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            t = t.getCause();
        }
        return null;
    }
}
