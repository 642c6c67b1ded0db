package io.pgasync.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class Md5PasswordTest {

    /** What PostgreSQL stores in pg_authid.rolpassword for user postgres, password postgres. */
    private static final String STORED_POSTGRES_POSTGRES = "md53175bce1d3201d16594cebf9d7eb3f9d";

    @Test
    void matchesTheSecretPostgresqlStoresAndSaltsIt() throws Exception {
        byte[] salt = {(byte) 0x9a, 0x01, 0x7f, (byte) 0xee};
        // Built independently: the stored secret (without "md5"), then md5(secret + salt).
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        String storedHex = HexFormat.of().formatHex(md5.digest("postgrespostgres".getBytes(StandardCharsets.UTF_8)));
        assertThat("md5" + storedHex).isEqualTo(STORED_POSTGRES_POSTGRES);
        md5.update(STORED_POSTGRES_POSTGRES.substring(3).getBytes(StandardCharsets.US_ASCII));
        md5.update(salt);
        String expected = "md5" + HexFormat.of().formatHex(md5.digest());

        byte[] response = Md5Password.response("postgres", "postgres", salt);
        assertThat(new String(response, StandardCharsets.US_ASCII)).isEqualTo(expected);
        assertThat(response).hasSize(35).doesNotContain((byte) 0);
    }

    @Test
    void saltChangesTheResponse() {
        assertThat(Md5Password.response("postgres", "postgres", new byte[] {1, 2, 3, 4}))
                .isNotEqualTo(Md5Password.response("postgres", "postgres", new byte[] {1, 2, 3, 5}));
    }

    @Test
    void encodesUserAndPasswordAsUtf8() throws Exception {
        byte[] salt = {0, 0, 0, 0};
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        String inner = HexFormat.of().formatHex(md5.digest("p\u00e4ss\u00fc\u00df\u00e9r".getBytes(StandardCharsets.UTF_8)));
        md5.update(inner.getBytes(StandardCharsets.US_ASCII));
        md5.update(salt);
        String expected = "md5" + HexFormat.of().formatHex(md5.digest());
        assertThat(new String(Md5Password.response("\u00fc\u00df\u00e9r", "p\u00e4ss", salt),
                StandardCharsets.US_ASCII)).isEqualTo(expected);
    }

    @Test
    void saltMustBeFourBytes() {
        assertThatThrownBy(() -> Md5Password.response("u", "p", new byte[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Md5Password.response("u", "p", new byte[5]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
