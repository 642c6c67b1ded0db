package io.pgasync.testing;

/**
 * A login role of the test server.
 *
 * @param name the role name
 * @param password its password, or {@code null} when it authenticates without one (trust, cert)
 * @param method how {@code pg_hba.conf} authenticates it over TCP
 * @param sslOnly whether it may connect only over TLS ({@code hostssl})
 */
public record TestRole(String name, String password, AuthMethod method, boolean sslOnly) {

    @Override
    public String toString() {
        return "TestRole[" + name + ", " + method + (sslOnly ? ", ssl only" : "") + "]";
    }
}
