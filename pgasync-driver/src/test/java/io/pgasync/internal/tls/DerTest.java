package io.pgasync.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The minimal DER reader and writer behind the key conversions: lengths are checked, never trusted. */
class DerTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10045.3.1.7", "1.3.101.112", "2.16.840.1.101.3.4.1.42", "2.999.3",
        "1.2.840.113549.1.5.13", "0.9.2342.19200300.100.1.25"})
    void objectIdentifiersRoundTrip(String oid) throws Exception {
        assertThat(Der.parse(Der.oid(oid)).oid()).isEqualTo(oid);
    }

    @Test
    void writesTheKnownEncodingOfP256() {
        assertThat(Der.oid("1.2.840.10045.3.1.7"))
                .containsExactly(0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07);
    }

    @Test
    void longFormLengthsRoundTrip() throws Exception {
        byte[] content = new byte[300];
        content[299] = 42;

        byte[] encoded = Der.tlv(Der.OCTET_STRING, content);

        assertThat(encoded).startsWith(0x04, 0x82, 0x01, 0x2C);
        assertThat(Der.parse(encoded).content()).isEqualTo(content);
    }

    @Test
    void nestedElementsAreListed() throws Exception {
        byte[] sequence = Der.tlv(Der.SEQUENCE, Der.integer(3), Der.nullValue(), Der.oid("1.3.101.112"));

        var children = Der.parse(sequence).children();

        assertThat(children).hasSize(3);
        assertThat(children.get(0).intValue()).isEqualTo(3);
        assertThat(children.get(1).tag).isEqualTo(Der.NULL);
        assertThat(children.get(2).oid()).isEqualTo("1.3.101.112");
    }

    @Test
    void refusesLengthsThatRunPastTheData() {
        assertThatThrownBy(() -> Der.parse(new byte[] {0x30, 0x05, 0x02, 0x01}))
                .isInstanceOf(Der.MalformedException.class);
        assertThatThrownBy(() -> Der.parse(new byte[] {0x04, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}))
                .isInstanceOf(Der.MalformedException.class);
        assertThatThrownBy(() -> Der.parse(new byte[] {0x30, (byte) 0x85, 1, 0, 0, 0, 0}))
                .isInstanceOf(Der.MalformedException.class);
    }

    @Test
    void refusesIndefiniteLengthsTrailingBytesAndNestedGarbage() {
        assertThatThrownBy(() -> Der.parse(new byte[] {0x30, (byte) 0x80, 0x00, 0x00}))
                .isInstanceOf(Der.MalformedException.class)
                .hasMessageContaining("indefinite");
        assertThatThrownBy(() -> Der.parse(new byte[] {0x05, 0x00, 0x00}))
                .isInstanceOf(Der.MalformedException.class)
                .hasMessageContaining("trailing");
        assertThatThrownBy(() -> Der.parse(new byte[] {0x30, 0x03, 0x02, 0x05, 0x00}).children())
                .isInstanceOf(Der.MalformedException.class);
        assertThatThrownBy(() -> Der.parse(new byte[] {0x06, 0x02, 0x2A, (byte) 0x86}).oid())
                .isInstanceOf(Der.MalformedException.class);
    }
}
