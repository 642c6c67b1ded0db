package io.pgasync.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.pgasync.exception.PgAuthenticationException;

/**
 * The client side of one SCRAM-SHA-256 or SCRAM-SHA-256-PLUS exchange (RFC 5802, RFC 7677) as PostgreSQL runs
 * it, as a state machine with no I/O. The protocol engine drives it:
 * <ol>
 *   <li>{@code AuthenticationSASL}: {@link #selectMechanism(List)}, then send {@code SASLInitialResponse} with
 *       that mechanism and {@link #clientFirstMessage()};</li>
 *   <li>{@code AuthenticationSASLContinue}: {@link #handleServerFirst(String)} (cheap, validates everything,
 *       including the iteration cap), then {@link #computeClientFinal()} <strong>off the event loop</strong>
 *       (PBKDF2 is the expensive part), and send its result in {@code SASLResponse};</li>
 *   <li>{@code AuthenticationSASLFinal}: {@link #verifyServerFinal(String)}. Only after it returns may
 *       {@code AuthenticationOk} be accepted ({@link #isComplete()}); under {@code channelBinding=require} the
 *       engine also asserts {@link #usedChannelBinding()}.</li>
 * </ol>
 * Every problem with the server's messages, and every policy refusal, is a {@link PgAuthenticationException}
 * whose message says what happened and what to do; after one, the exchange is over. Calling a step out of order is
 * a bug in the caller and throws {@link IllegalStateException}.
 *
 * <p>PostgreSQL ignores the user name in the SCRAM messages (it uses the one from the startup message), so the
 * client-first-message carries an empty {@code n=}. The password is prepared with SASLprep, or used raw when it
 * is not valid for SASLprep, as PostgreSQL does.
 *
 * <p>Not thread-safe: one exchange is driven by one thread at a time. Handing it to a worker thread for
 * {@link #computeClientFinal()} and back must go through a happens-before edge (submitting to an executor and
 * completing a future both are). {@link #cancel()} may be called from any thread. Neither the password nor any
 * derived key appears in a message or in {@link #toString()}; derived keys are zeroed once used.
 */
public final class ScramClient {

    /** The SASL name of SCRAM-SHA-256. */
    public static final String SCRAM_SHA_256 = "SCRAM-SHA-256";

    /** The SASL name of SCRAM-SHA-256 with channel binding. */
    public static final String SCRAM_SHA_256_PLUS = "SCRAM-SHA-256-PLUS";

    /**
     * The default cap on the PBKDF2 iteration count a server may ask for (pgjdbc's default; PostgreSQL uses 4096
     * unless {@code scram_iterations} is raised). Raised by the {@code scramMaxIterations} option.
     */
    public static final int DEFAULT_MAX_ITERATIONS = 100_000;

    private static final String GS2_NO_BINDING = "n,,";
    private static final String GS2_CLIENT_CAN_BIND = "y,,";
    private static final String GS2_BINDING = "p=tls-server-end-point,,";

    /** 18 random bytes, 24 base64 characters, as libpq sends. */
    private static final int NONCE_BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CLIENT_KEY = "Client Key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_KEY = "Server Key".getBytes(StandardCharsets.US_ASCII);
    /** How many PBKDF2 rounds run between two looks at the cancel flag. */
    private static final int CANCEL_CHECK_INTERVAL = 1024;
    /** How much of a server's text goes into an exception message, at most. */
    private static final int MAX_ECHO = 80;

    /** Why -PLUS cannot be used although offered: the certificate allows no binding (lesson #10). */
    private static final String NO_BINDING_DATA_CAUSE = "the server certificate's signature algorithm defines no "
            + "tls-server-end-point hash (RFC 5929; for example Ed25519 or Ed448). Use a server certificate signed "
            + "with RSA or ECDSA and SHA-256/384/512, or set channelBinding=prefer to connect without channel binding "
            + "(which gives no protection against a man in the middle).";

    private enum State {
        NEW, MECHANISM_SELECTED, AWAITING_SERVER_FIRST, SERVER_FIRST_RECEIVED, AWAITING_SERVER_FINAL, COMPLETE, FAILED
    }

    private String password;
    private final ChannelBindingPolicy policy;
    private final byte[] bindingData;
    private final int maxIterations;
    private final String encodedUsername;
    private final String clientNonce;
    private volatile boolean cancelled;

    private State state = State.NEW;
    private String mechanism;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String combinedNonce;
    private byte[] salt;
    private int iterations;
    private byte[] expectedServerSignature;

    /**
     * Starts an exchange.
     *
     * @param password the password (not empty)
     * @param policy the {@code channelBinding} option
     * @param tlsServerEndPoint the {@code tls-server-end-point} data of the server certificate
     *     ({@link ChannelBindingData#tlsServerEndPoint}), or null when the connection is not TLS or no binding
     *     is defined for the certificate; copied
     * @param maxIterations the {@code scramMaxIterations} option: the largest iteration count accepted
     * @throws PgAuthenticationException when the password is empty
     * @throws IllegalArgumentException when {@code maxIterations} is below 1
     */
    public ScramClient(String password, ChannelBindingPolicy policy, byte[] tlsServerEndPoint, int maxIterations) {
        this(password, policy, tlsServerEndPoint, maxIterations, "", newNonce());
    }

    /**
     * Starts an exchange with a chosen user name and client nonce, to reproduce published test vectors.
     *
     * @param password the password (not empty)
     * @param policy the {@code channelBinding} option
     * @param tlsServerEndPoint the binding data, or null; copied
     * @param maxIterations the largest iteration count accepted
     * @param username the user name for {@code n=} (PostgreSQL ignores it; empty in production)
     * @param clientNonce the client nonce: printable ASCII without commas
     */
    ScramClient(String password, ChannelBindingPolicy policy, byte[] tlsServerEndPoint, int maxIterations,
            String username, String clientNonce) {
        if (password == null || password.isEmpty()) {
            throw new PgAuthenticationException("The server asked for password authentication (SCRAM-SHA-256), "
                    + "but no password was given. Set the password option, PGPASSWORD, or a password file entry.");
        }
        if (policy == null) {
            throw new NullPointerException("policy");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("scramMaxIterations must be at least 1, got " + maxIterations);
        }
        if (clientNonce.isEmpty() || !isPrintable(clientNonce)) {
            throw new IllegalArgumentException("a SCRAM nonce is printable ASCII without commas");
        }
        this.password = password;
        this.policy = policy;
        this.bindingData = tlsServerEndPoint == null || tlsServerEndPoint.length == 0
                ? null : tlsServerEndPoint.clone();
        this.maxIterations = maxIterations;
        this.encodedUsername = username.replace("=", "=3D").replace(",", "=2C");
        this.clientNonce = clientNonce;
    }

    /**
     * Chooses the mechanism from the server's {@code AuthenticationSASL} list: {@code SCRAM-SHA-256-PLUS} when
     * it is offered, the policy is not {@code DISABLE} and binding data is available; otherwise
     * {@code SCRAM-SHA-256}.
     *
     * @param serverMechanisms the mechanisms the server offered, in its order
     * @return the mechanism to name in {@code SASLInitialResponse}
     * @throws PgAuthenticationException when no offered mechanism can be used, or {@code channelBinding=require}
     *     cannot be honoured
     */
    public String selectMechanism(List<String> serverMechanisms) {
        expect(State.NEW, "selectMechanism");
        state = State.FAILED;
        boolean plusOffered = serverMechanisms.contains(SCRAM_SHA_256_PLUS);
        boolean plainOffered = serverMechanisms.contains(SCRAM_SHA_256);
        boolean canBind = policy != ChannelBindingPolicy.DISABLE && bindingData != null;
        if (canBind && plusOffered) {
            mechanism = SCRAM_SHA_256_PLUS;
            gs2Header = GS2_BINDING;
        } else if (policy == ChannelBindingPolicy.REQUIRE) {
            throw new PgAuthenticationException(requireRefusal(plusOffered, serverMechanisms));
        } else if (plainOffered) {
            mechanism = SCRAM_SHA_256;
            // "y": this client could bind but believes the server cannot. A server that did offer -PLUS (the offer
            // was stripped on the way) sees the downgrade and refuses.
            gs2Header = canBind ? GS2_CLIENT_CAN_BIND : GS2_NO_BINDING;
        } else if (plusOffered) {
            throw new PgAuthenticationException("The server offers only SCRAM-SHA-256-PLUS (channel binding), "
                    + (policy == ChannelBindingPolicy.DISABLE
                            ? "but channelBinding=disable. Set channelBinding=prefer or require."
                            : "but no channel binding data is available: the connection is not using TLS, or the "
                                    + "server certificate's signature algorithm defines no tls-server-end-point hash "
                                    + "(for example Ed25519 or Ed448). Use a server certificate signed with RSA or "
                                    + "ECDSA."));
        } else {
            throw new PgAuthenticationException("The server offers no SCRAM mechanism this client supports "
                    + "(offered: " + describe(serverMechanisms) + "; supported: SCRAM-SHA-256, SCRAM-SHA-256-PLUS). "
                    + "Configure the server to use scram-sha-256 authentication for this user in pg_hba.conf.");
        }
        state = State.MECHANISM_SELECTED;
        return mechanism;
    }

    private String requireRefusal(boolean plusOffered, List<String> serverMechanisms) {
        String start = "channelBinding=require, but ";
        if (plusOffered) {
            // The server offers -PLUS only over TLS, so the missing data is the certificate's fault.
            return start + NO_BINDING_DATA_CAUSE;
        }
        if (bindingData == null) {
            return start + "there is nothing to bind to: the connection is not using TLS (or its certificate allows "
                    + "no binding), and the server did not offer SCRAM-SHA-256-PLUS (offered: "
                    + describe(serverMechanisms) + "). Use sslmode=require or stronger (verify-full recommended), "
                    + "or set channelBinding=prefer or disable.";
        }
        return start + "the server did not offer SCRAM-SHA-256-PLUS (offered: " + describe(serverMechanisms)
                + "). Channel binding needs PostgreSQL 11 or later built with SSL support, and no TLS-terminating "
                + "proxy in between; an attacker in the middle can also remove the offer. Fix the server side, or "
                + "set channelBinding=prefer or disable.";
    }

    /**
     * The client-first-message, the initial response of {@code SASLInitialResponse}: the GS2 header
     * ({@code n,,}, {@code y,,} or {@code p=tls-server-end-point,,}), then {@code n=,r=<client nonce>}. Send it
     * UTF-8 encoded (it is ASCII).
     *
     * @return the message
     */
    public String clientFirstMessage() {
        expect(State.MECHANISM_SELECTED, "clientFirstMessage");
        clientFirstBare = "n=" + encodedUsername + ",r=" + clientNonce;
        state = State.AWAITING_SERVER_FIRST;
        return gs2Header + clientFirstBare;
    }

    /**
     * Reads and checks the server-first-message of {@code AuthenticationSASLContinue}
     * ({@code r=<nonce>,s=<salt>,i=<iterations>}). Does no hashing, so it is safe on the event loop: an iteration
     * count above the cap is refused here, before any work is done (reliability lesson #9, CVE-2026-42198).
     *
     * @param serverFirstMessage the message, decoded as UTF-8
     * @throws PgAuthenticationException when the message is malformed, does not extend the client nonce, carries
     *     a mandatory extension, or asks for more iterations than {@code scramMaxIterations}
     */
    public void handleServerFirst(String serverFirstMessage) {
        expect(State.AWAITING_SERVER_FIRST, "handleServerFirst");
        state = State.FAILED;
        String message = serverFirstMessage == null ? "" : serverFirstMessage;
        if (message.startsWith("m=")) {
            throw new PgAuthenticationException("The server's SCRAM message carries a mandatory extension (m=) that "
                    + "this client does not support (RFC 5802 section 5.1); authentication cannot continue.");
        }
        // r=<nonce>,s=<salt>,i=<count>[,<extensions>]
        int nonceEnd = attributeEnd(message, 0, 'r', "the nonce (r=)");
        String nonce = message.substring(2, nonceEnd);
        int saltEnd = attributeEnd(message, nonceEnd + 1, 's', "the salt (s=)");
        String saltText = message.substring(nonceEnd + 3, saltEnd);
        int countEnd = attributeEnd(message, saltEnd + 1, 'i', "the iteration count (i=)");
        String countText = message.substring(saltEnd + 3, countEnd);
        checkExtensions(message, countEnd);

        if (!isPrintable(nonce)) {
            throw malformed("the nonce has characters outside printable ASCII", message);
        }
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new PgAuthenticationException("The server's SCRAM nonce does not extend the nonce this client "
                    + "sent, so the reply does not belong to this exchange (a replay, or a broken server or proxy). "
                    + "Authentication was stopped.");
        }
        byte[] decodedSalt = decodeBase64(saltText);
        if (decodedSalt == null || decodedSalt.length == 0) {
            throw malformed("the salt is not valid non-empty base64", message);
        }
        iterations = parseIterations(countText, message);
        combinedNonce = nonce;
        salt = decodedSalt;
        serverFirst = message;
        state = State.SERVER_FIRST_RECEIVED;
    }

    /**
     * Returns the index just past the value of the attribute {@code name=} that must start at {@code start}.
     */
    private static int attributeEnd(String message, int start, char name, String what) {
        if (start >= message.length() || message.charAt(start) != name
                || start + 1 >= message.length() || message.charAt(start + 1) != '=') {
            throw malformed(what + " is missing or out of order", message);
        }
        int comma = message.indexOf(',', start + 2);
        int end = comma < 0 ? message.length() : comma;
        if (end == start + 2) {
            throw malformed(what + " is empty", message);
        }
        return end;
    }

    /** Optional extensions after i= are {@code <letter>=<value>} and are ignored (RFC 5802 section 7). */
    private static void checkExtensions(String message, int from) {
        int pos = from;
        while (pos < message.length()) {
            // message.charAt(pos) is the comma ending the previous attribute.
            int start = pos + 1;
            int comma = message.indexOf(',', start);
            int end = comma < 0 ? message.length() : comma;
            if (end - start < 3 || !isAsciiLetter(message.charAt(start)) || message.charAt(start + 1) != '=') {
                throw malformed("an attribute after the iteration count is not of the form x=value", message);
            }
            if (message.charAt(start) == 'm') {
                throw new PgAuthenticationException("The server's SCRAM message carries a mandatory extension (m=) "
                        + "that this client does not support (RFC 5802 section 5.1); authentication cannot continue.");
            }
            pos = end;
        }
    }

    private int parseIterations(String text, String message) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed("the iteration count is not a positive integer", message);
            }
        }
        int firstSignificant = 0;
        while (firstSignificant < text.length() - 1 && text.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        String digits = text.substring(firstSignificant);
        // At most 10 digits fit an int; anything longer is above any cap.
        long value = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (value == 0) {
            throw malformed("the iteration count is 0; it must be at least 1", message);
        }
        if (value > maxIterations) {
            String shown = digits.length() > 20 ? digits.substring(0, 20) + "... (" + digits.length() + " digits)"
                    : digits;
            throw new PgAuthenticationException("The server asked for " + shown + " SCRAM iterations, more than the "
                    + "limit of " + maxIterations + ". The limit stops a malicious server from making this client "
                    + "burn CPU (PostgreSQL uses 4096 unless scram_iterations is raised). If this server is trusted "
                    + "and really uses that many iterations, raise the scramMaxIterations option.");
        }
        return (int) value;
    }

    /**
     * Derives the keys (PBKDF2-HMAC-SHA-256 with the server's salt and iteration count: the expensive step, to be
     * run off the event loop) and builds the client-final-message for {@code SASLResponse}:
     * {@code c=<base64(GS2 header + binding data)>,r=<nonce>,p=<proof>}. Remembers the server signature to
     * expect. Checks {@link #cancel()} and the thread's interrupt flag every 1024 rounds.
     *
     * @return the message, ASCII
     * @throws PgAuthenticationException when the exchange was cancelled, or the JVM lacks HMAC-SHA-256
     */
    public String computeClientFinal() {
        expect(State.SERVER_FIRST_RECEIVED, "computeClientFinal");
        state = State.FAILED;
        byte[] gs2 = gs2Header.getBytes(StandardCharsets.US_ASCII);
        byte[] channelBinding = gs2;
        if (SCRAM_SHA_256_PLUS.equals(mechanism)) {
            channelBinding = Arrays.copyOf(gs2, gs2.length + bindingData.length);
            System.arraycopy(bindingData, 0, channelBinding, gs2.length, bindingData.length);
        }
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(channelBinding) + ",r=" + combinedNonce;
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);

        byte[] passwordBytes = SaslPrep.prepareOrRaw(password).getBytes(StandardCharsets.UTF_8);
        password = null;
        byte[] saltedPassword = null;
        byte[] clientKey = null;
        byte[] storedKey = null;
        byte[] clientSignature = null;
        byte[] serverKey = null;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            saltedPassword = hi(mac, passwordBytes, salt, iterations);
            clientKey = hmac(mac, saltedPassword, CLIENT_KEY);
            storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            clientSignature = hmac(mac, storedKey, authMessage);
            byte[] proof = clientKey.clone();
            for (int i = 0; i < proof.length; i++) {
                proof[i] ^= clientSignature[i];
            }
            serverKey = hmac(mac, saltedPassword, SERVER_KEY);
            expectedServerSignature = hmac(mac, serverKey, authMessage);
            String result = withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
            Arrays.fill(proof, (byte) 0);
            state = State.AWAITING_SERVER_FINAL;
            return result;
        } catch (GeneralSecurityException e) {
            throw new PgAuthenticationException("This JVM cannot compute HMAC-SHA-256 for SCRAM authentication ("
                    + e.getClass().getSimpleName() + "). Check the JVM's security providers.", e);
        } finally {
            zero(passwordBytes);
            zero(saltedPassword);
            zero(clientKey);
            zero(storedKey);
            zero(clientSignature);
            zero(serverKey);
        }
    }

    /** PBKDF2-HMAC-SHA-256 with one output block: Hi() of RFC 5802 section 2.2. */
    private byte[] hi(Mac mac, byte[] key, byte[] salt, int rounds) throws GeneralSecurityException {
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(salt);
        mac.update(new byte[] {0, 0, 0, 1});
        byte[] u = mac.doFinal();
        byte[] result = u.clone();
        try {
            for (int round = 1; round < rounds; round++) {
                if (round % CANCEL_CHECK_INTERVAL == 0 && (cancelled || Thread.currentThread().isInterrupted())) {
                    zero(result);
                    throw new PgAuthenticationException("SCRAM authentication was cancelled while deriving the "
                            + "key (the connect deadline passed, or the connection attempt was abandoned).");
                }
                mac.update(u);
                mac.doFinal(u, 0);
                for (int i = 0; i < result.length; i++) {
                    result[i] ^= u[i];
                }
            }
        } finally {
            zero(u);
        }
        return result;
    }

    private static byte[] hmac(Mac mac, byte[] key, byte[] data) throws GeneralSecurityException {
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /**
     * Checks the server-final-message of {@code AuthenticationSASLFinal}: {@code v=<server signature>} must match
     * the expected signature (compared in constant time); {@code e=<error>} is the server refusing.
     *
     * @param serverFinalMessage the message, decoded as UTF-8
     * @throws PgAuthenticationException when the server reports an error, the signature does not match (the
     *     server does not know the password: it may be an impostor), or the message is malformed
     */
    public void verifyServerFinal(String serverFinalMessage) {
        expect(State.AWAITING_SERVER_FINAL, "verifyServerFinal");
        state = State.FAILED;
        byte[] expected = expectedServerSignature;
        expectedServerSignature = null;
        try {
            String message = serverFinalMessage == null ? "" : serverFinalMessage;
            if (!message.startsWith("e=") && !message.startsWith("v=")) {
                throw malformed("expected v=<server signature> or e=<error>", message);
            }
            int comma = message.indexOf(',', 2);
            String value = message.substring(2, comma < 0 ? message.length() : comma);
            if (message.startsWith("e=")) {
                throw new PgAuthenticationException("The server refused the SCRAM exchange: "
                        + sanitize(value) + "." + errorHint(value));
            }
            byte[] signature = decodeBase64(value);
            if (signature == null) {
                throw malformed("the server signature is not valid base64", message);
            }
            if (!MessageDigest.isEqual(expected, signature)) {
                throw new PgAuthenticationException("The server's SCRAM signature is wrong: the server did not "
                        + "prove that it knows the password, so it may be an impostor (a man in the middle). The "
                        + "connection was refused. Check that you are connecting to the intended server, and use "
                        + "sslmode=verify-full.");
            }
            state = State.COMPLETE;
        } finally {
            zero(expected);
        }
    }

    private static String errorHint(String error) {
        switch (error) {
            case "invalid-proof":
                return " The password is wrong.";
            case "channel-bindings-dont-match":
                return " The server sees a different TLS channel than this client: something between them "
                        + "terminates TLS (a proxy, or a man in the middle).";
            case "server-does-support-channel-binding":
                return " This client was told the server cannot do channel binding, but it can: the "
                        + "SCRAM-SHA-256-PLUS offer was removed on the way (a proxy, or a downgrade attack).";
            default:
                return "";
        }
    }

    /**
     * Whether the exchange completed successfully as {@code SCRAM-SHA-256-PLUS}, that is, bound to the TLS
     * channel. Under {@code channelBinding=require} the engine must check this before accepting
     * {@code AuthenticationOk} (reliability lesson #10).
     *
     * @return true only after a successful, channel-bound exchange
     */
    public boolean usedChannelBinding() {
        return state == State.COMPLETE && SCRAM_SHA_256_PLUS.equals(mechanism);
    }

    /**
     * Whether the server's signature has been verified. {@code AuthenticationOk} arriving before that is a
     * failure: the server skipped proving that it knows the password.
     *
     * @return true after {@link #verifyServerFinal(String)} succeeded
     */
    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    /**
     * Asks a running {@link #computeClientFinal()} to stop (it then throws); safe from any thread. Used when the
     * connect deadline passes, so that an abandoned exchange does not keep burning CPU.
     */
    public void cancel() {
        cancelled = true;
    }

    @Override
    public String toString() {
        return "ScramClient[mechanism=" + mechanism + ", state=" + state + "]";
    }

    private void expect(State expected, String step) {
        if (state != expected) {
            throw new IllegalStateException("SCRAM step " + step + " called in state " + state);
        }
    }

    private static PgAuthenticationException malformed(String problem, String message) {
        return new PgAuthenticationException("The server sent a malformed SCRAM message (" + problem + "): \""
                + sanitize(message) + "\". This is a server or proxy bug, or an attack; authentication was stopped.");
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Server text for an exception message: printable ASCII only, and not too long. */
    private static String sanitize(String text) {
        int length = Math.min(text.length(), MAX_ECHO);
        StringBuilder out = new StringBuilder(length + 3);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        if (text.length() > MAX_ECHO) {
            out.append("...");
        }
        return out.toString();
    }

    /** printable = %x21-2B / %x2D-7E (RFC 5802 section 7): visible ASCII except the comma. */
    private static boolean isPrintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ',') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String describe(List<String> mechanisms) {
        if (mechanisms.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        int shown = Math.min(mechanisms.size(), 8);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                out.append(", ");
            }
            String name = mechanisms.get(i);
            out.append(name == null ? "null" : sanitize(name));
        }
        if (mechanisms.size() > shown) {
            out.append(", ...");
        }
        return out.toString();
    }

    private static String newNonce() {
        byte[] raw = new byte[NONCE_BYTES];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static void zero(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
