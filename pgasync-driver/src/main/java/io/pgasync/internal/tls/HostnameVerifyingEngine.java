package io.pgasync.internal.tls;

import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * A client {@link SSLEngine} that checks, by itself, that the server's certificate names the host
 * ({@code sslmode=verify-full}), whatever the context's trust managers do: a trust manager that ignores the
 * engine's endpoint identification algorithm (a caller's own {@code X509ExtendedTrustManager}) cannot switch the
 * check off (CVE-2018-10936). Everything else is delegated.
 *
 * <p>The check runs before and after every {@code wrap} and {@code unwrap}, as soon as the server's certificate is
 * visible in the handshake session: the client sends its own certificate and Finished message only after the name
 * matched, and no application data ever passes before it. A mismatch throws {@link SSLHandshakeException} and closes
 * the outbound side, so later {@code wrap} calls can only produce the closing alert; later {@code unwrap} calls
 * throw again. A completed handshake without a server certificate also fails. The check runs once: a renegotiation
 * may not change the server certificate (the JDK enforces that by default).
 */
final class HostnameVerifyingEngine extends SSLEngine {

    private final SSLEngine delegate;
    private final String host;
    private boolean handshakeStarted;
    private boolean verified;
    private String failure;

    HostnameVerifyingEngine(SSLEngine delegate, String host) {
        super(delegate.getPeerHost(), delegate.getPeerPort());
        this.delegate = delegate;
        this.host = host;
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        if (failure != null) {
            return delegate.wrap(srcs, offset, length, dst); // outbound is closed: only the closing alert
        }
        verifyPeer();
        SSLEngineResult result = delegate.wrap(srcs, offset, length, dst);
        noteStatus(result);
        verifyPeer();
        return result;
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        if (failure != null) {
            throw new SSLHandshakeException(failure);
        }
        verifyPeer();
        SSLEngineResult result = delegate.unwrap(src, dsts, offset, length);
        noteStatus(result);
        verifyPeer();
        return result;
    }

    private void noteStatus(SSLEngineResult result) {
        if (result.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING) {
            handshakeStarted = true;
        }
    }

    private void verifyPeer() throws SSLHandshakeException {
        if (verified) {
            return;
        }
        HandshakeStatus status = delegate.getHandshakeStatus();
        if (status != HandshakeStatus.NOT_HANDSHAKING) {
            handshakeStarted = true;
        }
        SSLSession session = delegate.getHandshakeSession();
        boolean complete = false;
        if (session == null) {
            if (!handshakeStarted || status != HandshakeStatus.NOT_HANDSHAKING) {
                return; // not begun yet, or between steps without a handshake session
            }
            session = delegate.getSession();
            complete = true;
        }
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            chain = null;
        }
        if (chain == null || chain.length == 0) {
            if (complete) {
                fail("the server presented no certificate, so its host name cannot be verified (sslmode=verify-full)");
            }
            return; // the certificate has not arrived yet
        }
        if (!(chain[0] instanceof X509Certificate certificate)) {
            fail("the server presented a non-X.509 certificate (sslmode=verify-full)");
            return;
        }
        if (!HostnameMatcher.matches(host, certificate)) {
            List<String> names = HostnameMatcher.presentedNames(certificate);
            fail("the server certificate does not match host name \"" + host + "\" (sslmode=verify-full); it is issued"
                    + " for " + (names.isEmpty() ? "no host name" : names.toString()));
        }
        verified = true;
    }

    private void fail(String message) throws SSLHandshakeException {
        failure = message;
        delegate.closeOutbound();
        throw new SSLHandshakeException(message);
    }

    @Override
    public Runnable getDelegatedTask() {
        return delegate.getDelegatedTask();
    }

    @Override
    public void closeInbound() throws SSLException {
        delegate.closeInbound();
    }

    @Override
    public boolean isInboundDone() {
        return delegate.isInboundDone();
    }

    @Override
    public void closeOutbound() {
        delegate.closeOutbound();
    }

    @Override
    public boolean isOutboundDone() {
        return delegate.isOutboundDone();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return delegate.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        delegate.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return delegate.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return delegate.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        delegate.setEnabledProtocols(protocols);
    }

    @Override
    public SSLSession getSession() {
        return delegate.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return delegate.getHandshakeSession();
    }

    @Override
    public void beginHandshake() throws SSLException {
        if (failure != null) {
            throw new SSLHandshakeException(failure);
        }
        delegate.beginHandshake();
        handshakeStarted = true;
    }

    @Override
    public HandshakeStatus getHandshakeStatus() {
        return delegate.getHandshakeStatus();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        if (!mode) {
            throw new IllegalArgumentException("a verify-full engine is a client engine");
        }
        delegate.setUseClientMode(true);
    }

    @Override
    public boolean getUseClientMode() {
        return delegate.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        delegate.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return delegate.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        delegate.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return delegate.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        delegate.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return delegate.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return delegate.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        delegate.setSSLParameters(params);
    }

    @Override
    public String getApplicationProtocol() {
        return delegate.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return delegate.getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        delegate.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return delegate.getHandshakeApplicationProtocolSelector();
    }

    @Override
    public String toString() {
        return "HostnameVerifyingEngine[" + host + ", " + delegate + "]";
    }
}
