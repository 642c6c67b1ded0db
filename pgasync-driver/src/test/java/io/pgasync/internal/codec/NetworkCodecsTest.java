package io.pgasync.internal.codec;

import static io.pgasync.internal.codec.CodecTesting.decodeBinary;
import static io.pgasync.internal.codec.CodecTesting.decodeText;
import static io.pgasync.internal.codec.CodecTesting.encodeBinary;
import static io.pgasync.internal.codec.CodecTesting.encodeText;
import static io.pgasync.internal.codec.CodecTesting.hex;
import static io.pgasync.internal.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.codec.Format;
import io.pgasync.types.PgInet;
import io.pgasync.types.PgMacAddr;
import io.pgasync.types.PgMacAddr8;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkCodecsTest {

    @Test
    void inetAndCidrBinaryIsFamilyBitsFlagLengthAddress() {
        assertThat(encodeBinary(NetworkCodecs.INET, PgInet.parse("192.168.0.1/24"))).isEqualTo(hex("02180004c0a80001"));
        assertThat(decodeBinary(NetworkCodecs.INET, "02180004c0a80001")).isEqualTo(PgInet.parse("192.168.0.1/24"));
        String cidr = "0320011020010db8000000000000000000000000";
        assertThat(encodeBinary(NetworkCodecs.CIDR, PgInet.parse("2001:db8::/32"))).isEqualTo(hex(cidr));
        assertThat(decodeBinary(NetworkCodecs.CIDR, cidr)).isEqualTo(PgInet.parse("2001:db8::/32"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "255.255.255.255/0", "10.0.0.1/8", "::", "::1", "1::", "2001:db8::1/64",
        "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8", "fe80::1:2", "1:0:0:2::3"})
    void inetTextRoundTrips(String text) {
        PgInet inet = PgInet.parse(text);
        for (Format format : Format.values()) {
            assertThat(roundTrip(NetworkCodecs.INET, inet, format)).isEqualTo(inet);
        }
        assertThat(PgInet.parse(inet.toString())).isEqualTo(inet);
    }

    @Test
    void ipv6IsWrittenAsPostgresWritesIt() {
        assertThat(PgInet.parse("2001:0db8:0000:0000:0000:0000:0000:0001").toString()).isEqualTo("2001:db8::1");
        assertThat(PgInet.parse("0:0:0:0:0:ffff:102:304").toString()).isEqualTo("::ffff:1.2.3.4");
        assertThat(PgInet.parse("1:0:0:2:0:0:0:3").toString()).isEqualTo("1:0:0:2::3");
        assertThat(PgInet.parse("10.1.2.3").toCidrString()).isEqualTo("10.1.2.3/32");
        assertThat(encodeText(NetworkCodecs.CIDR, PgInet.parse("10.0.0.0/8"))).isEqualTo("10.0.0.0/8");
    }

    @Test
    void anIpv4MappedAddressStaysIpv6() throws Exception {
        PgInet mapped = PgInet.parse("::ffff:1.2.3.4");
        assertThat(mapped.isIpv6()).isTrue();
        assertThat(mapped.address()).isInstanceOf(Inet6Address.class);
        assertThat(PgInet.of(mapped.address())).isEqualTo(mapped);
        assertThat(encodeBinary(NetworkCodecs.INET, InetAddress.getByAddress(new byte[] {1, 2, 3, 4})))
                .isEqualTo(hex("0220000401020304"));
    }

    @Test
    void badAddressesAreRefusedWithoutLookups() {
        for (String bad : new String[] {"localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1::2::3",
            ":1", "1:", "1.2.3.4/33", "::/129", "1.2.3.4/", "12345::", "g::1"}) {
            assertThatThrownBy(() -> PgInet.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> decodeBinary(NetworkCodecs.INET, "04180004c0a80001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("family");
        assertThatThrownBy(() -> decodeBinary(NetworkCodecs.INET, "02210004c0a80001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("netmask");
        assertThatThrownBy(() -> decodeText(NetworkCodecs.INET, "nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encodeBinary(NetworkCodecs.CIDR, PgInet.parse("10.0.0.1/8")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("right of");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void macAddresses(Format format) {
        PgMacAddr mac = PgMacAddr.parse("08:00:2b:01:02:03");
        assertThat(roundTrip(NetworkCodecs.MACADDR, mac, format)).isEqualTo(mac);
        PgMacAddr8 mac8 = PgMacAddr8.parse("08:00:2b:01:02:03:04:05");
        assertThat(roundTrip(NetworkCodecs.MACADDR8, mac8, format)).isEqualTo(mac8);
        assertThat(roundTrip(NetworkCodecs.MACADDR8, mac, format)).isEqualTo(PgMacAddr8.parse("08002bfffe010203"));
    }

    @Test
    void macWireForms() {
        assertThat(encodeBinary(NetworkCodecs.MACADDR, PgMacAddr.parse("08-00-2B-01-02-03"))).isEqualTo(
                hex("08002b010203"));
        assertThat(decodeBinary(NetworkCodecs.MACADDR8, "08002b0102030405").toString())
                .isEqualTo("08:00:2b:01:02:03:04:05");
        assertThat(PgMacAddr.parse("0800.2b01.0203")).isEqualTo(PgMacAddr.parse("08:00:2b:01:02:03"));
        for (String bad : new String[] {"08:00:2b:01:02", "08:00:2b:01:02:03:04", "zz:00:2b:01:02:03", ":08002b010203"}) {
            assertThatThrownBy(() -> PgMacAddr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> decodeBinary(NetworkCodecs.MACADDR, "08002b0102")).isInstanceOf(
                IllegalArgumentException.class);
    }
}
