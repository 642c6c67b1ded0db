package io.pgasync.testing;

import io.pgasync.testing.tls.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster owned by this JVM: {@code initdb} into a fresh temporary directory, TLS with
 * certificates minted for this run, one role per authentication method, {@code pg_ctl} to start and stop it.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root the server programs run in a new user namespace
 * ({@code unshare -U}, where the process is not root), or, where that is not permitted, as an unprivileged OS
 * user through {@code runuser}.
 *
 * <p>A watchdog shell process, whose standard input is a pipe from this JVM, stops the cluster and deletes its
 * directory when the JVM goes away, however it ends; a shutdown hook does the same on a normal exit.
 */
final class LocalCluster implements ServerBackend {

    static final String SUPERUSER = "postgres";
    static final String MAIN_ROLE = "pgasync";
    static final String DATABASE = "pgasync_test";
    static final String CERT_ROLE = "pgasync_cert";
    static final String SSL_ONLY_ROLE = "pgasync_sslonly";

    private static final Duration PROGRAM_TIMEOUT = Duration.ofSeconds(120);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final System.Logger LOG = System.getLogger("io.pgasync.testing");

    private final PostgresBinaries binaries;
    private final List<String> privilegePrefix;
    private final Path baseDirectory;
    private final Path dataDirectory;
    private final Path socketDirectory;
    private final Path logFile;
    private final int port;
    private final TestRole superuser;
    private final TestRole mainRole;
    private final TestRole sslOnlyRole;
    private final Map<AuthMethod, TestRole> roles;
    private final TlsFiles tls;
    private final String startupReport;
    private volatile boolean running;
    private Process watchdog;

    private LocalCluster(TestSettings settings) {
        long t0 = System.nanoTime();
        this.binaries = PostgresBinaries.locate(settings);
        long tBinaries = System.nanoTime();
        this.baseDirectory = createBaseDirectory();
        this.dataDirectory = baseDirectory.resolve("data");
        this.socketDirectory = baseDirectory.resolve("sock");
        this.logFile = baseDirectory.resolve("postgres.log");
        String runAs = chooseUnprivilegedUser();
        this.privilegePrefix = privilegePrefix(runAs);
        startWatchdog();

        this.superuser = new TestRole(SUPERUSER, randomPassword(), AuthMethod.SCRAM_SHA_256, false);
        this.mainRole = new TestRole(MAIN_ROLE, randomPassword(), AuthMethod.SCRAM_SHA_256, false);
        this.sslOnlyRole = new TestRole(SSL_ONLY_ROLE, randomPassword(), AuthMethod.SCRAM_SHA_256, true);
        Map<AuthMethod, TestRole> byMethod = new EnumMap<>(AuthMethod.class);
        byMethod.put(AuthMethod.TRUST, new TestRole("pgasync_trust", null, AuthMethod.TRUST, false));
        byMethod.put(AuthMethod.PASSWORD, new TestRole("pgasync_password", randomPassword(), AuthMethod.PASSWORD, false));
        byMethod.put(AuthMethod.MD5, new TestRole("pgasync_md5", randomPassword(), AuthMethod.MD5, false));
        byMethod.put(AuthMethod.SCRAM_SHA_256,
                new TestRole("pgasync_scram", randomPassword(), AuthMethod.SCRAM_SHA_256, false));
        byMethod.put(AuthMethod.CERT, new TestRole(CERT_ROLE, null, AuthMethod.CERT, true));
        this.roles = Map.copyOf(byMethod);

        try {
            this.tls = createTlsFiles(baseDirectory.resolve("tls"));
            long tTls = System.nanoTime();
            initdb();
            long tInitdb = System.nanoTime();
            this.port = startOnFreePort();
            long tStart = System.nanoTime();
            createRolesAndDatabase();
            long tSetup = System.nanoTime();
            this.startupReport = String.format(
                    "test cluster ready in %.1f s (binaries %.1f s, certificates %.1f s, initdb %.1f s, start %.1f s,"
                            + " roles and database %.1f s); %s; port %d; log %s",
                    seconds(t0, tSetup), seconds(t0, tBinaries), seconds(tBinaries, tTls), seconds(tTls, tInitdb),
                    seconds(tInitdb, tStart), seconds(tStart, tSetup), binaries.description(), port, logFile);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (runAs != null) {
            LOG.log(System.Logger.Level.INFO, "running the test cluster as OS user " + runAs);
        }
        LOG.log(System.Logger.Level.INFO, startupReport);
    }

    static LocalCluster create(TestSettings settings) {
        return new LocalCluster(settings);
    }

    String startupReport() {
        return startupReport;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    // ---- directories and privileges -------------------------------------------------------------------------

    private static Path createBaseDirectory() {
        // unix socket paths are limited to 107 bytes: prefer a short temporary directory
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        if (tmp.toString().length() > 40 && Files.isDirectory(Path.of("/tmp"))) {
            tmp = Path.of("/tmp");
        }
        try {
            Path base = Files.createTempDirectory(tmp, "pgasync-test-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createDirectory(base.resolve("sock"));
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the test cluster directory under " + tmp, e);
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Null when the server programs can run as this JVM's user or in a user namespace. */
    private String chooseUnprivilegedUser() {
        if (!isRoot() || canUnshare()) {
            return null;
        }
        for (String candidate : new String[] {"postgres", "nobody"}) {
            if (runQuietly(List.of("id", "-u", candidate)) == 0 && runQuietly(List.of("runuser", "--help")) == 0) {
                chownRecursively(baseDirectory, candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("This JVM runs as root, which PostgreSQL refuses, and neither a user"
                + " namespace (unshare -U) nor runuser with a 'postgres' or 'nobody' user is available. Run the tests"
                + " as an unprivileged user, or set PGASYNC_TEST_URL to an existing server.");
    }

    private List<String> privilegePrefix(String runAs) {
        if (!isRoot()) {
            return List.of();
        }
        return runAs == null ? List.of("unshare", "-U") : List.of("runuser", "-u", runAs, "--");
    }

    private static boolean canUnshare() {
        return runQuietly(List.of("unshare", "-U", "true")) == 0;
    }

    private static int runQuietly(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void chownRecursively(Path dir, String user) {
        try (Stream<Path> paths = Files.walk(dir)) {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.setOwner(p, owner);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not hand " + dir + " to OS user " + user, e);
        }
    }

    /**
     * Starts a shell that waits for end-of-file on its standard input (a pipe from this JVM) and then stops the
     * cluster and deletes its directory: the cluster never outlives the JVM, even one that was killed.
     */
    private void startWatchdog() {
        String stop = String.join(" ", privilegePrefix.stream().map(LocalCluster::shellQuote).toList())
                + " " + shellQuote(binaries.program("pg_ctl").toString()) + " -D " + shellQuote(dataDirectory.toString())
                + " -m immediate -w -t 30 stop";
        String script = "while read -r _; do :; done; " + stop + " >/dev/null 2>&1; rm -rf "
                + shellQuote(baseDirectory.toString());
        List<String> command = new ArrayList<>();
        if (runQuietly(List.of("setsid", "--version")) == 0) {
            command.add("setsid"); // out of the terminal's process group: Ctrl-C of the build must not kill it
        }
        command.addAll(List.of("sh", "-c", script));
        try {
            watchdog = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the test cluster watchdog", e);
        }
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    // ---- TLS ------------------------------------------------------------------------------------------------

    private TlsFiles createTlsFiles(Path dir) {
        TestCertificates.Issued ca = TestCertificates.certificateAuthority("pgasync test CA", dir, "ca");
        TestCertificates.Issued server = TestCertificates.serverCertificate(ca, "localhost", List.of("localhost"),
                List.of("127.0.0.1", "::1"), TestCertificates.KeyType.EC_P256, dir, "server");
        TestCertificates.Issued client = TestCertificates.clientCertificate(ca, CERT_ROLE, dir, "client");
        TestCertificates.Issued other = TestCertificates.certificateAuthority("unrelated test CA", dir, "other-ca");
        if (privilegePrefix.size() > 2) { // runuser: the server reads its key as that user
            chownRecursively(dir, privilegePrefix.get(2));
        }
        return new TlsFiles(ca.certificateFile(), server.certificateFile(), client.certificateFile(),
                client.keyFile(), other.certificateFile());
    }

    // ---- initdb, configuration, start -----------------------------------------------------------------------

    private void initdb() {
        Path pwfile = baseDirectory.resolve("pwfile");
        try {
            Files.writeString(pwfile, superuser.password() + "\n");
            if (privilegePrefix.size() > 2) {
                chownRecursively(pwfile, privilegePrefix.get(2));
            }
            run(List.of(binaries.program("initdb").toString(), "-D", dataDirectory.toString(), "-U", SUPERUSER,
                    "--pwfile=" + pwfile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"));
            Files.delete(pwfile);
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), hbaConf());
            Files.writeString(dataDirectory.resolve("postgresql.conf"), "\n# pgasync test harness\n"
                    + "listen_addresses = '127.0.0.1'\n"
                    + "unix_socket_directories = '" + socketDirectory + "'\n"
                    + "ssl = on\n"
                    + "ssl_cert_file = '" + tls.serverCertificate() + "'\n"
                    + "ssl_key_file = '" + tls.serverCertificate().resolveSibling("server.key") + "'\n"
                    + "ssl_ca_file = '" + tls.caCertificate() + "'\n"
                    + "password_encryption = 'scram-sha-256'\n"
                    + "max_connections = 200\n"
                    + "max_prepared_transactions = 20\n"
                    + "fsync = off\n"
                    + "synchronous_commit = off\n"
                    + "full_page_writes = off\n"
                    + "log_line_prefix = '%m [%p] %q%u@%d '\n"
                    + "log_min_messages = warning\n"
                    + "lc_messages = 'C'\n",
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not configure the test cluster in " + dataDirectory, e);
        }
    }

    private static String hbaConf() {
        StringBuilder hba = new StringBuilder("# pgasync test harness: one role per authentication method\n");
        hba.append("local all postgres trust\n");
        hba.append("host  all postgres 127.0.0.1/32 scram-sha-256\n");
        String[][] byMethod = {
            {"pgasync_trust", "trust"}, {"pgasync_password", "password"}, {"pgasync_md5", "md5"},
            {"pgasync_scram", "scram-sha-256"},
        };
        for (String[] line : byMethod) {
            hba.append("local all ").append(line[0]).append(' ').append(line[1]).append('\n');
            hba.append("host  all ").append(line[0]).append(" 127.0.0.1/32 ").append(line[1]).append('\n');
        }
        hba.append("hostssl all ").append(CERT_ROLE).append(" 127.0.0.1/32 cert\n");
        hba.append("hostssl all ").append(SSL_ONLY_ROLE).append(" 127.0.0.1/32 scram-sha-256\n");
        for (String sslOnly : new String[] {CERT_ROLE, SSL_ONLY_ROLE}) {
            hba.append("local all ").append(sslOnly).append(" reject\n");
            hba.append("host  all ").append(sslOnly).append(" 127.0.0.1/32 reject\n");
        }
        hba.append("local all all scram-sha-256\n");
        hba.append("host  all all 127.0.0.1/32 scram-sha-256\n");
        return hba.toString();
    }

    private int startOnFreePort() {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int candidate = freePort();
            try {
                Files.writeString(dataDirectory.resolve("postgresql.auto.conf"),
                        "# pgasync test harness\nport = " + candidate + "\n");
                pgCtl("start", "-l", logFile.toString());
                running = true;
                return candidate;
            } catch (IllegalStateException e) {
                last = e; // most likely the port was taken between choosing and binding it
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw last;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
        }
    }

    private void createRolesAndDatabase() {
        try (Connection c = adminConnection("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + MAIN_ROLE + " LOGIN CREATEDB CREATEROLE PASSWORD '" + mainRole.password() + "'");
            s.execute("CREATE ROLE " + SSL_ONLY_ROLE + " LOGIN PASSWORD '" + sslOnlyRole.password() + "'");
            for (TestRole role : roles.values()) {
                String password = role.password() == null ? ""
                        : " PASSWORD '" + (role.method() == AuthMethod.MD5 ? md5Hash(role) : role.password()) + "'";
                s.execute("CREATE ROLE " + role.name() + " LOGIN" + password);
            }
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + MAIN_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test roles and database: " + e.getMessage()
                    + "; server log: " + logFile + "\n" + tail(logFile), e);
        }
        try (Connection c = adminConnection(DATABASE); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION hstore");
            s.execute("CREATE EXTENSION citext");
            s.execute("GRANT ALL ON SCHEMA public TO PUBLIC");
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the test database (hstore, citext): " + e.getMessage()
                    + "; server log: " + logFile, e);
        }
    }

    /** PostgreSQL's MD5 password hash: "md5" + md5(password || username). */
    private static String md5Hash(TestRole role) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((role.password() + role.name()).getBytes(StandardCharsets.UTF_8));
            return "md5" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Connection adminConnection(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("password", superuser.password());
        props.setProperty("sslmode", "disable");
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    // ---- process control ------------------------------------------------------------------------------------

    private void pgCtl(String action, String... extra) {
        List<String> command = new ArrayList<>(List.of(binaries.program("pg_ctl").toString(), "-D",
                dataDirectory.toString(), "-w", "-t", "60"));
        if (action.equals("stop") || action.equals("restart")) {
            command.addAll(List.of("-m", "fast"));
        }
        command.addAll(List.of(extra));
        command.add(action);
        run(command);
    }

    private void run(List<String> program) {
        List<String> command = new ArrayList<>(privilegePrefix);
        command.addAll(program);
        String name = Path.of(program.get(0)).getFileName() + (program.size() > 1
                ? " " + program.get(program.size() - 1) : "");
        try {
            Path output = Files.createTempFile(baseDirectory, "cmd-", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            boolean finished = process.waitFor(PROGRAM_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            String text = Files.readString(output);
            Files.deleteIfExists(output);
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + PROGRAM_TIMEOUT + ": " + text
                        + "\nserver log: " + logFile + "\n" + tail(logFile));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "): " + text.trim()
                        + "\nserver log: " + logFile + "\n" + tail(logFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "(no server log)";
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(server log unreadable: " + e + ")";
        }
    }

    // ---- ServerBackend ----------------------------------------------------------------------------------------

    @Override
    public String description() {
        return "own cluster: " + binaries.description();
    }

    @Override
    public boolean ownsCluster() {
        return true;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Path socketDirectory() {
        return socketDirectory;
    }

    @Override
    public String database() {
        return DATABASE;
    }

    @Override
    public TestRole mainRole() {
        return mainRole;
    }

    @Override
    public TestRole superuser() {
        return superuser;
    }

    @Override
    public Map<AuthMethod, TestRole> rolesByMethod() {
        return roles;
    }

    @Override
    public TestRole sslOnlyRole() {
        return sslOnlyRole;
    }

    @Override
    public TlsFiles tls() {
        return tls;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public synchronized void stop() {
        if (running) {
            pgCtl("stop");
            running = false;
        }
    }

    @Override
    public synchronized void start() {
        if (!running) {
            pgCtl("start", "-l", logFile.toString());
            running = true;
        }
    }

    @Override
    public synchronized void restart() {
        if (running) {
            pgCtl("restart", "-l", logFile.toString());
        } else {
            start();
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (running) {
                pgCtl("stop");
                running = false;
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not stop the test cluster cleanly: " + e.getMessage());
        }
        try {
            PostgresBinaries.deleteRecursively(baseDirectory);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete " + baseDirectory + ": " + e);
        }
        if (watchdog != null) {
            try {
                watchdog.getOutputStream().close(); // the watchdog finds nothing left to do and exits
            } catch (IOException ignored) {
                // it is gone already
            }
        }
    }
}
