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
import io.pgasync.types.PgLsn;
import io.pgasync.types.PgSnapshot;
import io.pgasync.types.PgTid;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SystemCodecsTest {

    @Test
    void xidAndCidAreUnsigned32Bit() {
        assertThat(encodeBinary(SystemCodecs.XID, 4_294_967_295L)).isEqualTo(hex("ffffffff"));
        assertThat(decodeBinary(SystemCodecs.XID, "ffffffff")).isEqualTo(4_294_967_295L);
        assertThat(decodeText(SystemCodecs.CID, "7")).isEqualTo(7L);
        assertThatThrownBy(() -> encodeBinary(SystemCodecs.XID, -1)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> decodeText(SystemCodecs.XID, "4294967296")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void xid8IsUnsigned64Bit() {
        assertThat(encodeBinary(SystemCodecs.XID8, 123L)).isEqualTo(hex("000000000000007b"));
        assertThat(decodeText(SystemCodecs.XID8, "18446744073709551615")).isEqualTo(-1L);
        assertThat(encodeText(SystemCodecs.XID8, new BigInteger("18446744073709551615"))).isEqualTo(
                "18446744073709551615");
        assertThatThrownBy(() -> decodeText(SystemCodecs.XID8, "18446744073709551616"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encodeBinary(SystemCodecs.XID8, BigInteger.TWO.pow(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void tidRoundTrips(Format format) {
        assertThat(roundTrip(SystemCodecs.TID, new PgTid(4_294_967_295L, 65_535), format))
                .isEqualTo(new PgTid(4_294_967_295L, 65_535));
    }

    @Test
    void tidWireForms() {
        assertThat(encodeBinary(SystemCodecs.TID, new PgTid(1, 2))).isEqualTo(hex("000000010002"));
        assertThat(decodeText(SystemCodecs.TID, "(1,2)")).isEqualTo(new PgTid(1, 2));
        for (String bad : new String[] {"", "(1)", "1,2", "(1,2", "(-1,2)", "(1,65536)"}) {
            assertThatThrownBy(() -> decodeText(SystemCodecs.TID, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void lsnWireForms() {
        assertThat(encodeBinary(SystemCodecs.PG_LSN, PgLsn.parse("16/B374D848"))).isEqualTo(hex("00000016b374d848"));
        assertThat(decodeText(SystemCodecs.PG_LSN, "FFFFFFFF/FFFFFFFF")).isEqualTo(new PgLsn(-1));
        assertThat(encodeText(SystemCodecs.PG_LSN, new PgLsn(0x16_B374_D848L))).isEqualTo("16/B374D848");
        assertThatThrownBy(() -> decodeText(SystemCodecs.PG_LSN, "16B374D848")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotWireForms() {
        PgSnapshot snapshot = new PgSnapshot(10, 20, List.of(10L, 14L, 15L));
        String bytes = "00000003 000000000000000a 0000000000000014 000000000000000a 000000000000000e 000000000000000f";
        assertThat(encodeBinary(SystemCodecs.PG_SNAPSHOT, snapshot)).isEqualTo(hex(bytes));
        assertThat(decodeBinary(SystemCodecs.PG_SNAPSHOT, bytes)).isEqualTo(snapshot);
        assertThat(decodeText(SystemCodecs.TXID_SNAPSHOT, "10:20:10,14,15")).isEqualTo(snapshot);
        assertThat(decodeText(SystemCodecs.TXID_SNAPSHOT, "10:20:")).isEqualTo(new PgSnapshot(10, 20, List.of()));
        assertThat(encodeText(SystemCodecs.PG_SNAPSHOT, snapshot)).isEqualTo("10:20:10,14,15");
        assertThatThrownBy(() -> decodeBinary(SystemCodecs.PG_SNAPSHOT, "7fffffff 0000000000000000 0000000000000000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transaction IDs");
        assertThatThrownBy(() -> decodeText(SystemCodecs.PG_SNAPSHOT, "10:20:1,")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void regTypesAreNamesInTextAndTakeNamesOrOids() {
        assertThat(SystemCodecs.REGCLASS.supportsBinary()).isFalse();
        assertThat(decodeText(SystemCodecs.REGCLASS, "pg_class")).isEqualTo("pg_class");
        assertThat(decodeBinary(SystemCodecs.REGTYPE, "00000017")).isEqualTo("23");
        assertThat(encodeText(SystemCodecs.REGTYPE, 23)).isEqualTo("23");
        assertThat(encodeText(SystemCodecs.REGTYPE, "integer")).isEqualTo("integer");
        assertThat(encodeBinary(SystemCodecs.REGTYPE, 23L)).isEqualTo(hex("00000017"));
        assertThat(SystemCodecs.REGROLE.canEncode(Long.class)).isTrue();
    }
}
