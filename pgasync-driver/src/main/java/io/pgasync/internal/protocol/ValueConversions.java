package io.pgasync.internal.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HexFormat;

/**
 * Lossless conversions of decoded values to the type a caller asks for ({@code Row.get(i, Class)}): widening and
 * range-checked narrowing between numbers, temporal views of the same instant, text forms. Anything else is a
 * {@link ClassCastException}; a number out of the target's range is an {@link ArithmeticException}.
 */
final class ValueConversions {

    private ValueConversions() {}

    @SuppressWarnings("unchecked")
    static <T> T convert(Object value, Class<T> type) {
        if (type.isInstance(value)) {
            return (T) value;
        }
        Class<?> target = box(type);
        if (target.isInstance(value)) {
            return (T) value;
        }
        if (value instanceof Number n && Number.class.isAssignableFrom(target)) {
            return (T) convertNumber(n, target);
        }
        if (target == String.class) {
            return (T) text(value);
        }
        if (value instanceof OffsetDateTime odt) {
            if (target == Instant.class) {
                return (T) odt.toInstant();
            }
            if (target == ZonedDateTime.class) {
                return (T) odt.toZonedDateTime();
            }
        }
        if (value instanceof Instant instant && target == OffsetDateTime.class) {
            return (T) instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime && target == java.time.LocalDate.class) {
            throw new ClassCastException("a timestamp is not a date; read it as LocalDateTime");
        }
        if (value instanceof java.util.List<?> list && target.isArray()) {
            return (T) toArray(list, target.getComponentType());
        }
        if (value instanceof String s && target == Character.class && s.length() == 1) {
            return (T) Character.valueOf(s.charAt(0));
        }
        throw new ClassCastException("no conversion from " + value.getClass().getSimpleName() + " to "
                + type.getSimpleName());
    }

    /** A PostgreSQL array (a List, nested for several dimensions) as a Java array of the wanted component type. */
    private static Object toArray(java.util.List<?> list, Class<?> component) {
        Object array = java.lang.reflect.Array.newInstance(component, list.size());
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (element == null) {
                if (component.isPrimitive()) {
                    throw new ClassCastException("element " + (i + 1) + " is NULL, which a " + component.getName()
                            + "[] cannot hold; read it as " + box(component).getSimpleName() + "[]");
                }
                continue;
            }
            java.lang.reflect.Array.set(array, i, convert(element, component));
        }
        return array;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == char.class) {
            return Character.class;
        }
        return type;
    }

    private static Object convertNumber(Number n, Class<?> target) {
        if (target == Long.class) {
            return exactLong(n);
        }
        if (target == Integer.class) {
            return Math.toIntExact(exactLong(n));
        }
        if (target == Short.class) {
            long v = exactLong(n);
            if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                throw new ArithmeticException(v + " is out of range for short");
            }
            return (short) v;
        }
        if (target == Byte.class) {
            long v = exactLong(n);
            if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
                throw new ArithmeticException(v + " is out of range for byte");
            }
            return (byte) v;
        }
        if (target == Double.class) {
            if (n instanceof Float || n instanceof Double) {
                return n.doubleValue();
            }
            return n.doubleValue(); // integers and decimals as the nearest double
        }
        if (target == Float.class) {
            if (n instanceof Double d && !Double.isFinite(d)) {
                return d.floatValue();
            }
            return n.floatValue();
        }
        if (target == BigDecimal.class) {
            if (n instanceof BigDecimal bd) {
                return bd;
            }
            if (n instanceof BigInteger bi) {
                return new BigDecimal(bi);
            }
            if (n instanceof Double || n instanceof Float) {
                double d = n.doubleValue();
                if (!Double.isFinite(d)) {
                    throw new ArithmeticException(d + " has no BigDecimal form");
                }
                return BigDecimal.valueOf(d);
            }
            return BigDecimal.valueOf(n.longValue());
        }
        if (target == BigInteger.class) {
            if (n instanceof BigInteger bi) {
                return bi;
            }
            if (n instanceof BigDecimal bd) {
                return bd.toBigIntegerExact();
            }
            return BigInteger.valueOf(exactLong(n));
        }
        if (target == Number.class) {
            return n;
        }
        throw new ClassCastException("no conversion from " + n.getClass().getSimpleName() + " to "
                + target.getSimpleName());
    }

    private static long exactLong(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof BigInteger bi) {
            return bi.longValueExact();
        }
        if (n instanceof BigDecimal bd) {
            return bd.longValueExact();
        }
        double d = n.doubleValue();
        if (d != Math.rint(d) || Double.isInfinite(d) || d > Long.MAX_VALUE || d < Long.MIN_VALUE) {
            throw new ArithmeticException(d + " is not a whole number in the long range");
        }
        return (long) d;
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof BigDecimal bd) {
            return bd.toPlainString();
        }
        return value.toString();
    }
}
