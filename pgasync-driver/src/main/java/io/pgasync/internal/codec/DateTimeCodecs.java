package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.CodecContext;
import io.pgasync.types.PgInterval;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Codecs for {@code date}, {@code time}, {@code timetz}, {@code timestamp}, {@code timestamptz} and
 * {@code interval}.
 *
 * <p>Binary forms count from PostgreSQL's epoch, 2000-01-01 00:00: {@code date} is an int32 of days,
 * {@code timestamp}/{@code timestamptz} an int64 of microseconds (UTC for timestamptz), {@code time} an int64 of
 * microseconds since midnight, {@code timetz} that plus an int32 zone in seconds <em>west</em> of UTC, and
 * {@code interval} an int64 of microseconds, an int32 of days and an int32 of months.
 *
 * <p>Mapping decisions:
 * <ul>
 *   <li>Precision is the microsecond. Nanoseconds are rounded to the nearest microsecond, ties to even, as the
 *       server rounds fractional seconds it parses; rounding may carry into the next second or day.</li>
 *   <li>{@code infinity}/{@code -infinity} map to {@code LocalDate.MAX/MIN}, {@code LocalDateTime.MAX/MIN} and
 *       {@code OffsetDateTime.MAX/MIN}, both ways (also {@code Instant.MAX/MIN} when encoding timestamptz).</li>
 *   <li>{@code timestamptz} decodes to an {@link OffsetDateTime} at UTC, in both formats; it encodes
 *       {@code OffsetDateTime}, {@link Instant}, {@link ZonedDateTime} and {@link LocalDateTime} (in the session
 *       time zone, as the server reads a literal without offset). Its text form is written at UTC.</li>
 *   <li>{@code time} 24:00:00 (valid in PostgreSQL) decodes to {@link LocalTime#MAX}, which, like any time that
 *       rounds up past 23:59:59.999999, encodes as 24:00:00.</li>
 *   <li>Years before 1 AD use ISO numbering (year 0 is 1 BC); the text form is PostgreSQL's {@code DateStyle =
 *       ISO} output with a {@code BC} suffix, and years above 9999 have more than four digits.</li>
 *   <li>Values outside PostgreSQL's ranges (dates 4714-11-24 BC to 5874897 AD, timestamps 4714-11-24 BC to
 *       294276 AD, time zone offsets below 16 hours) are refused when encoding.</li>
 * </ul>
 */
final class DateTimeCodecs {

    private DateTimeCodecs() {}

    static final DateCodec DATE = new DateCodec();
    static final TimeCodec TIME = new TimeCodec();
    static final TimetzCodec TIMETZ = new TimetzCodec();
    static final TimestampCodec TIMESTAMP = new TimestampCodec();
    static final TimestamptzCodec TIMESTAMPTZ = new TimestamptzCodec();
    static final IntervalCodec INTERVAL = new IntervalCodec();

    /** 2000-01-01 as a count of days since 1970-01-01. */
    static final long PG_EPOCH_DAY = 10_957L;
    /** 2000-01-01T00:00Z in seconds since 1970-01-01T00:00Z. */
    static final long PG_EPOCH_SECOND = 946_684_800L;
    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    /** First valid date (4714-11-24 BC, Julian day 0), in days from 2000-01-01. */
    static final int DATE_MIN = -2_451_545;
    /** First date after the valid range (5874898-01-01), in days from 2000-01-01. */
    static final int DATE_END = 2_145_031_949;
    /** First valid timestamp (4714-11-24 BC 00:00), in microseconds from 2000-01-01. */
    static final long TIMESTAMP_MIN = -211_813_488_000_000_000L;
    /** First timestamp after the valid range (294277-01-01 00:00), in microseconds from 2000-01-01. */
    static final long TIMESTAMP_END = 9_223_371_331_200_000_000L;
    /** PostgreSQL refuses time zone displacements of 16 hours or more. */
    static final int ZONE_LIMIT_SECONDS = 16 * 3600;

    // ---------------------------------------------------------------------------------------------------------
    // Shared arithmetic

    /** Microseconds for seconds and nanoseconds, rounding ties to even; {@link ArithmeticException} on overflow. */
    static long toMicros(long seconds, int nanos) {
        long micro = nanos / 1000;
        int rest = nanos % 1000;
        if (rest > 500 || (rest == 500 && (micro & 1) == 1)) {
            micro++;
        }
        return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), micro);
    }

    /** Microseconds since midnight, rounded; 23:59:59.9999995 and later round to 24:00:00. */
    static long microsOfDay(LocalTime time) {
        long nanos = time.toNanoOfDay();
        return toMicros(nanos / 1_000_000_000L, (int) (nanos % 1_000_000_000L));
    }

    static LocalTime timeOfMicros(long micros) {
        return micros == MICROS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
    }

    /** Microseconds from 2000-01-01 for seconds since 1970 and nanoseconds, checked against the valid range. */
    static long timestampMicros(long epochSecond, int nanos, Object value, String typeName) {
        long micros;
        try {
            micros = toMicros(Math.subtractExact(epochSecond, PG_EPOCH_SECOND), nanos);
        } catch (ArithmeticException e) {
            throw CodecSupport.outOfRange(value, typeName);
        }
        if (micros < TIMESTAMP_MIN || micros >= TIMESTAMP_END) {
            throw CodecSupport.outOfRange(value, typeName);
        }
        return micros;
    }

    static LocalDateTime localDateTimeOfMicros(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND) + PG_EPOCH_SECOND,
                (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000, ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Text output (DateStyle = ISO)

    static void writeInfinity(ByteBuf out, boolean positive) {
        out.writeCharSequence(positive ? "infinity" : "-infinity", StandardCharsets.US_ASCII);
    }

    /** Writes YYYY-MM-DD, the year as PostgreSQL numbers it (no year 0); returns whether " BC" is due. */
    static boolean writeDate(ByteBuf out, LocalDate date) {
        int year = date.getYear();
        boolean bc = year <= 0;
        CodecSupport.writePadded(out, bc ? 1L - year : year, 4);
        out.writeByte('-');
        CodecSupport.writePadded(out, date.getMonthValue(), 2);
        out.writeByte('-');
        CodecSupport.writePadded(out, date.getDayOfMonth(), 2);
        return bc;
    }

    /** Writes HH:MM:SS[.ffffff] for microseconds since midnight (24:00:00 included). */
    static void writeTime(ByteBuf out, long micros) {
        long seconds = micros / MICROS_PER_SECOND;
        CodecSupport.writePadded(out, seconds / 3600, 2);
        out.writeByte(':');
        CodecSupport.writePadded(out, seconds / 60 % 60, 2);
        out.writeByte(':');
        CodecSupport.writePadded(out, seconds % 60, 2);
        CodecSupport.writeMicrosFraction(out, (int) (micros % MICROS_PER_SECOND));
    }

    /** Writes +HH, +HH:MM or +HH:MM:SS for an offset east of UTC in seconds, as PostgreSQL does. */
    static void writeOffset(ByteBuf out, int offsetSeconds) {
        out.writeByte(offsetSeconds >= 0 ? '+' : '-');
        int abs = Math.abs(offsetSeconds);
        CodecSupport.writePadded(out, abs / 3600, 2);
        int minutes = abs / 60 % 60;
        int seconds = abs % 60;
        if (minutes != 0 || seconds != 0) {
            out.writeByte(':');
            CodecSupport.writePadded(out, minutes, 2);
            if (seconds != 0) {
                out.writeByte(':');
                CodecSupport.writePadded(out, seconds, 2);
            }
        }
    }

    static void writeBc(ByteBuf out, boolean bc) {
        if (bc) {
            out.writeCharSequence(" BC", StandardCharsets.US_ASCII);
        }
    }

    /** Writes a timestamp given in microseconds from 2000-01-01, with "+00" when {@code utc}. */
    static void writeTimestamp(ByteBuf out, long micros, boolean utc) {
        LocalDateTime dateTime = localDateTimeOfMicros(micros);
        boolean bc = writeDate(out, dateTime.toLocalDate());
        out.writeByte(' ');
        writeTime(out, Math.floorMod(micros, MICROS_PER_DAY));
        if (utc) {
            out.writeCharSequence("+00", StandardCharsets.US_ASCII);
        }
        writeBc(out, bc);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Text input (DateStyle = ISO output)

    /**
     * Reads PostgreSQL's ISO date/time output from a buffer: a cursor over {@code [index, index + length)}.
     * Allocated per text value; binary decoding does not use it.
     */
    static final class TextReader {
        private final ByteBuf in;
        private final int length;
        private final int end;
        private final String typeName;
        private int pos;

        TextReader(ByteBuf in, int index, int length, String typeName) {
            this.in = in;
            this.pos = index;
            this.length = length;
            this.end = index + length;
            this.typeName = typeName;
        }

        IllegalArgumentException error(String reason) {
            return CodecSupport.invalidText(typeName, length, reason);
        }

        boolean atEnd() {
            return pos == end;
        }

        void expectEnd() {
            if (pos != end) {
                throw error("unexpected trailing characters");
            }
        }

        boolean peek(char c) {
            return pos < end && in.getByte(pos) == c;
        }

        void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        /** A run of {@code min} to {@code max} digits. */
        int number(int min, int max) {
            int value = 0;
            int count = 0;
            while (pos < end && count < max) {
                int d = in.getByte(pos) - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                value = value * 10 + d;
                pos++;
                count++;
            }
            if (count < min) {
                throw error("expected a number");
            }
            if (pos < end && count == max) {
                int d = in.getByte(pos) - '0';
                if (d >= 0 && d <= 9) {
                    throw error("number too long");
                }
            }
            return value;
        }

        /** Y..Y-MM-DD: fields {year as printed, month, day}. */
        int[] date() {
            int year = number(1, 9);
            expect('-');
            int month = number(2, 2);
            expect('-');
            int day = number(2, 2);
            return new int[] {year, month, day};
        }

        /** HH:MM:SS[.fraction] as nanoseconds of the day; 24:00:00 allowed only when {@code allow24}. */
        long time(boolean allow24) {
            int hour = number(2, 2);
            expect(':');
            int minute = number(2, 2);
            expect(':');
            int second = number(2, 2);
            long nanos = 0;
            if (peek('.')) {
                pos++;
                int digits = 0;
                while (pos < end && digits < 9) {
                    int d = in.getByte(pos) - '0';
                    if (d < 0 || d > 9) {
                        break;
                    }
                    nanos = nanos * 10 + d;
                    pos++;
                    digits++;
                }
                if (digits == 0) {
                    throw error("expected fractional digits");
                }
                for (; digits < 9; digits++) {
                    nanos *= 10;
                }
            }
            if (minute > 59 || second > 59) {
                throw error("invalid time");
            }
            if (hour == 24 && allow24 && minute == 0 && second == 0 && nanos == 0) {
                return 86_400_000_000_000L;
            }
            if (hour > 23) {
                throw error("invalid time");
            }
            return ((hour * 60L + minute) * 60 + second) * 1_000_000_000L + nanos;
        }

        /** [+-]HH[:MM[:SS]] as seconds east of UTC. */
        int offset() {
            boolean negative;
            if (peek('+')) {
                negative = false;
            } else if (peek('-')) {
                negative = true;
            } else {
                throw error("expected a time zone offset");
            }
            pos++;
            int seconds = number(2, 2) * 3600;
            if (peek(':')) {
                pos++;
                seconds += number(2, 2) * 60;
                if (peek(':')) {
                    pos++;
                    seconds += number(2, 2);
                }
            }
            if (seconds > 18 * 3600) {
                throw error("time zone offset out of range");
            }
            return negative ? -seconds : seconds;
        }

        /** Consumes " BC" when present. */
        boolean bc() {
            if (end - pos == 3 && in.getByte(pos) == ' ' && in.getByte(pos + 1) == 'B' && in.getByte(pos + 2) == 'C') {
                pos += 3;
                return true;
            }
            return false;
        }

        LocalDate toDate(int[] fields, boolean bc) {
            int year = fields[0];
            if (year == 0) {
                throw error("there is no year 0");
            }
            try {
                return LocalDate.of(bc ? 1 - year : year, fields[1], fields[2]);
            } catch (DateTimeException e) {
                throw error("invalid date");
            }
        }
    }

    static boolean isInfinity(ByteBuf in, int index, int length) {
        return CodecSupport.asciiEquals(in, index, length, "infinity");
    }

    static boolean isNegativeInfinity(ByteBuf in, int index, int length) {
        return CodecSupport.asciiEquals(in, index, length, "-infinity");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Codecs

    /** {@code date} ↔ {@link LocalDate}; ±infinity ↔ {@code LocalDate.MAX/MIN}. */
    static final class DateCodec extends BaseCodec<LocalDate> {
        DateCodec() {
            super(PgOids.DATE, "date", LocalDate.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == LocalDate.class;
        }

        private static LocalDate toDate(Object value) {
            if (value instanceof LocalDate) {
                return (LocalDate) value;
            }
            throw CodecSupport.cannotEncode(value, "date");
        }

        /** Days from 2000-01-01, or Integer.MAX_VALUE/MIN_VALUE for ±infinity. */
        static int days(LocalDate date) {
            if (date.equals(LocalDate.MAX)) {
                return Integer.MAX_VALUE;
            }
            if (date.equals(LocalDate.MIN)) {
                return Integer.MIN_VALUE;
            }
            long days = date.toEpochDay() - PG_EPOCH_DAY;
            if (days < DATE_MIN || days >= DATE_END) {
                throw CodecSupport.outOfRange(date, "date");
            }
            return (int) days;
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeInt(days(toDate(value)));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            LocalDate date = toDate(value);
            int days = days(date);
            if (days == Integer.MAX_VALUE || days == Integer.MIN_VALUE) {
                writeInfinity(out, days == Integer.MAX_VALUE);
                return;
            }
            writeBc(out, writeDate(out, date));
        }

        @Override
        LocalDate decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("date", length, 4);
            int days = in.getInt(index);
            if (days == Integer.MAX_VALUE) {
                return LocalDate.MAX;
            }
            if (days == Integer.MIN_VALUE) {
                return LocalDate.MIN;
            }
            return LocalDate.ofEpochDay(days + PG_EPOCH_DAY);
        }

        @Override
        LocalDate decodeText(ByteBuf in, int index, int length, CodecContext context) {
            if (isInfinity(in, index, length)) {
                return LocalDate.MAX;
            }
            if (isNegativeInfinity(in, index, length)) {
                return LocalDate.MIN;
            }
            TextReader reader = new TextReader(in, index, length, "date");
            int[] fields = reader.date();
            boolean bc = reader.bc();
            reader.expectEnd();
            return reader.toDate(fields, bc);
        }
    }

    /** {@code time} ↔ {@link LocalTime}; 24:00:00 ↔ {@link LocalTime#MAX}. */
    static final class TimeCodec extends BaseCodec<LocalTime> {
        TimeCodec() {
            super(PgOids.TIME, "time", LocalTime.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == LocalTime.class;
        }

        private static LocalTime toTime(Object value) {
            if (value instanceof LocalTime) {
                return (LocalTime) value;
            }
            throw CodecSupport.cannotEncode(value, "time");
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeLong(microsOfDay(toTime(value)));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            writeTime(out, microsOfDay(toTime(value)));
        }

        @Override
        LocalTime decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("time", length, 8);
            long micros = in.getLong(index);
            if (micros < 0 || micros > MICROS_PER_DAY) {
                throw CodecSupport.invalidBinary("time", length, "out of range");
            }
            return timeOfMicros(micros);
        }

        @Override
        LocalTime decodeText(ByteBuf in, int index, int length, CodecContext context) {
            TextReader reader = new TextReader(in, index, length, "time");
            long nanos = reader.time(true);
            reader.expectEnd();
            return nanos == 86_400_000_000_000L ? LocalTime.MAX : LocalTime.ofNanoOfDay(nanos);
        }
    }

    /** {@code timetz} ↔ {@link OffsetTime}; 24:00:00 ↔ {@link LocalTime#MAX} at the offset. */
    static final class TimetzCodec extends BaseCodec<OffsetTime> {
        TimetzCodec() {
            super(PgOids.TIMETZ, "timetz", OffsetTime.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == OffsetTime.class;
        }

        private static OffsetTime toTime(Object value) {
            if (value instanceof OffsetTime) {
                OffsetTime time = (OffsetTime) value;
                if (Math.abs(time.getOffset().getTotalSeconds()) >= ZONE_LIMIT_SECONDS) {
                    throw CodecSupport.outOfRange(value, "timetz");
                }
                return time;
            }
            throw CodecSupport.cannotEncode(value, "timetz");
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            OffsetTime time = toTime(value);
            out.writeLong(microsOfDay(time.toLocalTime()));
            out.writeInt(-time.getOffset().getTotalSeconds());
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            OffsetTime time = toTime(value);
            writeTime(out, microsOfDay(time.toLocalTime()));
            writeOffset(out, time.getOffset().getTotalSeconds());
        }

        @Override
        OffsetTime decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("timetz", length, 12);
            long micros = in.getLong(index);
            int zoneWest = in.getInt(index + 8);
            if (micros < 0 || micros > MICROS_PER_DAY) {
                throw CodecSupport.invalidBinary("timetz", length, "time out of range");
            }
            if (zoneWest < -18 * 3600 || zoneWest > 18 * 3600) {
                throw CodecSupport.invalidBinary("timetz", length, "time zone offset out of range");
            }
            return OffsetTime.of(timeOfMicros(micros), ZoneOffset.ofTotalSeconds(-zoneWest));
        }

        @Override
        OffsetTime decodeText(ByteBuf in, int index, int length, CodecContext context) {
            TextReader reader = new TextReader(in, index, length, "timetz");
            long nanos = reader.time(true);
            int offset = reader.offset();
            reader.expectEnd();
            LocalTime time = nanos == 86_400_000_000_000L ? LocalTime.MAX : LocalTime.ofNanoOfDay(nanos);
            return OffsetTime.of(time, ZoneOffset.ofTotalSeconds(offset));
        }
    }

    /** {@code timestamp} ↔ {@link LocalDateTime}; ±infinity ↔ {@code LocalDateTime.MAX/MIN}. */
    static final class TimestampCodec extends BaseCodec<LocalDateTime> {
        TimestampCodec() {
            super(PgOids.TIMESTAMP, "timestamp", LocalDateTime.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == LocalDateTime.class;
        }

        /** Microseconds from 2000-01-01, or Long.MAX_VALUE/MIN_VALUE for ±infinity. */
        private static long micros(Object value) {
            if (!(value instanceof LocalDateTime)) {
                throw CodecSupport.cannotEncode(value, "timestamp");
            }
            LocalDateTime dateTime = (LocalDateTime) value;
            if (dateTime.equals(LocalDateTime.MAX)) {
                return Long.MAX_VALUE;
            }
            if (dateTime.equals(LocalDateTime.MIN)) {
                return Long.MIN_VALUE;
            }
            return timestampMicros(dateTime.toEpochSecond(ZoneOffset.UTC), dateTime.getNano(), value, "timestamp");
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeLong(micros(value));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            long micros = micros(value);
            if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
                writeInfinity(out, micros == Long.MAX_VALUE);
            } else {
                writeTimestamp(out, micros, false);
            }
        }

        @Override
        LocalDateTime decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("timestamp", length, 8);
            long micros = in.getLong(index);
            if (micros == Long.MAX_VALUE) {
                return LocalDateTime.MAX;
            }
            if (micros == Long.MIN_VALUE) {
                return LocalDateTime.MIN;
            }
            return localDateTimeOfMicros(micros);
        }

        @Override
        LocalDateTime decodeText(ByteBuf in, int index, int length, CodecContext context) {
            if (isInfinity(in, index, length)) {
                return LocalDateTime.MAX;
            }
            if (isNegativeInfinity(in, index, length)) {
                return LocalDateTime.MIN;
            }
            TextReader reader = new TextReader(in, index, length, "timestamp");
            int[] fields = reader.date();
            reader.expect(' ');
            long nanos = reader.time(false);
            boolean bc = reader.bc();
            reader.expectEnd();
            return LocalDateTime.of(reader.toDate(fields, bc), LocalTime.ofNanoOfDay(nanos));
        }
    }

    /**
     * {@code timestamptz} ↔ {@link OffsetDateTime} at UTC; also encodes {@link Instant}, {@link ZonedDateTime} and
     * {@link LocalDateTime}, which, like a literal without an offset, is taken in the session's time zone.
     * ±infinity ↔ {@code OffsetDateTime.MAX/MIN} (and {@code Instant.MAX/MIN} encode as ±infinity).
     */
    static final class TimestamptzCodec extends BaseCodec<OffsetDateTime> {
        TimestamptzCodec() {
            super(PgOids.TIMESTAMPTZ, "timestamptz", OffsetDateTime.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class
                    || type == LocalDateTime.class;
        }

        /** Microseconds from 2000-01-01 UTC, or Long.MAX_VALUE/MIN_VALUE for ±infinity. */
        private static long micros(Object value, CodecContext context) {
            if (value instanceof LocalDateTime local) {
                if (local.equals(LocalDateTime.MAX)) {
                    return Long.MAX_VALUE;
                }
                if (local.equals(LocalDateTime.MIN)) {
                    return Long.MIN_VALUE;
                }
                ZonedDateTime zoned;
                try {
                    zoned = local.atZone(context.sessionTimeZone());
                } catch (DateTimeException e) {
                    throw CodecSupport.outOfRange(value, "timestamptz");
                }
                return timestampMicros(zoned.toEpochSecond(), zoned.getNano(), value, "timestamptz");
            }
            if (value instanceof OffsetDateTime) {
                OffsetDateTime dateTime = (OffsetDateTime) value;
                if (dateTime.equals(OffsetDateTime.MAX)) {
                    return Long.MAX_VALUE;
                }
                if (dateTime.equals(OffsetDateTime.MIN)) {
                    return Long.MIN_VALUE;
                }
                return timestampMicros(dateTime.toEpochSecond(), dateTime.getNano(), value, "timestamptz");
            }
            if (value instanceof Instant) {
                Instant instant = (Instant) value;
                if (instant.equals(Instant.MAX)) {
                    return Long.MAX_VALUE;
                }
                if (instant.equals(Instant.MIN)) {
                    return Long.MIN_VALUE;
                }
                return timestampMicros(instant.getEpochSecond(), instant.getNano(), value, "timestamptz");
            }
            if (value instanceof ZonedDateTime) {
                ZonedDateTime dateTime = (ZonedDateTime) value;
                return timestampMicros(dateTime.toEpochSecond(), dateTime.getNano(), value, "timestamptz");
            }
            throw CodecSupport.cannotEncode(value, "timestamptz");
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeLong(micros(value, context));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            long micros = micros(value, context);
            if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
                writeInfinity(out, micros == Long.MAX_VALUE);
            } else {
                writeTimestamp(out, micros, true);
            }
        }

        @Override
        OffsetDateTime decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("timestamptz", length, 8);
            long micros = in.getLong(index);
            if (micros == Long.MAX_VALUE) {
                return OffsetDateTime.MAX;
            }
            if (micros == Long.MIN_VALUE) {
                return OffsetDateTime.MIN;
            }
            return OffsetDateTime.of(localDateTimeOfMicros(micros), ZoneOffset.UTC);
        }

        @Override
        OffsetDateTime decodeText(ByteBuf in, int index, int length, CodecContext context) {
            if (isInfinity(in, index, length)) {
                return OffsetDateTime.MAX;
            }
            if (isNegativeInfinity(in, index, length)) {
                return OffsetDateTime.MIN;
            }
            TextReader reader = new TextReader(in, index, length, "timestamptz");
            int[] fields = reader.date();
            reader.expect(' ');
            long nanos = reader.time(false);
            int offset = reader.offset();
            boolean bc = reader.bc();
            reader.expectEnd();
            LocalDateTime local = LocalDateTime.of(reader.toDate(fields, bc), LocalTime.ofNanoOfDay(nanos));
            try {
                return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(offset))
                        .withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw reader.error("out of range");
            }
        }
    }

    /**
     * {@code interval} ↔ {@link PgInterval}; also encodes {@link Duration} (all in microseconds) and
     * {@link Period} (years and months in months, days in days). The text form is {@code IntervalStyle =
     * postgres}, the server's default.
     */
    static final class IntervalCodec extends BaseCodec<PgInterval> {
        IntervalCodec() {
            super(PgOids.INTERVAL, "interval", PgInterval.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == PgInterval.class || type == Duration.class || type == Period.class;
        }

        private static PgInterval toInterval(Object value) {
            try {
                if (value instanceof PgInterval) {
                    return (PgInterval) value;
                }
                if (value instanceof Duration) {
                    return PgInterval.from((Duration) value);
                }
                if (value instanceof Period) {
                    return PgInterval.from((Period) value);
                }
            } catch (ArithmeticException e) {
                throw CodecSupport.outOfRange(value, "interval");
            }
            throw CodecSupport.cannotEncode(value, "interval");
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            PgInterval interval = toInterval(value);
            out.writeLong(interval.microseconds());
            out.writeInt(interval.days());
            out.writeInt(interval.months());
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            out.writeCharSequence(toInterval(value).toString(), StandardCharsets.US_ASCII);
        }

        @Override
        PgInterval decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("interval", length, 16);
            return PgInterval.of(in.getInt(index + 12), in.getInt(index + 8), in.getLong(index));
        }

        @Override
        PgInterval decodeText(ByteBuf in, int index, int length, CodecContext context) {
            String text = CodecSupport.ascii(in, index, length, "interval");
            try {
                return PgInterval.parse(text);
            } catch (IllegalArgumentException e) {
                throw CodecSupport.invalidText("interval", length,
                        "not in PostgreSQL's IntervalStyle postgres format");
            }
        }
    }
}
