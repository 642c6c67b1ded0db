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
import io.pgasync.codec.PgCodecFormat;
import io.pgasync.types.PgRecord;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyAndFunctionCodecsTest {

    @Test
    void moneyIsCentsInBinary() {
        assertThat(encodeBinary(NumericCodecs.MONEY, new BigDecimal("1234.56"))).isEqualTo(hex("000000000001e240"));
        assertThat(decodeBinary(NumericCodecs.MONEY, "ffffffffffffffff")).isEqualTo(new BigDecimal("-0.01"));
        assertThat(encodeBinary(NumericCodecs.MONEY, 3)).isEqualTo(hex("000000000000012c"));
        assertThat(encodeBinary(NumericCodecs.MONEY, new BigDecimal("1.5000"))).isEqualTo(hex("0000000000000096"));
        assertThat(encodeText(NumericCodecs.MONEY, BigInteger.TEN)).isEqualTo("10.00");
        assertThat(roundTrip(NumericCodecs.MONEY, new BigDecimal("-92233720368547758.08"), Format.BINARY))
                .isEqualTo(new BigDecimal("-92233720368547758.08"));
    }

    @Test
    void moneyTextSkipsCurrencySymbolsAndSeparators() {
        assertThat(decodeText(NumericCodecs.MONEY, "$1,234.56")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(decodeText(NumericCodecs.MONEY, "-$0.01")).isEqualTo(new BigDecimal("-0.01"));
        assertThat(decodeText(NumericCodecs.MONEY, "($5.00)")).isEqualTo(new BigDecimal("-5.00"));
        assertThat(decodeText(NumericCodecs.MONEY, "$7")).isEqualTo(new BigDecimal("7.00"));
        assertThatThrownBy(() -> decodeText(NumericCodecs.MONEY, "$")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyRefusesFloatsAndSubCentAmounts() {
        assertThat(NumericCodecs.MONEY.canEncode(Double.class)).isFalse();
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.MONEY, new BigDecimal("0.001")))
                .hasMessageContaining("decimal places");
        assertThatThrownBy(() -> encodeBinary(NumericCodecs.MONEY, new BigDecimal("1e30")))
                .hasMessageContaining("out of range");
    }

    record Celsius(double degrees) {}

    @Test
    void textFunctionsExchangeStrings() {
        FunctionCodec<Celsius> codec = new FunctionCodec<>("temperature", Celsius.class, c -> c.degrees() + "C",
                s -> new Celsius(Double.parseDouble(((String) s).replace("C", ""))), PgCodecFormat.TEXT, null);
        assertThat(codec.supportsBinary()).isFalse();
        assertThat(encodeText(codec, new Celsius(21.5))).isEqualTo("21.5C");
        assertThat(decodeText(codec, "-3.0C")).isEqualTo(new Celsius(-3));
        assertThat(codec.canEncode(Celsius.class)).isTrue();
        assertThat(codec.canEncode(String.class)).isFalse();
    }

    @Test
    void binaryFunctionsExchangeBytes() {
        FunctionCodec<String> codec = new FunctionCodec<>("label", String.class,
                s -> s.getBytes(StandardCharsets.UTF_8), b -> new String((byte[]) b, StandardCharsets.UTF_8),
                PgCodecFormat.BINARY, null);
        assertThat(roundTrip(codec, "é", Format.BINARY)).isEqualTo("é");
    }

    @Test
    void tupleFunctionsWrapTheDefaultCodec() {
        RecordCodecs.CompositeCodec pair = new RecordCodecs.CompositeCodec(70_002, "pair", new String[] {"a", "b"},
                new int[] {PgOids.INT4, PgOids.INT4}, new io.pgasync.codec.Codec<?>[] {NumericCodecs.INT4,
                    NumericCodecs.INT4});
        FunctionCodec<int[]> codec = new FunctionCodec<>("pair", int[].class, a -> List.of(a[0], a[1]),
                r -> new int[] {(Integer) ((PgRecord) r).get(0), (Integer) ((PgRecord) r).get(1)},
                PgCodecFormat.TUPLE, pair);
        assertThat(roundTrip(codec, new int[] {3, 4}, Format.BINARY)).containsExactly(3, 4);
        assertThat(roundTrip(codec, new int[] {5, 6}, Format.TEXT)).containsExactly(5, 6);
        assertThat(codec.formatFor(new int[] {1, 2})).isEqualTo(Format.BINARY);
    }

    @Test
    void functionFailuresAreIllegalArgumentsNamingTheType() {
        FunctionCodec<String> codec = new FunctionCodec<>("broken", String.class, s -> {
            throw new IllegalStateException("no");
        }, b -> {
            throw new UnsupportedOperationException("nope");
        }, PgCodecFormat.TEXT, null);
        assertThatThrownBy(() -> encodeText(codec, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken encoder failed");
        assertThatThrownBy(() -> decodeText(codec, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken decoder failed");
        FunctionCodec<String> wrongType = new FunctionCodec<>("w", String.class, s -> 5, s -> "", PgCodecFormat.TEXT,
                null);
        assertThatThrownBy(() -> encodeText(wrongType, "x")).hasMessageContaining("must return a String");
        assertThatThrownBy(() -> new FunctionCodec<>("t", String.class, s -> s, s -> "", PgCodecFormat.TUPLE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
