package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.CodecContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Codecs for PostgreSQL's numbers: {@code int2}, {@code int4}, {@code int8}, {@code oid}, {@code float4},
 * {@code float8}, {@code numeric} and {@code money}.
 *
 * <p>Integer types accept every Java integer class, and {@code BigDecimal} without a fractional part, when the
 * value fits; otherwise {@code encode} throws {@code IllegalArgumentException("value 3000000000 is out of range
 * for int4")}. {@code numeric} decodes to {@link BigDecimal}, except NaN and ±Infinity (PostgreSQL 14+), which
 * decode to the {@link Double} constants; its Java type is therefore {@link Number}.
 */
final class NumericCodecs {

    private NumericCodecs() {}

    static final Int2Codec INT2 = new Int2Codec();
    static final Int4Codec INT4 = new Int4Codec();
    static final Int8Codec INT8 = new Int8Codec();
    static final OidCodec OID = new OidCodec();
    static final Float4Codec FLOAT4 = new Float4Codec();
    static final Float8Codec FLOAT8 = new Float8Codec();
    static final NumericCodec NUMERIC = new NumericCodec();
    static final MoneyCodec MONEY = new MoneyCodec();

    // ---------------------------------------------------------------------------------------------------------
    // Shared conversions

    /** Integer classes and the arbitrary-precision ones. */
    static boolean isIntegral(Class<?> type) {
        return type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || BigInteger.class.isAssignableFrom(type) || BigDecimal.class.isAssignableFrom(type);
    }

    static boolean isFloating(Class<?> type) {
        return type == Double.class || type == Float.class;
    }

    /** Converts an integral value to long within {@code [min, max]}, or throws naming the type. */
    static long toLong(Object value, String typeName, long min, long max) {
        long v;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            if (big.bitLength() > 63) {
                throw CodecSupport.outOfRange(value, typeName);
            }
            v = big.longValue();
        } else if (value instanceof BigDecimal) {
            BigDecimal big = (BigDecimal) value;
            if (big.signum() != 0 && big.precision() - big.scale() > 19) {
                throw CodecSupport.outOfRange(value, typeName);
            }
            if (big.scale() > 0 && big.signum() != 0 && big.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("value " + value + " has a fractional part; " + typeName
                        + " takes integers");
            }
            BigInteger integer = big.toBigInteger();
            if (integer.bitLength() > 63) {
                throw CodecSupport.outOfRange(value, typeName);
            }
            v = integer.longValue();
        } else {
            throw CodecSupport.cannotEncode(value, typeName);
        }
        if (v < min || v > max) {
            throw CodecSupport.outOfRange(value, typeName);
        }
        return v;
    }

    /** Converts any accepted number to double; a finite value too large (or too small) for double is an error. */
    static double toDouble(Object value, String typeName) {
        if (value instanceof Double || value instanceof Float || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof Long) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            double d = ((Number) value).doubleValue();
            if (Double.isInfinite(d) || (d == 0 && signum(value) != 0)) {
                throw CodecSupport.outOfRange(value, typeName);
            }
            return d;
        }
        throw CodecSupport.cannotEncode(value, typeName);
    }

    private static int signum(Object value) {
        return value instanceof BigDecimal ? ((BigDecimal) value).signum() : ((BigInteger) value).signum();
    }

    static float toFloat(Object value, String typeName) {
        if (value instanceof Float) {
            return (Float) value;
        }
        double d = toDouble(value, typeName);
        float f = (float) d;
        if ((Float.isInfinite(f) && !Double.isInfinite(d)) || (f == 0 && d != 0)) {
            throw CodecSupport.outOfRange(value, typeName);
        }
        return f;
    }

    /** Text form of a float: digits, sign, point and exponent, or the words PostgreSQL writes. */
    static String floatText(ByteBuf in, int index, int length, String typeName) {
        String s = CodecSupport.ascii(in, index, length, typeName);
        if (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity")) {
            return s;
        }
        if (length == 0) {
            throw CodecSupport.invalidText(typeName, length, "empty");
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw CodecSupport.invalidText(typeName, length, "not a number");
            }
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Integers

    /** {@code int2} ↔ {@link Short}. */
    static final class Int2Codec extends BaseCodec<Short> {
        Int2Codec() {
            super(PgOids.INT2, "int2", Short.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return isIntegral(type);
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeShort((int) toLong(value, "int2", Short.MIN_VALUE, Short.MAX_VALUE));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            CodecSupport.writeLong(out, toLong(value, "int2", Short.MIN_VALUE, Short.MAX_VALUE));
        }

        @Override
        Short decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("int2", length, 2);
            return in.getShort(index);
        }

        @Override
        Short decodeText(ByteBuf in, int index, int length, CodecContext context) {
            long v = CodecSupport.parseLong(in, index, length, "int2");
            if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                throw CodecSupport.invalidText("int2", length, "out of range");
            }
            return (short) v;
        }
    }

    /** {@code int4} ↔ {@link Integer}. */
    static final class Int4Codec extends BaseCodec<Integer> {
        Int4Codec() {
            super(PgOids.INT4, "int4", Integer.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return isIntegral(type);
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeInt((int) toLong(value, "int4", Integer.MIN_VALUE, Integer.MAX_VALUE));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            CodecSupport.writeLong(out, toLong(value, "int4", Integer.MIN_VALUE, Integer.MAX_VALUE));
        }

        @Override
        Integer decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("int4", length, 4);
            return in.getInt(index);
        }

        @Override
        Integer decodeText(ByteBuf in, int index, int length, CodecContext context) {
            long v = CodecSupport.parseLong(in, index, length, "int4");
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw CodecSupport.invalidText("int4", length, "out of range");
            }
            return (int) v;
        }
    }

    /** {@code int8} ↔ {@link Long}. */
    static final class Int8Codec extends BaseCodec<Long> {
        Int8Codec() {
            super(PgOids.INT8, "int8", Long.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return isIntegral(type);
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeLong(toLong(value, "int8", Long.MIN_VALUE, Long.MAX_VALUE));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            CodecSupport.writeLong(out, toLong(value, "int8", Long.MIN_VALUE, Long.MAX_VALUE));
        }

        @Override
        Long decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("int8", length, 8);
            return in.getLong(index);
        }

        @Override
        Long decodeText(ByteBuf in, int index, int length, CodecContext context) {
            return CodecSupport.parseLong(in, index, length, "int8");
        }
    }

    /** {@code oid} ↔ {@link Long}: an unsigned 32-bit number, 0 to 4294967295. */
    static final class OidCodec extends BaseCodec<Long> {
        static final long MAX = 0xFFFF_FFFFL;

        OidCodec() {
            super(PgOids.OID, "oid", Long.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return isIntegral(type);
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeInt((int) toLong(value, "oid", 0, MAX));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            CodecSupport.writeLong(out, toLong(value, "oid", 0, MAX));
        }

        @Override
        Long decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("oid", length, 4);
            return in.getUnsignedInt(index);
        }

        @Override
        Long decodeText(ByteBuf in, int index, int length, CodecContext context) {
            long v = CodecSupport.parseLong(in, index, length, "oid");
            if (v < 0 || v > MAX) {
                throw CodecSupport.invalidText("oid", length, "out of range");
            }
            return v;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Floating point

    /** {@code float4} ↔ {@link Float}. */
    static final class Float4Codec extends BaseCodec<Float> {
        Float4Codec() {
            super(PgOids.FLOAT4, "float4", Float.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return isFloating(type) || isIntegral(type);
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeFloat(toFloat(value, "float4"));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            out.writeCharSequence(Float.toString(toFloat(value, "float4")), StandardCharsets.US_ASCII);
        }

        @Override
        Float decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("float4", length, 4);
            return in.getFloat(index);
        }

        @Override
        Float decodeText(ByteBuf in, int index, int length, CodecContext context) {
            String s = floatText(in, index, length, "float4");
            try {
                return Float.parseFloat(s);
            } catch (NumberFormatException e) {
                throw CodecSupport.invalidText("float4", length, "not a number");
            }
        }
    }

    /** {@code float8} ↔ {@link Double}. */
    static final class Float8Codec extends BaseCodec<Double> {
        Float8Codec() {
            super(PgOids.FLOAT8, "float8", Double.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return isFloating(type) || isIntegral(type);
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeDouble(toDouble(value, "float8"));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            out.writeCharSequence(Double.toString(toDouble(value, "float8")), StandardCharsets.US_ASCII);
        }

        @Override
        Double decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("float8", length, 8);
            return in.getDouble(index);
        }

        @Override
        Double decodeText(ByteBuf in, int index, int length, CodecContext context) {
            String s = floatText(in, index, length, "float8");
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw CodecSupport.invalidText("float8", length, "not a number");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // numeric

    /**
     * {@code numeric} ↔ {@link BigDecimal}, or {@link Double#NaN}, {@link Double#POSITIVE_INFINITY} and
     * {@link Double#NEGATIVE_INFINITY} for PostgreSQL's special values (±Infinity since PostgreSQL 14).
     *
     * <p>Binary form: int16 ndigits, int16 weight, uint16 sign, uint16 dscale, then ndigits base-10000 digits,
     * most significant first; the value is {@code sum(digit[i] * 10000^(weight - i))} shown with dscale decimal
     * places. Encodes {@code BigDecimal}, {@code BigInteger}, the Java integer classes, and {@code Double} or
     * {@code Float} (NaN and infinities included; finite doubles through {@link BigDecimal#valueOf(double)},
     * floats through {@link Float#toString(float)}, so 0.1f is sent as 0.1).
     */
    static final class NumericCodec extends BaseCodec<Number> {
        static final int SIGN_POSITIVE = 0x0000;
        static final int SIGN_NEGATIVE = 0x4000;
        static final int SIGN_NAN = 0xC000;
        static final int SIGN_POSITIVE_INFINITY = 0xD000;
        static final int SIGN_NEGATIVE_INFINITY = 0xF000;
        /** PostgreSQL's NUMERIC_DSCALE_MAX: at most 16383 digits after the decimal point. */
        static final int MAX_DSCALE = 0x3FFF;
        /** At most 131072 digits before the decimal point: a weight of at most 32767. */
        static final int MAX_INTEGER_DIGITS = 131072;
        static final int MAX_WEIGHT = 32767;
        private static final int NBASE = 10000;

        NumericCodec() {
            super(PgOids.NUMERIC, "numeric", Number.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return isIntegral(type) || isFloating(type);
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte) {
                long v = ((Number) value).longValue();
                if (v == 0) {
                    out.writeShort(0).writeShort(0).writeShort(SIGN_POSITIVE).writeShort(0);
                } else if (v == Long.MIN_VALUE) {
                    writeBinary(out, SIGN_NEGATIVE, BigDecimal.valueOf(v), 0, value);
                } else {
                    writeSmall(out, v < 0 ? SIGN_NEGATIVE : SIGN_POSITIVE, Math.abs(v), 0, 0);
                }
                return;
            }
            int special = specialSign(value);
            if (special >= 0) {
                out.writeShort(0).writeShort(0).writeShort(special).writeShort(0);
                return;
            }
            BigDecimal decimal = toBigDecimal(value);
            int scale = checkedScale(decimal, value);
            writeBinary(out, decimal.signum() < 0 ? SIGN_NEGATIVE : SIGN_POSITIVE, decimal, scale, value);
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte) {
                CodecSupport.writeLong(out, ((Number) value).longValue());
                return;
            }
            int special = specialSign(value);
            if (special >= 0) {
                String word = special == SIGN_NAN ? "NaN"
                        : special == SIGN_POSITIVE_INFINITY ? "Infinity" : "-Infinity";
                out.writeCharSequence(word, StandardCharsets.US_ASCII);
                return;
            }
            BigDecimal decimal = toBigDecimal(value);
            checkedScale(decimal, value);
            out.writeCharSequence(decimal.toPlainString(), StandardCharsets.US_ASCII);
        }

        /** The sign word of NaN or an infinity, or -1 for a finite (or non-floating) value. */
        private static int specialSign(Object value) {
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d)) {
                    return SIGN_NAN;
                }
                if (Double.isInfinite(d)) {
                    return d > 0 ? SIGN_POSITIVE_INFINITY : SIGN_NEGATIVE_INFINITY;
                }
            }
            return -1;
        }

        private static BigDecimal toBigDecimal(Object value) {
            if (value instanceof BigDecimal) {
                return (BigDecimal) value;
            }
            if (value instanceof BigInteger) {
                return new BigDecimal((BigInteger) value);
            }
            if (value instanceof Double) {
                return BigDecimal.valueOf((Double) value);
            }
            if (value instanceof Float) {
                return new BigDecimal(Float.toString((Float) value));
            }
            if (value instanceof Number && NumericCodecs.isIntegral(value.getClass())) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            throw CodecSupport.cannotEncode(value, "numeric");
        }

        /** The dscale to send (a negative scale becomes 0), after checking PostgreSQL's limits. */
        private static int checkedScale(BigDecimal decimal, Object value) {
            if (decimal.signum() != 0 && decimal.precision() - decimal.scale() > MAX_INTEGER_DIGITS) {
                throw CodecSupport.outOfRange(value, "numeric");
            }
            int scale = decimal.scale();
            if (scale > MAX_DSCALE) {
                throw new IllegalArgumentException("numeric value has " + scale
                        + " digits after the decimal point; PostgreSQL allows at most " + MAX_DSCALE
                        + " (round it first)");
            }
            return Math.max(scale, 0);
        }

        /** Writes a finite value: header and base-10000 digits of |decimal| aligned on the decimal point. */
        private static void writeBinary(ByteBuf out, int sign, BigDecimal decimal, int dscale, Object value) {
            if (decimal.signum() == 0) {
                out.writeShort(0).writeShort(0).writeShort(SIGN_POSITIVE).writeShort(dscale);
                return;
            }
            BigInteger unscaled = decimal.scale() < 0
                    ? decimal.setScale(0).unscaledValue().abs()
                    : decimal.unscaledValue().abs();
            // Pad the fraction on the right to a whole number of base-10000 digits.
            int padRight = (4 - dscale % 4) % 4;
            int fractionGroups = (dscale + padRight) / 4;
            if (unscaled.bitLength() < 53) {
                writeSmall(out, sign, unscaled.longValue() * CodecSupport.powerOfTen(padRight), dscale,
                        fractionGroups);
                return;
            }
            String digits = unscaled.toString();
            int len = digits.length();
            int padLeft = (4 - (len + padRight) % 4) % 4;
            int groups = (padLeft + len + padRight) / 4;
            int weight = groups - 1 - fractionGroups;
            if (weight > MAX_WEIGHT) {
                throw CodecSupport.outOfRange(value, "numeric");
            }
            int last = groups - 1;
            while (last > 0 && group(digits, padLeft, last) == 0) {
                last--;
            }
            out.writeShort(last + 1).writeShort(weight).writeShort(sign).writeShort(dscale);
            for (int g = 0; g <= last; g++) {
                out.writeShort(group(digits, padLeft, g));
            }
        }

        /**
         * Writes a non-zero value whose magnitude, already padded on the right to whole base-10000 fraction digits,
         * fits in a long; {@code fractionGroups} of its base-10000 digits are after the decimal point.
         */
        private static void writeSmall(ByteBuf out, int sign, long magnitude, int dscale, int fractionGroups) {
            int groups = 0;
            for (long t = magnitude; t != 0; t /= NBASE) {
                groups++;
            }
            int weight = groups - 1 - fractionGroups;
            long v = magnitude;
            int trailing = 0;
            while (v % NBASE == 0) {
                v /= NBASE;
                trailing++;
            }
            int ndigits = groups - trailing;
            out.writeShort(ndigits).writeShort(weight).writeShort(sign).writeShort(dscale);
            long divisor = 1;
            for (int i = 1; i < ndigits; i++) {
                divisor *= NBASE;
            }
            for (int i = 0; i < ndigits; i++) {
                out.writeShort((int) (v / divisor));
                v %= divisor;
                divisor /= NBASE;
            }
        }

        /** The g-th base-10000 digit of the digit string padded with {@code padLeft} zeros (and zeros on the right). */
        private static int group(String digits, int padLeft, int g) {
            int value = 0;
            int len = digits.length();
            for (int p = 4 * g; p < 4 * g + 4; p++) {
                int i = p - padLeft;
                value = value * 10 + (i >= 0 && i < len ? digits.charAt(i) - '0' : 0);
            }
            return value;
        }

        @Override
        Number decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            if (length < 8) {
                throw CodecSupport.invalidBinary("numeric", length, "shorter than the 8-byte header");
            }
            int ndigits = in.getUnsignedShort(index);
            int weight = in.getShort(index + 2);
            int sign = in.getUnsignedShort(index + 4);
            int dscale = in.getUnsignedShort(index + 6);
            if (length != 8 + 2 * ndigits) {
                throw CodecSupport.invalidBinary("numeric", length, "the header announces " + ndigits + " digits");
            }
            switch (sign) {
                case SIGN_POSITIVE:
                case SIGN_NEGATIVE:
                    break;
                case SIGN_NAN:
                    return Double.NaN;
                case SIGN_POSITIVE_INFINITY:
                    return Double.POSITIVE_INFINITY;
                case SIGN_NEGATIVE_INFINITY:
                    return Double.NEGATIVE_INFINITY;
                default:
                    throw CodecSupport.invalidBinary("numeric", length, "invalid sign 0x" + Integer.toHexString(sign));
            }
            if ((dscale & MAX_DSCALE) != dscale) {
                throw CodecSupport.invalidBinary("numeric", length, "invalid scale " + dscale);
            }
            if (ndigits == 0) {
                return BigDecimal.valueOf(0, dscale);
            }
            boolean negative = sign == SIGN_NEGATIVE;
            // The digits are an integer scaled by 10000^(weight - ndigits + 1).
            int scale = 4 * (ndigits - 1 - weight);
            BigDecimal result;
            int at = index + 8;
            if (ndigits <= 4) {
                long unscaled = 0;
                for (int i = 0; i < ndigits; i++) {
                    unscaled = unscaled * NBASE + digit(in, at + 2 * i, length);
                }
                result = BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
            } else {
                char[] chars = new char[4 * ndigits];
                for (int i = 0; i < ndigits; i++) {
                    int d = digit(in, at + 2 * i, length);
                    chars[4 * i] = (char) ('0' + d / 1000);
                    chars[4 * i + 1] = (char) ('0' + d / 100 % 10);
                    chars[4 * i + 2] = (char) ('0' + d / 10 % 10);
                    chars[4 * i + 3] = (char) ('0' + d % 10);
                }
                result = new BigDecimal(chars).scaleByPowerOfTen(-scale);
                if (negative) {
                    result = result.negate();
                }
            }
            // Digits hidden by dscale are truncated, as the server's numeric_recv does.
            return result.setScale(dscale, RoundingMode.DOWN);
        }

        private static int digit(ByteBuf in, int at, int length) {
            int d = in.getShort(at);
            if (d < 0 || d >= NBASE) {
                throw CodecSupport.invalidBinary("numeric", length, "invalid base-10000 digit " + d);
            }
            return d;
        }

        @Override
        Number decodeText(ByteBuf in, int index, int length, CodecContext context) {
            if (CodecSupport.asciiEquals(in, index, length, "NaN")) {
                return Double.NaN;
            }
            if (CodecSupport.asciiEquals(in, index, length, "Infinity")) {
                return Double.POSITIVE_INFINITY;
            }
            if (CodecSupport.asciiEquals(in, index, length, "-Infinity")) {
                return Double.NEGATIVE_INFINITY;
            }
            // PostgreSQL writes [-]digits[.digits], never an exponent.
            char[] chars = new char[length];
            boolean digit = false;
            boolean point = false;
            for (int i = 0; i < length; i++) {
                char c = (char) (in.getByte(index + i) & 0xFF);
                if (c >= '0' && c <= '9') {
                    digit = true;
                } else if (c == '.' && !point) {
                    point = true;
                } else if (!((c == '-' || c == '+') && i == 0)) {
                    throw CodecSupport.invalidText("numeric", length, "not a decimal number");
                }
                chars[i] = c;
            }
            if (!digit) {
                throw CodecSupport.invalidText("numeric", length, "not a decimal number");
            }
            try {
                return new BigDecimal(chars);
            } catch (NumberFormatException e) {
                throw CodecSupport.invalidText("numeric", length, "not a decimal number");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // money

    /**
     * {@code money} ↔ {@link BigDecimal} with 2 decimal places. The binary form is an int64 count of the currency's
     * smallest unit, whose size depends on the server's {@code lc_monetary}; this codec assumes 2 fraction digits
     * (cents), which holds for the C locale and most others. Encodes BigDecimal (with at most 2 significant
     * decimal places) and the Java integer classes; floating point is refused, as for money it should be. The text
     * form is read by keeping its digits, its last '.', and a leading '-' or surrounding parentheses (negative),
     * so currency symbols and group separators are skipped.
     */
    static final class MoneyCodec extends BaseCodec<BigDecimal> {
        static final int SCALE = 2;

        MoneyCodec() {
            super(PgOids.MONEY, "money", BigDecimal.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return isIntegral(type);
        }

        static long cents(Object value) {
            BigDecimal decimal;
            if (value instanceof BigDecimal d) {
                decimal = d;
            } else if (value instanceof BigInteger i) {
                decimal = new BigDecimal(i);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte) {
                decimal = BigDecimal.valueOf(((Number) value).longValue());
            } else {
                throw CodecSupport.cannotEncode(value, "money");
            }
            try {
                return decimal.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
            } catch (ArithmeticException e) {
                if (decimal.stripTrailingZeros().scale() > SCALE) {
                    throw new IllegalArgumentException("value " + decimal + " has more than " + SCALE
                            + " decimal places; round it for money");
                }
                throw CodecSupport.outOfRange(value, "money");
            }
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeLong(cents(value));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            out.writeCharSequence(BigDecimal.valueOf(cents(value), SCALE).toPlainString(), StandardCharsets.US_ASCII);
        }

        @Override
        BigDecimal decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("money", length, 8);
            return BigDecimal.valueOf(in.getLong(index), SCALE);
        }

        @Override
        BigDecimal decodeText(ByteBuf in, int index, int length, CodecContext context) {
            int lastPoint = in.indexOf(index, index + length, (byte) '.') < 0 ? -1 : lastIndexOf(in, index, length);
            StringBuilder digits = new StringBuilder(length);
            boolean negative = false;
            int fraction = -1;
            for (int i = index; i < index + length; i++) {
                byte c = in.getByte(i);
                if (c >= '0' && c <= '9') {
                    digits.append((char) c);
                    if (fraction >= 0) {
                        fraction++;
                    }
                } else if (i == lastPoint) {
                    fraction = 0;
                } else if (c == '-' || c == '(') {
                    negative = true;
                }
            }
            if (digits.length() == 0 || digits.length() > 19) {
                throw CodecSupport.invalidText("money", length, "not an amount");
            }
            BigDecimal amount = new BigDecimal(new BigInteger(digits.toString()), Math.max(fraction, 0));
            amount = amount.setScale(Math.max(SCALE, amount.scale()), RoundingMode.UNNECESSARY);
            return negative ? amount.negate() : amount;
        }

        private static int lastIndexOf(ByteBuf in, int index, int length) {
            for (int i = index + length - 1; i >= index; i--) {
                if (in.getByte(i) == '.') {
                    return i;
                }
            }
            return -1;
        }
    }
}
