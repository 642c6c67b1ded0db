package io.pgasync.internal.tls;

import io.pgasync.exception.PgClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The TLS settings of a connection, resolved from libpq-style options ({@code sslmode}, {@code sslrootcert},
 * {@code sslcert}, {@code sslkey}, {@code sslpassword}, {@code sslsni}) by {@link #resolve}. Immutable; build the
 * {@link SSLContext} from it once with {@link TlsEngines#context} and an engine per connection with
 * {@link TlsEngines#newEngine}.
 *
 * @param verification what is checked about the server's certificate
 * @param rootCertificate PEM file with the trusted CA certificates (several allowed), or null
 * @param systemTrust whether to trust the JDK's default trust store ({@code sslrootcert=system})
 * @param clientCertificate PEM file with the client certificate, then any intermediates, or null
 * @param clientKey the client certificate's private key file, or null
 * @param keyPassword the password of an encrypted {@code clientKey} ({@code sslpassword}), or null; never printed
 * @param customContext a caller-supplied context that defines trust and client keys itself, or null. Hostname
 *     verification for {@link Verification#FULL} is still applied by {@link TlsEngines#newEngine}, whatever the
 *     context's trust managers do
 * @param userHome the directory holding {@code .postgresql/} for the default files, or null for {@code user.home}
 * @param sni whether to send the host name in the TLS Server Name Indication ({@code sslsni}, default true)
 */
public record TlsSettings(
        Verification verification,
        Path rootCertificate,
        boolean systemTrust,
        Path clientCertificate,
        Path clientKey,
        String keyPassword,
        SSLContext customContext,
        Path userHome,
        boolean sni) {

    /** What is verified about the server's certificate. */
    public enum Verification {
        /** Encrypt only: any certificate is accepted, no name check (libpq {@code require} without a root file). */
        NONE,
        /** The chain must lead to a trusted root; the name is not checked ({@code verify-ca}). */
        CA,
        /** {@link #CA}, and the certificate must name the host connected to ({@code verify-full}). */
        FULL
    }

    /** The default directory's name under the home directory, as in libpq. */
    static final String DEFAULT_DIRECTORY = ".postgresql";
    static final String DEFAULT_ROOT_CERT = "root.crt";
    static final String DEFAULT_CLIENT_CERT = "postgresql.crt";
    static final String DEFAULT_CLIENT_KEY = "postgresql.key";

    /**
     * Creates settings as given; prefer {@link #resolve}, which applies libpq's rules.
     *
     * @throws NullPointerException when {@code verification} is null
     */
    public TlsSettings {
        Objects.requireNonNull(verification, "verification");
    }

    /**
     * Resolves libpq's rules into settings.
     *
     * <ul>
     *   <li>{@code sslMode} null means "not set": {@code verify-full} when {@code systemTrust}, else
     *       {@code prefer} (libpq's defaults; libpq forces {@code verify-full} for {@code sslrootcert=system}).
     *       With {@code systemTrust}, any mode other than {@code verify-full} is an error, as in libpq 16+.
     *   <li>{@code disable} returns null: no TLS is attempted, and no file is read.
     *   <li>Without {@code custom}: files not given are taken from {@code <home>/.postgresql/} ({@code root.crt},
     *       {@code postgresql.crt}, {@code postgresql.key}; {@code %APPDATA%\postgresql\} on Windows when
     *       {@code userHome} is null) when they exist. A file that is given explicitly must exist: unlike libpq,
     *       which silently ignores a missing {@code sslrootcert} under {@code require} and a missing
     *       {@code sslcert}, we refuse, so that a typo cannot switch verification or the client certificate off.
     *   <li>{@code verify-full} gives {@link Verification#FULL}, {@code verify-ca} {@link Verification#CA}. Both need
     *       a root certificate file, {@code systemTrust} or {@code custom}, else an error says what to set.
     *   <li>{@code allow}, {@code prefer} and {@code require} give {@link Verification#CA} when a root certificate
     *       file exists (given or default) and {@link Verification#NONE} otherwise. libpq verifies the chain in every
     *       mode once a root file is loaded; the documentation states it for {@code require}, and the source
     *       ({@code fe-secure-openssl.c}, {@code initialize_SSL}) does it for {@code allow} and {@code prefer} too.
     *       (libpq then retries {@code prefer} without TLS when the handshake fails; that is the caller's choice.)
     *   <li>With {@code custom}: trust and keys come from that context, so no file may be given and none is read;
     *       {@code verify-full} still gives {@link Verification#FULL} (hostname checked by us), {@code verify-ca}
     *       {@link Verification#CA}, the weaker modes {@link Verification#NONE} (the context's own trust managers
     *       decide).
     *   <li>A client certificate without its key is an error, and so is a key given without a certificate.
     * </ul>
     *
     * @param sslMode {@code disable}, {@code allow}, {@code prefer}, {@code require}, {@code verify-ca},
     *     {@code verify-full}, or null for the default
     * @param rootCert {@code sslrootcert} as a file, or null ({@code sslrootcert=system} is {@code systemTrust})
     * @param systemTrust whether {@code sslrootcert=system}
     * @param cert {@code sslcert}, or null
     * @param key {@code sslkey}, or null
     * @param keyPassword {@code sslpassword}, or null
     * @param custom a caller-supplied context, or null
     * @param userHome the home directory for the default files, or null for the JVM's {@code user.home}
     * @return the settings, with {@code sni} true; null for {@code disable}
     * @throws PgClientException when the settings contradict each other or a named file does not exist
     */
    public static TlsSettings resolve(String sslMode, Path rootCert, boolean systemTrust, Path cert, Path key,
            String keyPassword, SSLContext custom, Path userHome) {
        return resolve(sslMode, rootCert, systemTrust, cert, key, keyPassword, custom, userHome, true);
    }

    /**
     * Like {@link #resolve(String, Path, boolean, Path, Path, String, SSLContext, Path)}, for callers that have
     * already applied libpq's default files ({@code PgConnectOptions} does): no file is looked for here.
     *
     * @param sslMode the libpq sslmode keyword, or null for the default
     * @param rootCert {@code sslrootcert}, or null
     * @param systemTrust whether {@code sslrootcert=system}
     * @param cert {@code sslcert}, or null
     * @param key {@code sslkey}, or null
     * @param keyPassword {@code sslpassword}, or null
     * @param custom a caller-supplied context, or null
     * @return the settings, with {@code sni} true; null for {@code disable}
     */
    public static TlsSettings resolveExplicit(String sslMode, Path rootCert, boolean systemTrust, Path cert,
            Path key, String keyPassword, SSLContext custom) {
        return resolve(sslMode, rootCert, systemTrust, cert, key, keyPassword, custom, null, false);
    }

    private static TlsSettings resolve(String sslMode, Path rootCert, boolean systemTrust, Path cert, Path key,
            String keyPassword, SSLContext custom, Path userHome, boolean useDefaultFiles) {
        String mode = sslMode == null ? (systemTrust ? "verify-full" : "prefer") : sslMode;
        switch (mode) {
            case "disable", "allow", "prefer", "require", "verify-ca", "verify-full" -> { }
            default -> throw new PgClientException("Invalid sslmode \"" + printable(mode) + "\": use disable, allow,"
                    + " prefer, require, verify-ca or verify-full");
        }
        if (systemTrust && rootCert != null) {
            throw new PgClientException("sslrootcert is either a file or \"system\", not both");
        }
        if (systemTrust && !mode.equals("verify-full")) {
            throw new PgClientException("sslmode=" + mode + " may not be used with sslrootcert=system: use"
                    + " sslmode=verify-full (any host can get a certificate from a public CA, so only a host name check"
                    + " makes the system's roots meaningful)");
        }
        if (mode.equals("disable")) {
            return null;
        }
        if (custom != null) {
            if (rootCert != null || systemTrust || cert != null || key != null) {
                throw new PgClientException("A caller-supplied SSLContext defines trust and client keys itself: do"
                        + " not also set sslrootcert, sslcert or sslkey");
            }
            Verification verification = mode.equals("verify-full") ? Verification.FULL
                    : mode.equals("verify-ca") ? Verification.CA : Verification.NONE;
            return new TlsSettings(verification, null, false, null, null, null, custom, userHome, true);
        }

        Path directory = useDefaultFiles ? defaultDirectory(userHome) : null;
        Path root = null;
        if (rootCert != null) {
            root = requireExisting(rootCert, "sslrootcert");
        } else if (!systemTrust && directory != null && Files.exists(directory.resolve(DEFAULT_ROOT_CERT))) {
            root = directory.resolve(DEFAULT_ROOT_CERT);
        }
        boolean trusted = root != null || systemTrust;

        Verification verification;
        if (mode.equals("verify-full") || mode.equals("verify-ca")) {
            if (!trusted) {
                String missing = directory == null ? "no sslrootcert is set (and no ~/.postgresql/root.crt was found)"
                        : "no sslrootcert is set and \"" + directory.resolve(DEFAULT_ROOT_CERT) + "\" does not exist";
                throw new PgClientException("sslmode=" + mode + " needs the certificates of the certificate"
                        + " authorities to trust, but " + missing + ". Set sslrootcert=<file.pem> (a PEM file with the"
                        + " CA certificates), or sslrootcert=system to use the JDK's default trust store, or use a"
                        + " weaker sslmode");
            }
            verification = mode.equals("verify-full") ? Verification.FULL : Verification.CA;
        } else {
            verification = trusted ? Verification.CA : Verification.NONE;
        }

        Path clientCert = null;
        if (cert != null) {
            clientCert = requireExisting(cert, "sslcert");
        } else if (directory != null && Files.exists(directory.resolve(DEFAULT_CLIENT_CERT))) {
            clientCert = directory.resolve(DEFAULT_CLIENT_CERT);
        }
        Path clientKey = null;
        if (clientCert != null) {
            Path candidate = key != null ? key : directory == null ? null : directory.resolve(DEFAULT_CLIENT_KEY);
            if (candidate == null || !Files.exists(candidate)) {
                throw new PgClientException("Client certificate \"" + clientCert + "\" is set, but its private key "
                        + (candidate == null ? "is not" : "file \"" + candidate + "\" does not exist")
                        + ": set sslkey to the key file");
            }
            clientKey = candidate;
        } else if (key != null) {
            throw new PgClientException("sslkey is set to \"" + key + "\", but there is no client certificate: set"
                    + " sslcert to the certificate file");
        }
        return new TlsSettings(verification, root, systemTrust, clientCert, clientKey,
                clientKey == null ? null : keyPassword, null, userHome, true);
    }

    /**
     * The same settings with another {@code sni} value ({@code sslsni=0} turns it off).
     *
     * @param sni whether to send Server Name Indication
     * @return the settings
     */
    public TlsSettings withSni(boolean sni) {
        return new TlsSettings(verification, rootCertificate, systemTrust, clientCertificate, clientKey, keyPassword,
                customContext, userHome, sni);
    }

    /** Prints every setting but the key password, which shows as {@code ***} when set. */
    @Override
    public String toString() {
        return "TlsSettings[verification=" + verification
                + ", rootCertificate=" + rootCertificate
                + ", systemTrust=" + systemTrust
                + ", clientCertificate=" + clientCertificate
                + ", clientKey=" + clientKey
                + ", keyPassword=" + (keyPassword == null ? "null" : "***")
                + ", customContext=" + (customContext == null ? "null" : customContext.getProtocol() + " context")
                + ", userHome=" + userHome
                + ", sni=" + sni + "]";
    }

    /** {@code <home>/.postgresql}, or libpq's {@code %APPDATA%\postgresql} on Windows; null when unknown. */
    static Path defaultDirectory(Path userHome) {
        if (userHome != null) {
            return userHome.resolve(DEFAULT_DIRECTORY);
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            String appData = System.getenv("APPDATA");
            if (appData != null && !appData.isEmpty()) {
                return Path.of(appData, "postgresql");
            }
        }
        String home = System.getProperty("user.home");
        return home == null || home.isEmpty() ? null : Path.of(home, DEFAULT_DIRECTORY);
    }

    private static Path requireExisting(Path file, String option) {
        if (!Files.exists(file)) {
            throw new PgClientException(option + " file \"" + file + "\" does not exist");
        }
        return file;
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && i < 40; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return value.length() > 40 ? out.append("...").toString() : out.toString();
    }
}
