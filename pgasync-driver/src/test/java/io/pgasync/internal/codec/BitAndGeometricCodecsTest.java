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
import io.pgasync.types.PgBitString;
import io.pgasync.types.PgBox;
import io.pgasync.types.PgCircle;
import io.pgasync.types.PgLine;
import io.pgasync.types.PgLineSegment;
import io.pgasync.types.PgPath;
import io.pgasync.types.PgPoint;
import io.pgasync.types.PgPolygon;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BitAndGeometricCodecsTest {

    @Test
    void bitStringsAreALengthAndPackedBits() {
        PgBitString bits = PgBitString.parse("1010000011");
        assertThat(encodeBinary(BitCodecs.VARBIT, bits)).isEqualTo(hex("0000000aa0c0"));
        assertThat(decodeBinary(BitCodecs.BIT, "0000000aa0c0")).isEqualTo(bits);
        assertThat(encodeText(BitCodecs.BIT, bits)).isEqualTo("1010000011");
        assertThat(decodeText(BitCodecs.VARBIT, "")).isEqualTo(PgBitString.parse(""));
        assertThat(bits.get(0)).isTrue();
        assertThat(bits.get(1)).isFalse();
        assertThat(bits.length()).isEqualTo(10);
        // padding bits the server might leave set are cleared, so equal values are equal
        assertThat(decodeBinary(BitCodecs.VARBIT, "00000001ff")).isEqualTo(PgBitString.parse("1"));
    }

    @Test
    void malformedBitStringsAreRefused() {
        assertThatThrownBy(() -> decodeBinary(BitCodecs.BIT, "00000009ff")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decodeBinary(BitCodecs.BIT, "ffffffff")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decodeText(BitCodecs.BIT, "012")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgBitString.parse("10x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void geometricBinaryFormsAreFloat8Coordinates() {
        assertThat(encodeBinary(GeometricCodecs.POINT, new PgPoint(1.5, -2))).isEqualTo(hex("3ff8000000000000c000000000000000"));
        assertThat(decodeBinary(GeometricCodecs.LINE, "3ff0000000000000bff00000000000003fe0000000000000"))
                .isEqualTo(new PgLine(1, -1, 0.5));
        assertThat(decodeBinary(GeometricCodecs.LSEG,
                "000000000000000000000000000000003ff00000000000004000000000000000"))
                .isEqualTo(new PgLineSegment(new PgPoint(0, 0), new PgPoint(1, 2)));
        assertThat(decodeBinary(GeometricCodecs.BOX,
                "4000000000000000400800000000000000000000000000000000000000000000"))
                .isEqualTo(new PgBox(new PgPoint(2, 3), new PgPoint(0, 0)));
        assertThat(decodeBinary(GeometricCodecs.PATH,
                "0000000002000000000000000000000000000000003ff00000000000003ff0000000000000"))
                .isEqualTo(new PgPath(List.of(new PgPoint(0, 0), new PgPoint(1, 1)), false));
        assertThat(decodeBinary(GeometricCodecs.POLYGON, "00000003" + "0000000000000000 0000000000000000"
                + " 3ff0000000000000 3ff0000000000000 4000000000000000 0000000000000000"))
                .isEqualTo(new PgPolygon(List.of(new PgPoint(0, 0), new PgPoint(1, 1), new PgPoint(2, 0))));
        assertThat(decodeBinary(GeometricCodecs.CIRCLE, "3ff00000000000004000000000000000400c000000000000"))
                .isEqualTo(new PgCircle(new PgPoint(1, 2), 3.5));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void geometricValuesRoundTrip(Format format) {
        Object[] values = {new PgPoint(Double.NaN, Double.NEGATIVE_INFINITY), new PgPoint(-0.0, 1e300),
            new PgLine(1, 2, 3), new PgLineSegment(new PgPoint(0.1, 0.2), new PgPoint(3, 4)),
            new PgBox(new PgPoint(0, 0), new PgPoint(-1, 5)),
            new PgPath(List.of(new PgPoint(0, 0), new PgPoint(1, 1), new PgPoint(2, 0)), true),
            new PgPath(List.of(new PgPoint(0, 0)), false), new PgPolygon(List.of(new PgPoint(1, 1))),
            new PgCircle(new PgPoint(1, 2), 0)};
        GeometricCodecs.GeoCodec<?>[] codecs = {GeometricCodecs.POINT, GeometricCodecs.POINT, GeometricCodecs.LINE,
            GeometricCodecs.LSEG, GeometricCodecs.BOX, GeometricCodecs.PATH, GeometricCodecs.PATH,
            GeometricCodecs.POLYGON, GeometricCodecs.CIRCLE};
        for (int i = 0; i < values.length; i++) {
            assertThat(roundTrip(codecs[i], values[i], format)).as("%s", values[i]).isEqualTo(values[i]);
        }
    }

    @Test
    void geometricTextIsPostgresOwn() {
        assertThat(encodeText(GeometricCodecs.BOX, new PgBox(new PgPoint(0, 0), new PgPoint(2, 3))))
                .isEqualTo("(2,3),(0,0)");
        assertThat(decodeText(GeometricCodecs.PATH, "((0,0),(1,1))").closed()).isTrue();
        assertThat(decodeText(GeometricCodecs.PATH, "[(0,0),(1,1)]").closed()).isFalse();
        assertThat(decodeText(GeometricCodecs.CIRCLE, "<(1,2),3>")).isEqualTo(new PgCircle(new PgPoint(1, 2), 3));
        assertThat(decodeText(GeometricCodecs.POINT, "(1e+20,-Infinity)"))
                .isEqualTo(new PgPoint(1e20, Double.NEGATIVE_INFINITY));
    }

    @Test
    void malformedGeometricValuesAreRefused() {
        assertThatThrownBy(() -> decodeBinary(GeometricCodecs.POINT, "3ff8000000000000")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> decodeBinary(GeometricCodecs.PATH, "02 00000001 0000000000000000 0000000000000000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> decodeBinary(GeometricCodecs.POLYGON, "7fffffff 0000000000000000 0000000000000000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points");
        assertThatThrownBy(() -> decodeBinary(GeometricCodecs.CIRCLE, "0000000000000000 0000000000000000 bff0000000000000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radius");
        for (String bad : new String[] {"(1)", "(1,2,3)", "(a,b)", "", "(1,,2)x"}) {
            assertThatThrownBy(() -> decodeText(GeometricCodecs.POINT, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
