package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.CodecContext;
import io.pgasync.types.PgBox;
import io.pgasync.types.PgCircle;
import io.pgasync.types.PgLine;
import io.pgasync.types.PgLineSegment;
import io.pgasync.types.PgPath;
import io.pgasync.types.PgPoint;
import io.pgasync.types.PgPolygon;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Codecs for the geometric types: {@code point}, {@code line}, {@code lseg}, {@code box}, {@code path},
 * {@code polygon} and {@code circle}, to the records of {@code io.pgasync.types}. Binary forms are float8
 * coordinates ({@code path} starts with a closed flag byte and an int32 point count, {@code polygon} with the
 * count); text forms are PostgreSQL's, read by taking their numbers in order.
 */
final class GeometricCodecs {

    private GeometricCodecs() {}

    static final GeoCodec<PgPoint> POINT = new GeoCodec<>(PgOids.POINT, "point", PgPoint.class, 2);
    static final GeoCodec<PgLine> LINE = new GeoCodec<>(PgOids.LINE, "line", PgLine.class, 3);
    static final GeoCodec<PgLineSegment> LSEG = new GeoCodec<>(PgOids.LSEG, "lseg", PgLineSegment.class, 4);
    static final GeoCodec<PgBox> BOX = new GeoCodec<>(PgOids.BOX, "box", PgBox.class, 4);
    static final GeoCodec<PgCircle> CIRCLE = new GeoCodec<>(PgOids.CIRCLE, "circle", PgCircle.class, 3);
    static final GeoCodec<PgPath> PATH = new GeoCodec<>(PgOids.PATH, "path", PgPath.class, -1);
    static final GeoCodec<PgPolygon> POLYGON = new GeoCodec<>(PgOids.POLYGON, "polygon", PgPolygon.class, -1);

    /** A point count no real server sends; bounds what a hostile count may make us allocate. */
    private static final int POINT_BYTES = 16;

    /** One geometric type; {@code fixed} is its number of coordinates, or -1 for path and polygon. */
    static final class GeoCodec<T> extends BaseCodec<T> {
        private final int fixed;

        GeoCodec(int oid, String typeName, Class<T> javaType, int fixed) {
            super(oid, typeName, javaType);
            this.fixed = fixed;
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == javaType();
        }

        /** The coordinates of a value, in wire order. */
        private double[] coordinates(Object value) {
            if (value instanceof PgPoint p) {
                return new double[] {p.x(), p.y()};
            } else if (value instanceof PgLine l) {
                return new double[] {l.a(), l.b(), l.c()};
            } else if (value instanceof PgLineSegment s) {
                return new double[] {s.start().x(), s.start().y(), s.end().x(), s.end().y()};
            } else if (value instanceof PgBox b) {
                return new double[] {b.high().x(), b.high().y(), b.low().x(), b.low().y()};
            } else if (value instanceof PgCircle c) {
                return new double[] {c.center().x(), c.center().y(), c.radius()};
            }
            throw CodecSupport.cannotEncode(value, typeName());
        }

        private void check(Object value) {
            if (!javaType().isInstance(value)) {
                throw CodecSupport.cannotEncode(value, typeName());
            }
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            check(value);
            if (value instanceof PgPath path) {
                out.writeByte(path.closed() ? 1 : 0);
                writePoints(out, path.points());
            } else if (value instanceof PgPolygon polygon) {
                writePoints(out, polygon.points());
            } else {
                for (double d : coordinates(value)) {
                    out.writeDouble(d);
                }
            }
        }

        private static void writePoints(ByteBuf out, java.util.List<PgPoint> points) {
            out.writeInt(points.size());
            for (PgPoint p : points) {
                out.writeDouble(p.x());
                out.writeDouble(p.y());
            }
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            check(value);
            out.writeCharSequence(value.toString(), StandardCharsets.US_ASCII);
        }

        @Override
        T decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            if (fixed > 0) {
                CodecSupport.checkLength(typeName(), length, 8 * fixed);
                double[] c = new double[fixed];
                for (int i = 0; i < fixed; i++) {
                    c[i] = in.getDouble(index + 8 * i);
                }
                return make(c, false, length, false);
            }
            boolean path = javaType() == PgPath.class;
            int header = path ? 5 : 4;
            if (length < header) {
                throw CodecSupport.invalidBinary(typeName(), length, "shorter than its header");
            }
            boolean closed = false;
            if (path) {
                byte flag = in.getByte(index);
                if (flag != 0 && flag != 1) {
                    throw CodecSupport.invalidBinary(typeName(), length, "invalid closed flag");
                }
                closed = flag == 1;
            }
            int count = in.getInt(index + header - 4);
            if (count < 1 || count > (length - header) / POINT_BYTES || length != header + POINT_BYTES * count) {
                throw CodecSupport.invalidBinary(typeName(), length, "announces " + count + " points");
            }
            double[] c = new double[2 * count];
            for (int i = 0; i < c.length; i++) {
                c[i] = in.getDouble(index + header + 8 * i);
            }
            return make(c, closed, length, false);
        }

        @Override
        T decodeText(ByteBuf in, int index, int length, CodecContext context) {
            String s = CodecSupport.ascii(in, index, length, typeName());
            double[] c = numbers(s, length);
            boolean closed = javaType() == PgPath.class && s.trim().startsWith("(");
            if (fixed > 0 ? c.length != fixed : (c.length < 2 || c.length % 2 != 0)) {
                throw CodecSupport.invalidText(typeName(), length, "wrong number of coordinates");
            }
            return make(c, closed, length, true);
        }

        private T make(double[] c, boolean closed, int length, boolean text) {
            Object value;
            try {
                switch (typeName()) {
                    case "point" -> value = new PgPoint(c[0], c[1]);
                    case "line" -> value = new PgLine(c[0], c[1], c[2]);
                    case "lseg" -> value = new PgLineSegment(new PgPoint(c[0], c[1]), new PgPoint(c[2], c[3]));
                    case "box" -> value = new PgBox(new PgPoint(c[0], c[1]), new PgPoint(c[2], c[3]));
                    case "circle" -> value = new PgCircle(new PgPoint(c[0], c[1]), c[2]);
                    default -> {
                        PgPoint[] points = new PgPoint[c.length / 2];
                        for (int i = 0; i < points.length; i++) {
                            points[i] = new PgPoint(c[2 * i], c[2 * i + 1]);
                        }
                        value = javaType() == PgPath.class ? new PgPath(Arrays.asList(points), closed)
                                : new PgPolygon(Arrays.asList(points));
                    }
                }
            } catch (IllegalArgumentException e) {
                throw CodecSupport.invalid(typeName(), text ? io.pgasync.codec.Format.TEXT
                        : io.pgasync.codec.Format.BINARY, length, e.getMessage());
            }
            return javaType().cast(value);
        }

        /** The numbers of a geometric text form, separated by brackets, commas and spaces. */
        private double[] numbers(String s, int length) {
            double[] values = new double[8];
            int count = 0;
            int i = 0;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '<' || c == '>'
                        || c == ',' || c == ' ') {
                    i++;
                    continue;
                }
                int start = i;
                while (i < n && isNumberChar(s.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    throw CodecSupport.invalidText(typeName(), length, "unexpected character");
                }
                double d;
                try {
                    d = Double.parseDouble(s.substring(start, i));
                } catch (NumberFormatException e) {
                    throw CodecSupport.invalidText(typeName(), length, "not a number");
                }
                if (count == values.length) {
                    values = Arrays.copyOf(values, count * 2);
                }
                values[count++] = d;
            }
            return Arrays.copyOf(values, count);
        }

        private static boolean isNumberChar(char c) {
            return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'
                    || "InfinityNa".indexOf(c) >= 0;
        }
    }
}
