package io.pgasync.internal.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Offers the one client certificate of {@code sslcert}/{@code sslkey} whenever the server asks for a certificate
 * and the key fits one of the key types the handshake allows. Like libpq (which sends its configured certificate
 * whatever the server's list of acceptable CAs says), it ignores the issuers the server names; the JDK's own key
 * managers would silently send nothing when the server's CA list does not contain our issuer.
 */
final class ClientKeyManager extends X509ExtendedKeyManager {

    private static final String ALIAS = "client";

    private final X509Certificate[] chain;
    private final PrivateKey key;

    ClientKeyManager(X509Certificate[] chain, PrivateKey key) {
        this.chain = chain.clone();
        this.key = key;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return fits(keyTypes) ? ALIAS : null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return fits(keyTypes) ? ALIAS : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return fits(new String[] {keyType}) ? new String[] {ALIAS} : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }

    private boolean fits(String[] keyTypes) {
        if (keyTypes == null) {
            return false;
        }
        String algorithm = key.getAlgorithm();
        for (String keyType : keyTypes) {
            if (keyType == null) {
                continue;
            }
            if (keyType.equalsIgnoreCase(algorithm)
                    || (algorithm.equalsIgnoreCase("EdDSA")
                            && (keyType.equalsIgnoreCase("Ed25519") || keyType.equalsIgnoreCase("Ed448")))
                    || (keyType.equalsIgnoreCase("EdDSA")
                            && (algorithm.equalsIgnoreCase("Ed25519") || algorithm.equalsIgnoreCase("Ed448")))) {
                return true;
            }
        }
        return false;
    }
}
