package io.pgasync.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import io.pgasync.exception.PgAuthenticationException;

/**
 * The response to PostgreSQL's {@code AuthenticationMD5Password} request:
 * {@code "md5" + hex(md5(hex(md5(password + user)) + salt))}, where the inner hex string is the secret the server
 * stores in {@code pg_authid.rolpassword} (without its {@code md5} prefix) and the salt is the 4 random bytes of
 * the request. The user name and password are encoded as UTF-8 (pgasync always runs with
 * {@code client_encoding=UTF8}); the password is not SASLprep-ed, as in libpq.
 */
public final class Md5Password {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Md5Password() {}

    /**
     * Computes the payload of the {@code PasswordMessage} that answers an MD5 request.
     *
     * @param user the user name sent in the startup message
     * @param password the password
     * @param salt4 the 4-byte salt from {@code AuthenticationMD5Password}
     * @return 35 ASCII bytes: {@code md5} followed by 32 lowercase hex digits. The trailing NUL of the
     *     {@code PasswordMessage} string is NOT included; the message writer adds it.
     * @throws IllegalArgumentException when the salt is not 4 bytes long
     * @throws PgAuthenticationException when this JVM provides no MD5 digest
     */
    public static byte[] response(String user, String password, byte[] salt4) {
        if (salt4.length != 4) {
            throw new IllegalArgumentException("an MD5 salt has 4 bytes, got " + salt4.length);
        }
        MessageDigest md5 = md5();
        byte[] passwordBytes = password.getBytes(StandardCharsets.UTF_8);
        md5.update(passwordBytes);
        md5.update(user.getBytes(StandardCharsets.UTF_8));
        byte[] inner = md5.digest();
        byte[] innerHex = new byte[32];
        hex(inner, innerHex, 0);
        md5.update(innerHex);
        md5.update(salt4);
        byte[] outer = md5.digest();
        byte[] result = new byte[35];
        result[0] = 'm';
        result[1] = 'd';
        result[2] = '5';
        hex(outer, result, 3);
        Arrays.fill(passwordBytes, (byte) 0);
        Arrays.fill(inner, (byte) 0);
        Arrays.fill(innerHex, (byte) 0);
        return result;
    }

    private static void hex(byte[] bytes, byte[] out, int offset) {
        for (int i = 0; i < bytes.length; i++) {
            out[offset + 2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[offset + 2 * i + 1] = HEX[bytes[i] & 0xF];
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            // Java SE requires MD5, but a JVM in FIPS mode may withhold it.
            throw new PgAuthenticationException("The server asked for MD5 password authentication, but this JVM "
                    + "provides no MD5 digest (FIPS mode?). Configure the server to use scram-sha-256 for this user "
                    + "(password_encryption=scram-sha-256, then set the password again, and scram-sha-256 in "
                    + "pg_hba.conf).", e);
        }
    }
}
