package io.pgasync.testing;

import java.nio.file.Path;
import java.util.Map;

/** What a kind of test server (own cluster, existing server, container) provides to {@link PgTestServer}. */
interface ServerBackend {

    String description();

    boolean ownsCluster();

    String host();

    int port();

    /** The unix socket directory, or null when the server is not local. */
    Path socketDirectory();

    String database();

    TestRole mainRole();

    TestRole superuser();

    /** Roles by authentication method; empty when the server is not the harness's own. */
    Map<AuthMethod, TestRole> rolesByMethod();

    /** A role that pg_hba.conf admits only over TLS, or null. */
    TestRole sslOnlyRole();

    /** TLS material, or null when the server is not the harness's own. */
    TlsFiles tls();

    Path logFile();

    Path dataDirectory();

    void stop();

    void start();

    void restart();

    void close();

    /**
     * PEM files of the cluster's TLS setup.
     *
     * @param caCertificate the CA that signed the server and client certificates
     * @param serverCertificate the server's certificate (SAN localhost, 127.0.0.1)
     * @param clientCertificate a client certificate whose CN is the cert role
     * @param clientKey its key (PKCS#8, mode 0600)
     * @param otherCaCertificate an unrelated CA, for negative tests
     */
    record TlsFiles(Path caCertificate, Path serverCertificate, Path clientCertificate, Path clientKey,
            Path otherCaCertificate) {}
}
