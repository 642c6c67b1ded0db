package io.pgasync.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import io.pgasync.exception.PgAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScramClientTest {

    // RFC 7677 section 3.
    private static final String RFC_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String RFC_SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String RFC_CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String RFC_SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private static final List<String> BOTH = List.of(ScramClient.SCRAM_SHA_256_PLUS, ScramClient.SCRAM_SHA_256);
    private static final List<String> PLAIN_ONLY = List.of(ScramClient.SCRAM_SHA_256);
    private static final List<String> PLUS_ONLY = List.of(ScramClient.SCRAM_SHA_256_PLUS);
    private static final byte[] BINDING = new byte[32];

    static {
        for (int i = 0; i < BINDING.length; i++) {
            BINDING[i] = (byte) (i * 7 + 1);
        }
    }

    private static ScramClient rfcClient(int maxIterations) {
        return new ScramClient("pencil", ChannelBindingPolicy.DISABLE, null, maxIterations, "user", RFC_NONCE);
    }

    /** An RFC-vector client that has sent its first message and waits for server-first. */
    private static ScramClient awaitingServerFirst(int maxIterations) {
        ScramClient client = rfcClient(maxIterations);
        client.selectMechanism(PLAIN_ONLY);
        client.clientFirstMessage();
        return client;
    }

    @Test
    void reproducesTheRfc7677TestVector() {
        ScramClient client = rfcClient(ScramClient.DEFAULT_MAX_ITERATIONS);
        assertThat(client.selectMechanism(PLAIN_ONLY)).isEqualTo("SCRAM-SHA-256");
        assertThat(client.clientFirstMessage()).isEqualTo("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        client.handleServerFirst(RFC_SERVER_FIRST);
        assertThat(client.computeClientFinal()).isEqualTo(RFC_CLIENT_FINAL);
        assertThat(client.isComplete()).isFalse();
        client.verifyServerFinal(RFC_SERVER_FINAL);
        assertThat(client.isComplete()).isTrue();
        assertThat(client.usedChannelBinding()).isFalse();
    }

    @Test
    void productionClientSendsAnEmptyUserNameAndAFreshRandomNonce() {
        ScramClient a = new ScramClient("pw", ChannelBindingPolicy.PREFER, null, 4096);
        ScramClient b = new ScramClient("pw", ChannelBindingPolicy.PREFER, null, 4096);
        a.selectMechanism(PLAIN_ONLY);
        b.selectMechanism(PLAIN_ONLY);
        String messageA = a.clientFirstMessage();
        String messageB = b.clientFirstMessage();
        assertThat(messageA).matches("n,,n=,r=[A-Za-z0-9+/]{24}");
        assertThat(messageB).matches("n,,n=,r=[A-Za-z0-9+/]{24}");
        assertThat(messageA).isNotEqualTo(messageB);
    }

    static Stream<Arguments> mechanismSelection() {
        // offered, policy, binding data present, expected mechanism (null = refused), expected GS2 header
        return Stream.of(
                Arguments.of(BOTH, ChannelBindingPolicy.PREFER, true, "SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,"),
                Arguments.of(BOTH, ChannelBindingPolicy.PREFER, false, "SCRAM-SHA-256", "n,,"),
                Arguments.of(BOTH, ChannelBindingPolicy.DISABLE, true, "SCRAM-SHA-256", "n,,"),
                Arguments.of(BOTH, ChannelBindingPolicy.DISABLE, false, "SCRAM-SHA-256", "n,,"),
                Arguments.of(BOTH, ChannelBindingPolicy.REQUIRE, true, "SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,"),
                Arguments.of(BOTH, ChannelBindingPolicy.REQUIRE, false, null, null),
                Arguments.of(PLAIN_ONLY, ChannelBindingPolicy.PREFER, true, "SCRAM-SHA-256", "y,,"),
                Arguments.of(PLAIN_ONLY, ChannelBindingPolicy.PREFER, false, "SCRAM-SHA-256", "n,,"),
                Arguments.of(PLAIN_ONLY, ChannelBindingPolicy.DISABLE, true, "SCRAM-SHA-256", "n,,"),
                Arguments.of(PLAIN_ONLY, ChannelBindingPolicy.REQUIRE, true, null, null),
                Arguments.of(PLAIN_ONLY, ChannelBindingPolicy.REQUIRE, false, null, null),
                Arguments.of(PLUS_ONLY, ChannelBindingPolicy.PREFER, true, "SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,"),
                Arguments.of(PLUS_ONLY, ChannelBindingPolicy.PREFER, false, null, null),
                Arguments.of(PLUS_ONLY, ChannelBindingPolicy.DISABLE, true, null, null),
                Arguments.of(PLUS_ONLY, ChannelBindingPolicy.REQUIRE, true, "SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,"),
                Arguments.of(List.of("OAUTHBEARER"), ChannelBindingPolicy.PREFER, true, null, null),
                Arguments.of(List.of(), ChannelBindingPolicy.DISABLE, false, null, null),
                // Unknown mechanisms around a known one are skipped.
                Arguments.of(List.of("SCRAM-SHA-512", "SCRAM-SHA-256", "X"), ChannelBindingPolicy.PREFER, false,
                        "SCRAM-SHA-256", "n,,"));
    }

    @ParameterizedTest(name = "{0} {1} binding={2} -> {3}")
    @MethodSource
    void mechanismSelection(List<String> offered, ChannelBindingPolicy policy, boolean binding, String mechanism,
            String gs2Header) {
        ScramClient client = new ScramClient("pw", policy, binding ? BINDING : null, 4096);
        if (mechanism == null) {
            assertThatThrownBy(() -> client.selectMechanism(offered))
                    .isExactlyInstanceOf(PgAuthenticationException.class);
            assertThatThrownBy(client::clientFirstMessage).isInstanceOf(IllegalStateException.class);
            return;
        }
        assertThat(client.selectMechanism(offered)).isEqualTo(mechanism);
        assertThat(client.clientFirstMessage()).startsWith(gs2Header + "n=,r=");
    }

    @Test
    void refusalNamesWhatTheServerOffered() {
        ScramClient client = new ScramClient("pw", ChannelBindingPolicy.PREFER, null, 4096);
        assertThatThrownBy(() -> client.selectMechanism(List.of("OAUTHBEARER", "GSS\u001b[31m")))
                .isExactlyInstanceOf(PgAuthenticationException.class)
                .hasMessageContaining("OAUTHBEARER")
                .hasMessageContaining("GSS?[31m")
                .hasMessageContaining("scram-sha-256");
    }

    @Test
    void requireFailsWithoutBindingData_CVE_2026_54291() throws Exception {
        // A TLS server whose certificate is signed with Ed25519: it offers -PLUS, but RFC 5929 defines no
        // tls-server-end-point hash for it, so there is nothing to bind to. Falling back to plain SCRAM here was
        // the CVE.
        byte[] binding = ChannelBindingData.tlsServerEndPoint(TestCerts.selfSigned("Ed25519"));
        assertThat(binding).isNull();
        ScramClient client = new ScramClient("pw", ChannelBindingPolicy.REQUIRE, binding, 4096);
        assertThatThrownBy(() -> client.selectMechanism(BOTH))
                .isExactlyInstanceOf(PgAuthenticationException.class)
                .hasMessageContaining("channelBinding=require")
                .hasMessageContaining("Ed25519");
        assertThat(client.usedChannelBinding()).isFalse();
        assertThat(client.isComplete()).isFalse();
    }

    @Test
    void requireFailsWhenTheServerDoesNotOfferPlus() {
        ScramClient client = new ScramClient("pw", ChannelBindingPolicy.REQUIRE, BINDING, 4096);
        assertThatThrownBy(() -> client.selectMechanism(PLAIN_ONLY))
                .isExactlyInstanceOf(PgAuthenticationException.class)
                .hasMessageContaining("did not offer SCRAM-SHA-256-PLUS");
    }

    @Test
    void iterationCountCapped_CVE_2026_42198() {
        ScramClient client = awaitingServerFirst(100_000);
        PgAuthenticationException refusal = null;
        long start = System.nanoTime();
        try {
            client.handleServerFirst("r=" + RFC_NONCE + "srv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=100001");
        } catch (PgAuthenticationException e) {
            refusal = e;
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(refusal).isNotNull()
                .hasMessageContaining("100001")
                .hasMessageContaining("100000")
                .hasMessageContaining("scramMaxIterations");
        assertThat(elapsedMillis).isLessThan(250);
        // Refused before any hashing: the exchange is over, the expensive step cannot run.
        assertThatThrownBy(client::computeClientFinal).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void iterationCapIsInclusive() {
        ScramClient atCap = awaitingServerFirst(4096);
        atCap.handleServerFirst(RFC_SERVER_FIRST);
        assertThat(atCap.computeClientFinal()).isEqualTo(RFC_CLIENT_FINAL);
        atCap.verifyServerFinal(RFC_SERVER_FINAL);

        ScramClient belowCap = awaitingServerFirst(4095);
        assertThatThrownBy(() -> belowCap.handleServerFirst(RFC_SERVER_FIRST))
                .isExactlyInstanceOf(PgAuthenticationException.class)
                .hasMessageContaining("4096")
                .hasMessageContaining("4095");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "99999999999999999999999999999999999999999", "00000000000000000000100001"})
    void hugeIterationCountsAreRefusedByTheCap(String count) {
        ScramClient client = awaitingServerFirst(100_000);
        assertThatThrownBy(() -> client.handleServerFirst("r=" + RFC_NONCE + "srv,s=AAAA,i=" + count))
                .isExactlyInstanceOf(PgAuthenticationException.class)
                .hasMessageContaining("scramMaxIterations");
    }

    @Test
    void nonceThatDoesNotExtendTheClientNonceIsRefused() {
        ScramClient other = awaitingServerFirst(4096);
        assertThatThrownBy(() -> other.handleServerFirst("r=XOprNGfwEbeRWgbNEkqO%hvY,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"))
                .isExactlyInstanceOf(PgAuthenticationException.class)
                .hasMessageContaining("nonce");
        ScramClient same = awaitingServerFirst(4096);
        assertThatThrownBy(() -> same.handleServerFirst("r=" + RFC_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"))
                .isExactlyInstanceOf(PgAuthenticationException.class)
                .hasMessageContaining("nonce");
        ScramClient prefix = awaitingServerFirst(4096);
        assertThatThrownBy(() -> prefix.handleServerFirst("r=rOprNG,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"))
                .isExactlyInstanceOf(PgAuthenticationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        ",",
        "r=",
        "r=rOprNGfwEbeRWgbNEkqOsrv",
        "r=rOprNGfwEbeRWgbNEkqOsrv,i=4096",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==",
        "s=W22ZaJ0SNY7soEsUEjb6gQ==,r=rOprNGfwEbeRWgbNEkqOsrv,i=4096",
        "r=rOprNGfwEbeRWgbNEkqOsrv,i=4096,s=W22ZaJ0SNY7soEsUEjb6gQ==",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=!!!notbase64,i=4096",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ=,i=4096",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=,i=4096",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s==,i=4096",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=000",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=-1",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=+4096",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=abc",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096.5",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i= 4096",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,junk",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,1=x",
        "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,m=must-understand",
        "m=ext,r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=rOprNGfwEbeRWgbNEkqO\u00e9,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=rOprNGfwEbeRWgbNEkqO\u0000,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "R=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "e=other-error",
    })
    void malformedServerFirstIsATypedError(String serverFirst) {
        ScramClient client = awaitingServerFirst(100_000);
        assertThatThrownBy(() -> client.handleServerFirst(serverFirst))
                .isExactlyInstanceOf(PgAuthenticationException.class);
        assertThatThrownBy(client::computeClientFinal).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nullServerFirstIsATypedError() {
        ScramClient client = awaitingServerFirst(100_000);
        assertThatThrownBy(() -> client.handleServerFirst(null)).isExactlyInstanceOf(PgAuthenticationException.class);
    }

    @Test
    void malformedMessageIsEchoedSanitisedAndTruncated() {
        ScramClient client = awaitingServerFirst(100_000);
        String hostile = "\u001b[2J" + "x".repeat(10_000);
        assertThatThrownBy(() -> client.handleServerFirst(hostile))
                .isExactlyInstanceOf(PgAuthenticationException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("\u001b").hasSizeLessThan(400);
                });
    }

    @Test
    void optionalExtensionsAfterTheIterationCountAreIgnored() {
        ScramClient client = awaitingServerFirst(4096);
        client.handleServerFirst(RFC_SERVER_FIRST + ",x=whatever,Q=1");
        assertThat(client.computeClientFinal()).startsWith("c=biws,r=" + RFC_NONCE);
    }

    @Test
    void serverErrorIsReportedWithItsValue() {
        ScramClient client = finishedClientFinal();
        assertThatThrownBy(() -> client.verifyServerFinal("e=invalid-proof"))
                .isExactlyInstanceOf(PgAuthenticationException.class)
                .hasMessageContaining("invalid-proof")
                .hasMessageContaining("password is wrong");
        assertThat(client.isComplete()).isFalse();
    }

    @Test
    void serverErrorTextIsSanitised() {
        ScramClient client = finishedClientFinal();
        assertThatThrownBy(() -> client.verifyServerFinal("e=\u001b[31mPWNED,x=y"))
                .isExactlyInstanceOf(PgAuthenticationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b").contains("?[31mPWNED"));
    }

    @Test
    void wrongServerSignatureIsRefused() {
        ScramClient client = finishedClientFinal();
        // Same length, first character changed. (Changing the last character before "=" may only touch the
        // unused padding bits, which decode to the same bytes.)
        assertThatThrownBy(() -> client.verifyServerFinal("v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="))
                .isExactlyInstanceOf(PgAuthenticationException.class)
                .hasMessageContaining("did not prove");
        assertThat(client.isComplete()).isFalse();
        assertThat(client.usedChannelBinding()).isFalse();
    }

    @Test
    void serverSignatureComparisonIsByValue() {
        byte[] expected = Base64.getDecoder().decode(RFC_SERVER_FINAL.substring(2));
        // Equal bytes in a fresh array: accepted.
        ScramClient equal = finishedClientFinal();
        equal.verifyServerFinal("v=" + Base64.getEncoder().encodeToString(expected.clone()));
        assertThat(equal.isComplete()).isTrue();
        // Differs only in the first byte, only in the last byte, or is a prefix: all refused.
        for (byte[] candidate : List.of(flip(expected, 0), flip(expected, expected.length - 1),
                Arrays.copyOf(expected, 31), Arrays.copyOf(expected, 33), new byte[0])) {
            ScramClient client = finishedClientFinal();
            assertThatThrownBy(() -> client.verifyServerFinal("v=" + Base64.getEncoder().encodeToString(candidate)))
                    .isExactlyInstanceOf(PgAuthenticationException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v", "v=!!!!", "x=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", ",v=abc",
        "V=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="})
    void malformedServerFinalIsATypedError(String serverFinal) {
        ScramClient client = finishedClientFinal();
        assertThatThrownBy(() -> client.verifyServerFinal(serverFinal))
                .isExactlyInstanceOf(PgAuthenticationException.class);
        assertThat(client.isComplete()).isFalse();
    }

    @Test
    void serverFinalMayCarryExtensions() {
        ScramClient client = finishedClientFinal();
        client.verifyServerFinal(RFC_SERVER_FINAL + ",x=ext");
        assertThat(client.isComplete()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ChannelBindingPolicy.class, names = {"PREFER", "REQUIRE"})
    void channelBoundExchangeMatchesAnIndependentComputation(ChannelBindingPolicy policy) throws Exception {
        String nonce = "fyko+d2lbbFgONRv9qkxdawL";
        String password = "s3cr\u00e9t \u2168";
        ScramClient client = new ScramClient(password, policy, BINDING, 4096, "", nonce);
        assertThat(client.selectMechanism(BOTH)).isEqualTo("SCRAM-SHA-256-PLUS");
        String clientFirst = client.clientFirstMessage();
        assertThat(clientFirst).isEqualTo("p=tls-server-end-point,,n=,r=" + nonce);

        String serverFirst = "r=" + nonce + "3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
        client.handleServerFirst(serverFirst);
        String clientFinal = client.computeClientFinal();

        // Independent computation with javax.crypto's PBKDF2.
        byte[] gs2AndBinding = concat("p=tls-server-end-point,,".getBytes(StandardCharsets.US_ASCII), BINDING);
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(gs2AndBinding) + ",r=" + nonce
                + "3rfcNHYJY1ZVvWVs7j";
        String authMessage = "n=,r=" + nonce + "," + serverFirst + "," + withoutProof;
        // SASLprep: U+2168 ROMAN NUMERAL NINE becomes "IX" under NFKC.
        char[] prepared = "s3cr\u00e9t IX".toCharArray();
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(prepared, Base64.getDecoder().decode("QSXCR+Q6sek8bf92"), 4096, 256))
                .getEncoded();
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        byte[] clientSignature = hmac(storedKey, authMessage.getBytes(StandardCharsets.UTF_8));
        byte[] proof = new byte[32];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        assertThat(clientFinal).isEqualTo(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));

        byte[] serverSignature = hmac(hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII)),
                authMessage.getBytes(StandardCharsets.UTF_8));
        assertThat(client.usedChannelBinding()).isFalse();
        client.verifyServerFinal("v=" + Base64.getEncoder().encodeToString(serverSignature));
        assertThat(client.isComplete()).isTrue();
        assertThat(client.usedChannelBinding()).isTrue();
    }

    @Test
    void clientThatCouldBindTellsTheServerWithY() {
        ScramClient client = new ScramClient("pencil", ChannelBindingPolicy.PREFER, BINDING, 4096, "", RFC_NONCE);
        client.selectMechanism(PLAIN_ONLY);
        assertThat(client.clientFirstMessage()).startsWith("y,,");
        client.handleServerFirst(RFC_SERVER_FIRST);
        // base64("y,,") = "eSws"; the binding data itself is not sent without -PLUS.
        assertThat(client.computeClientFinal()).startsWith("c=eSws,r=");
    }

    @Test
    void passwordIsPreparedWithSaslPrep() {
        // A soft hyphen is "mapped to nothing": the same key as without it.
        assertThat(finalMessageFor("pen\u00adcil")).isEqualTo(finalMessageFor("pencil"));
        assertThat(finalMessageFor("pen\u00a0cil")).isEqualTo(finalMessageFor("pen cil"));
        assertThat(finalMessageFor("pencil\u2168")).isEqualTo(finalMessageFor("pencilIX"));
    }

    private static String finalMessageFor(String password) {
        ScramClient client = new ScramClient(password, ChannelBindingPolicy.DISABLE, null, 4096, "", RFC_NONCE);
        client.selectMechanism(PLAIN_ONLY);
        client.clientFirstMessage();
        client.handleServerFirst(RFC_SERVER_FIRST);
        return client.computeClientFinal();
    }

    @Test
    void cancelStopsTheKeyDerivation() {
        ScramClient client = awaitingServerFirst(100_000);
        client.handleServerFirst("r=" + RFC_NONCE + "srv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=100000");
        client.cancel();
        assertThatThrownBy(client::computeClientFinal)
                .isExactlyInstanceOf(PgAuthenticationException.class)
                .hasMessageContaining("cancelled");
    }

    @Test
    void interruptStopsTheKeyDerivation() {
        ScramClient client = awaitingServerFirst(100_000);
        client.handleServerFirst("r=" + RFC_NONCE + "srv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=100000");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(client::computeClientFinal)
                    .isExactlyInstanceOf(PgAuthenticationException.class)
                    .hasMessageContaining("cancelled");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void emptyPasswordIsRefusedUpFront() {
        assertThatThrownBy(() -> new ScramClient("", ChannelBindingPolicy.PREFER, null, 4096))
                .isExactlyInstanceOf(PgAuthenticationException.class)
                .hasMessageContaining("no password");
    }

    @Test
    void invalidCapIsAProgrammingError() {
        assertThatThrownBy(() -> new ScramClient("pw", ChannelBindingPolicy.PREFER, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stepsOutOfOrderAreIllegalState() {
        ScramClient client = rfcClient(4096);
        assertThatThrownBy(client::clientFirstMessage).isInstanceOf(IllegalStateException.class);
        ScramClient other = rfcClient(4096);
        other.selectMechanism(PLAIN_ONLY);
        assertThatThrownBy(() -> other.selectMechanism(PLAIN_ONLY)).isInstanceOf(IllegalStateException.class);
        ScramClient done = finishedClientFinal();
        done.verifyServerFinal(RFC_SERVER_FINAL);
        assertThatThrownBy(() -> done.verifyServerFinal(RFC_SERVER_FINAL)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void passwordNeverAppearsInMessagesOrToString() {
        String sentinel = "Sentinel-P4ssw0rd-\u00e9";
        List<Runnable> failures = List.of(
                () -> new ScramClient(sentinel, ChannelBindingPolicy.REQUIRE, null, 4096).selectMechanism(BOTH),
                () -> new ScramClient(sentinel, ChannelBindingPolicy.PREFER, null, 4096).selectMechanism(List.of()),
                () -> {
                    ScramClient c = sentinelClient(sentinel);
                    c.handleServerFirst("r=" + RFC_NONCE + "x,s=AAAA,i=100000000");
                },
                () -> {
                    ScramClient c = sentinelClient(sentinel);
                    c.handleServerFirst("r=other,s=AAAA,i=4096");
                },
                () -> {
                    ScramClient c = sentinelClient(sentinel);
                    c.handleServerFirst(RFC_SERVER_FIRST);
                    assertThat(c.toString()).doesNotContain(sentinel);
                    c.computeClientFinal();
                    assertThat(c.toString()).doesNotContain(sentinel);
                    c.verifyServerFinal(RFC_SERVER_FINAL);
                },
                () -> {
                    ScramClient c = sentinelClient(sentinel);
                    c.handleServerFirst(RFC_SERVER_FIRST);
                    c.computeClientFinal();
                    c.verifyServerFinal("e=invalid-proof");
                });
        for (Runnable failure : failures) {
            assertThatThrownBy(failure::run)
                    .isExactlyInstanceOf(PgAuthenticationException.class)
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(sentinel).doesNotContain("P4ssw0rd"));
        }
    }

    private static ScramClient sentinelClient(String password) {
        ScramClient client = new ScramClient(password, ChannelBindingPolicy.PREFER, null, 4096, "", RFC_NONCE);
        client.selectMechanism(PLAIN_ONLY);
        assertThat(client.toString()).doesNotContain(password);
        client.clientFirstMessage();
        return client;
    }

    /** An RFC-vector client that has computed its final message and waits for server-final. */
    private static ScramClient finishedClientFinal() {
        ScramClient client = awaitingServerFirst(4096);
        client.handleServerFirst(RFC_SERVER_FIRST);
        client.computeClientFinal();
        return client;
    }

    private static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }
}
