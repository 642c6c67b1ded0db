package io.pgasync.internal.codec;

import static io.pgasync.internal.codec.CodecTesting.decodeBinary;
import static io.pgasync.internal.codec.CodecTesting.decodeText;
import static io.pgasync.internal.codec.CodecTesting.encodeBinary;
import static io.pgasync.internal.codec.CodecTesting.encodeText;
import static io.pgasync.internal.codec.CodecTesting.hex;
import static io.pgasync.internal.codec.CodecTesting.hexOf;
import static io.pgasync.internal.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.codec.Format;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumericCodecsTest {

    // ---------------------------------------------------------------------------------------------------------
    // Integers

    @Test
    void int4HasTheWireEncodingOfBigEndianTwosComplement() {
        assertThat(encodeBinary(NumericCodecs.INT4, 1)).isEqualTo(hex("00 00 00 01"));
        assertThat(encodeBinary(NumericCodecs.INT4, -1)).isEqualTo(hex("ff ff ff ff"));
        assertThat(decodeBinary(NumericCodecs.INT4, "80 00 00 00")).isEqualTo(Integer.MIN_VALUE);
        assertThat(encodeText(NumericCodecs.INT4, Integer.MIN_VALUE)).isEqualTo("-2147483648");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void integersRoundTripTheirWholeRange(Format format) {
        for (short v : new short[] {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE}) {
            assertThat(roundTrip(NumericCodecs.INT2, v, format)).isEqualTo(v);
        }
        for (int v : new int[] {Integer.MIN_VALUE, -1, 0, 1, 42, Integer.MAX_VALUE}) {
            assertThat(roundTrip(NumericCodecs.INT4, v, format)).isEqualTo(v);
        }
        for (long v : new long[] {Long.MIN_VALUE, -1, 0, 1, 1L << 40, Long.MAX_VALUE}) {
            assertThat(roundTrip(NumericCodecs.INT8, v, format)).isEqualTo(v);
        }
        for (long v : new long[] {0, 1, 2_147_483_648L, 4_294_967_295L}) {
            assertThat(roundTrip(NumericCodecs.OID, v, format)).isEqualTo(v);
        }
    }

    @Test
    void integerCodecsAcceptOtherIntegerClassesThatFit() {
        assertThat(encodeBinary(NumericCodecs.INT4, (short) 7)).isEqualTo(hex("00 00 00 07"));
        assertThat(encodeBinary(NumericCodecs.INT4, (byte) -2)).isEqualTo(hex("ff ff ff fe"));
        assertThat(encodeBinary(NumericCodecs.INT4, 300L)).isEqualTo(hex("00 00 01 2c"));
        assertThat(encodeBinary(NumericCodecs.INT4, BigInteger.TEN)).isEqualTo(hex("00 00 00 0a"));
        assertThat(encodeBinary(NumericCodecs.INT4, new BigDecimal("5.000"))).isEqualTo(hex("00 00 00 05"));
        assertThat(encodeBinary(NumericCodecs.INT4, new BigDecimal("1E+2"))).isEqualTo(hex("00 00 00 64"));
        assertThat(encodeBinary(NumericCodecs.INT2, 32767L)).isEqualTo(hex("7f ff"));
        assertThat(encodeBinary(NumericCodecs.INT8, Integer.MIN_VALUE)).isEqualTo(hex("ff ff ff ff 80 00 00 00"));
        assertThat(NumericCodecs.INT4.canEncode(Long.class)).isTrue();
        assertThat(NumericCodecs.INT4.canEncode(BigDecimal.class)).isTrue();
        assertThat(NumericCodecs.INT4.canEncode(Double.class)).isFalse();
        assertThat(NumericCodecs.INT4.canEncode(String.class)).isTrue();
    }

    @Test
    void integerOutOfRangeIsRefusedNamingTheValueAndType() {
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.INT4, 3_000_000_000L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value 3000000000 is out of range for int4");
        assertThatThrownBy(() -> encodeText(NumericCodecs.INT2, 40_000))
                .hasMessage("value 40000 is out of range for int2");
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.INT8, BigInteger.ONE.shiftLeft(63)))
                .hasMessage("value 9223372036854775808 is out of range for int8");
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.INT8, new BigDecimal("1E+30")))
                .hasMessage("value 1E+30 is out of range for int8");
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.OID, -1))
                .hasMessage("value -1 is out of range for oid");
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.OID, 4_294_967_296L))
                .hasMessage("value 4294967296 is out of range for oid");
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.INT4, new BigDecimal("1.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fractional part");
    }

    @Test
    void oidDecodesAsUnsigned() {
        assertThat(decodeBinary(NumericCodecs.OID, "ff ff ff ff")).isEqualTo(4_294_967_295L);
        assertThat(decodeText(NumericCodecs.OID, "4294967295")).isEqualTo(4_294_967_295L);
        assertThatThrownBy(() -> decodeText(NumericCodecs.OID, "4294967296"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decodeText(NumericCodecs.OID, "-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFixedSizeValueOfTheWrongLengthNamesTypeAndLength() {
        assertThatThrownBy(() -> decodeBinary(NumericCodecs.INT4, "00 00 01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid binary int4 value: length 3, expected 4");
        assertThatThrownBy(() -> decodeBinary(NumericCodecs.INT2, "00 00 01"))
                .hasMessage("invalid binary int2 value: length 3, expected 2");
        assertThatThrownBy(() -> decodeBinary(NumericCodecs.INT8, "00"))
                .hasMessage("invalid binary int8 value: length 1, expected 8");
        assertThatThrownBy(() -> decodeBinary(NumericCodecs.FLOAT8, "00 00 00 00"))
                .hasMessage("invalid binary float8 value: length 4, expected 8");
        assertThatThrownBy(() -> decodeBinary(NumericCodecs.OID, ""))
                .hasMessage("invalid binary oid value: length 0, expected 4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", "12a", " 1", "1 ", "1.0", "99999999999", "0x10", "١"})
    void malformedIntegerTextIsRejected(String text) {
        assertThatThrownBy(() -> decodeText(NumericCodecs.INT4, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("int4");
    }

    @Test
    void integerTextAtTheLimits() {
        assertThat(decodeText(NumericCodecs.INT8, "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(decodeText(NumericCodecs.INT8, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> decodeText(NumericCodecs.INT8, "9223372036854775808"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decodeText(NumericCodecs.INT8, "-9223372036854775809"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(decodeText(NumericCodecs.INT2, "-32768")).isEqualTo(Short.MIN_VALUE);
        assertThatThrownBy(() -> decodeText(NumericCodecs.INT2, "32768")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Floating point

    @ParameterizedTest
    @EnumSource(Format.class)
    void floatsRoundTripEdgeValues(Format format) {
        for (double v : new double[] {0.0, -0.0, 1.5, -2.25e-300, Double.MIN_VALUE, Double.MAX_VALUE,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1}) {
            assertThat(roundTrip(NumericCodecs.FLOAT8, v, format)).isEqualTo(Double.valueOf(v));
        }
        for (float v : new float[] {0.0f, -0.0f, 1.5f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.1f}) {
            assertThat(roundTrip(NumericCodecs.FLOAT4, v, format)).isEqualTo(Float.valueOf(v));
        }
    }

    @Test
    void floatsHaveTheIeeeWireEncoding() {
        assertThat(encodeBinary(NumericCodecs.FLOAT8, 1.0)).isEqualTo(hex("3f f0 00 00 00 00 00 00"));
        assertThat(encodeBinary(NumericCodecs.FLOAT4, 1.0f)).isEqualTo(hex("3f 80 00 00"));
        assertThat(encodeBinary(NumericCodecs.FLOAT4, 2)).isEqualTo(hex("40 00 00 00"));
    }

    @Test
    void floatTextFromTheServerIsRead() {
        assertThat(decodeText(NumericCodecs.FLOAT8, "Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(decodeText(NumericCodecs.FLOAT8, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(decodeText(NumericCodecs.FLOAT8, "NaN")).isNaN();
        assertThat(decodeText(NumericCodecs.FLOAT8, "1e+100")).isEqualTo(1e100);
        assertThat(decodeText(NumericCodecs.FLOAT8, "-1.5e-07")).isEqualTo(-1.5e-7);
        assertThat(decodeText(NumericCodecs.FLOAT4, "3.4028235e+38")).isEqualTo(Float.MAX_VALUE);
        assertThat(decodeText(NumericCodecs.FLOAT4, "-0")).isEqualTo(-0.0f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0x1p3", "1.0d", "1f", " 1", "inf", "Infinityx", "--"})
    void malformedFloatTextIsRejected(String text) {
        assertThatThrownBy(() -> decodeText(NumericCodecs.FLOAT8, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("float8");
    }

    @Test
    void floatValuesOutsideTheTypeAreRefused() {
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.FLOAT4, 1e300))
                .hasMessage("value 1.0E300 is out of range for float4");
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.FLOAT4, 1e-300))
                .hasMessage("value 1.0E-300 is out of range for float4");
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.FLOAT8, new BigDecimal("1e400")))
                .hasMessage("value 1E+400 is out of range for float8");
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.FLOAT8, new BigDecimal("1e-400")))
                .hasMessage("value 1E-400 is out of range for float8");
        assertThat(roundTrip(NumericCodecs.FLOAT4, Double.NaN, Format.BINARY)).isNaN();
    }

    // ---------------------------------------------------------------------------------------------------------
    // numeric

    @Test
    void numericHasPostgresqlsBase10000Encoding() {
        // 12345.678: ndigits 3, weight 1, sign +, dscale 3, digits 1 2345 6780
        String expected = "00 03 00 01 00 00 00 03 00 01 09 29 1a 7c";
        assertThat(hexOf(encodeBinary(NumericCodecs.NUMERIC, new BigDecimal("12345.678")))).isEqualTo(expected);
        assertThat(decodeBinary(NumericCodecs.NUMERIC, expected)).isEqualTo(new BigDecimal("12345.678"));
        // -12.3400: ndigits 2, weight 0, sign -, dscale 4, digits 12 3400
        String negative = "00 02 00 00 40 00 00 04 00 0c 0d 48";
        assertThat(hexOf(encodeBinary(NumericCodecs.NUMERIC, new BigDecimal("-12.3400")))).isEqualTo(negative);
        assertThat(decodeBinary(NumericCodecs.NUMERIC, negative)).isEqualTo(new BigDecimal("-12.3400"));
    }

    @Test
    void numericEncodesZerosWeightsAndScales() {
        assertThat(hexOf(encodeBinary(NumericCodecs.NUMERIC, BigDecimal.ZERO))).isEqualTo("00 00 00 00 00 00 00 00");
        assertThat(hexOf(encodeBinary(NumericCodecs.NUMERIC, new BigDecimal("0.00"))))
                .isEqualTo("00 00 00 00 00 00 00 02");
        // 10000: one digit, weight 1
        assertThat(hexOf(encodeBinary(NumericCodecs.NUMERIC, 10000))).isEqualTo("00 01 00 01 00 00 00 00 00 01");
        // 0.0001: one digit, weight -1, dscale 4
        assertThat(hexOf(encodeBinary(NumericCodecs.NUMERIC, new BigDecimal("0.0001"))))
                .isEqualTo("00 01 ff ff 00 00 00 04 00 01");
        // 1E+3 has a negative scale: sent as 1000 with dscale 0
        assertThat(hexOf(encodeBinary(NumericCodecs.NUMERIC, new BigDecimal("1E+3"))))
                .isEqualTo("00 01 00 00 00 00 00 00 03 e8");
        assertThat(decodeBinary(NumericCodecs.NUMERIC, "00 00 00 00 00 00 00 02")).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void numericSpecialValuesMapToDoubleConstants() {
        assertThat(hexOf(encodeBinary(NumericCodecs.NUMERIC, Double.NaN))).isEqualTo("00 00 00 00 c0 00 00 00");
        assertThat(hexOf(encodeBinary(NumericCodecs.NUMERIC, Double.POSITIVE_INFINITY)))
                .isEqualTo("00 00 00 00 d0 00 00 00");
        assertThat(hexOf(encodeBinary(NumericCodecs.NUMERIC, Float.NEGATIVE_INFINITY)))
                .isEqualTo("00 00 00 00 f0 00 00 00");
        assertThat(decodeBinary(NumericCodecs.NUMERIC, "00 00 00 00 c0 00 00 00")).isEqualTo(Double.NaN);
        assertThat(decodeBinary(NumericCodecs.NUMERIC, "00 00 00 00 d0 00 00 00"))
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(decodeBinary(NumericCodecs.NUMERIC, "00 00 00 00 f0 00 00 00"))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(decodeText(NumericCodecs.NUMERIC, "NaN")).isEqualTo(Double.NaN);
        assertThat(decodeText(NumericCodecs.NUMERIC, "Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(decodeText(NumericCodecs.NUMERIC, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(encodeText(NumericCodecs.NUMERIC, Double.NaN)).isEqualTo("NaN");
        assertThat(encodeText(NumericCodecs.NUMERIC, Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void numericTakesJavaNumbersAsTheirDecimalValue() {
        assertThat(roundTrip(NumericCodecs.NUMERIC, 0.1, Format.BINARY)).isEqualTo(new BigDecimal("0.1"));
        assertThat(roundTrip(NumericCodecs.NUMERIC, 0.1f, Format.BINARY)).isEqualTo(new BigDecimal("0.1"));
        assertThat(roundTrip(NumericCodecs.NUMERIC, Long.MIN_VALUE, Format.BINARY))
                .isEqualTo(new BigDecimal(Long.MIN_VALUE));
        assertThat(roundTrip(NumericCodecs.NUMERIC, BigInteger.TEN.pow(40), Format.BINARY))
                .isEqualTo(new BigDecimal(BigInteger.TEN.pow(40)));
        assertThat(encodeText(NumericCodecs.NUMERIC, new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(encodeText(NumericCodecs.NUMERIC, 1e-7)).isEqualTo("0.00000010");
        assertThat(encodeText(NumericCodecs.NUMERIC, -42)).isEqualTo("-42");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void numericRoundTripsRandomDecimalsExactly(Format format) {
        Random random = new Random(20240613);
        for (int i = 0; i < 2000; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(i % 10 == 0 ? 600 : 120), random);
            if (random.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            BigDecimal value = new BigDecimal(unscaled, random.nextInt(60) - 12);
            BigDecimal expected = value.scale() < 0 ? value.setScale(0) : value;
            assertThat(roundTrip(NumericCodecs.NUMERIC, value, format)).as("%s", value).isEqualTo(expected);
        }
    }

    @Test
    void numericEncodesJavaIntegersLikeTheEqualBigDecimal() {
        Random random = new Random(5);
        long[] edges = {0, 1, -1, 9999, 10000, -10000, 99_990_000, Integer.MAX_VALUE, Integer.MIN_VALUE,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 1_0000_0000_0000_0000L};
        for (int i = 0; i < 1000 + edges.length; i++) {
            long v = i < edges.length ? edges[i] : random.nextLong() >> random.nextInt(64);
            assertThat(hexOf(encodeBinary(NumericCodecs.NUMERIC, v))).as("%d", v)
                    .isEqualTo(hexOf(encodeBinary(NumericCodecs.NUMERIC, new BigDecimal(BigInteger.valueOf(v)))));
            assertThat(roundTrip(NumericCodecs.NUMERIC, v, Format.BINARY)).isEqualTo(BigDecimal.valueOf(v));
        }
        assertThat(hexOf(encodeBinary(NumericCodecs.NUMERIC, (short) -7))).isEqualTo("00 01 00 00 40 00 00 00 00 07");
    }

    @Test
    void numericDigitsHiddenByTheScaleAreTruncatedLikeTheServerDoes() {
        // ndigits 2, weight 0, dscale 1, digits 1 5000 (+ a hidden 5): 1.5
        assertThat(decodeBinary(NumericCodecs.NUMERIC, "00 02 00 00 00 00 00 01 00 01 13 89"))
                .isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void malformedBinaryNumericIsRejected() {
        assertThatThrownBy(() -> decodeBinary(NumericCodecs.NUMERIC, "00 00 00 00 12 34 00 00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid sign");
        assertThatThrownBy(() -> decodeBinary(NumericCodecs.NUMERIC, "00 00 00 00 00 00 40 00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid scale");
        assertThatThrownBy(() -> decodeBinary(NumericCodecs.NUMERIC, "00 01 00 00 00 00 00 00 27 10"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digit 10000");
        assertThatThrownBy(() -> decodeBinary(NumericCodecs.NUMERIC, "00 01 00 00 00 00 00 00 ff ff"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digit -1");
        assertThatThrownBy(() -> decodeBinary(NumericCodecs.NUMERIC, "00 01 00 00 00 00 00 00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("announces 1 digits");
        assertThatThrownBy(() -> decodeBinary(NumericCodecs.NUMERIC, "ff ff 00 00 00 00 00 00 00 01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("announces 65535 digits");
        assertThatThrownBy(() -> decodeBinary(NumericCodecs.NUMERIC, "00 00 00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header");
    }

    @Test
    void numericValuesBeyondPostgresqlLimitsAreRefused() {
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.NUMERIC, new BigDecimal("1E-16384")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16383");
        assertThatThrownBy(() -> encodeText(NumericCodecs.NUMERIC, new BigDecimal("1E+131072")))
                .hasMessage("value 1E+131072 is out of range for numeric");
        assertThat(roundTrip(NumericCodecs.NUMERIC, new BigDecimal("1E-16383"), Format.BINARY))
                .isEqualTo(new BigDecimal("1E-16383"));
    }

    @Test
    void numericTextIsReadAsPostgresqlWritesIt() {
        assertThat(decodeText(NumericCodecs.NUMERIC, "12345.678")).isEqualTo(new BigDecimal("12345.678"));
        assertThat(decodeText(NumericCodecs.NUMERIC, "-0.50")).isEqualTo(new BigDecimal("-0.50"));
        assertThat(decodeText(NumericCodecs.NUMERIC, "0")).isEqualTo(BigDecimal.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "1e5", "abc", "1.2.3", "--1", "1-", " 1", "nan", "infinity"})
    void malformedNumericTextIsRejected(String text) {
        assertThatThrownBy(() -> decodeText(NumericCodecs.NUMERIC, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numeric");
    }

    @Test
    void aStringParameterIsSentAsTextForTheServerToParse() {
        assertThat(encodeText(NumericCodecs.INT4, "42")).isEqualTo("42");
        assertThat(encodeText(NumericCodecs.NUMERIC, "1.5e3")).isEqualTo("1.5e3");
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.INT4, "42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text format");
    }

    @Test
    void aValueOfAnUnacceptedClassIsRefused() {
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.INT4, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot encode a java.lang.Double as int4");
    }
}
