package io.pgasync.types;

import java.time.Duration;
import java.time.Period;

/**
 * A PostgreSQL {@code interval}, held as the server holds it: a number of months, a number of days and a number
 * of microseconds, each with its own sign. The three are kept apart because their lengths differ: a month is 28
 * to 31 days, and a day is 23 to 25 hours across a daylight-saving change.
 *
 * <p>Equality compares the three fields, so {@code 1 day} and {@code 24:00:00} are different values here,
 * although PostgreSQL's {@code =} operator (which counts a month as 30 days and a day as 24 hours) calls them
 * equal. Nothing is normalised implicitly; {@link #of(int, int, int, long, long, long, long)} only adds years into
 * months and hours, minutes and seconds into microseconds.
 *
 * <p>{@link #toString()} writes PostgreSQL's default output ({@code IntervalStyle = postgres}), for example
 * {@code 1 year 2 mons 3 days 04:05:06.789} or {@code -1 days +02:00:00}, and {@link #parse(CharSequence)} reads
 * it back. PostgreSQL 17 added the infinite intervals {@link #INFINITY} and {@link #NEGATIVE_INFINITY}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PgInterval {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    /** The empty interval, {@code 00:00:00}. */
    public static final PgInterval ZERO = new PgInterval(0, 0, 0);

    /**
     * PostgreSQL 17's {@code 'infinity'::interval}: every field at its maximum. Older servers reject it.
     */
    public static final PgInterval INFINITY = new PgInterval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);

    /**
     * PostgreSQL 17's {@code '-infinity'::interval}: every field at its minimum. Older servers reject it.
     */
    public static final PgInterval NEGATIVE_INFINITY =
            new PgInterval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE);

    private final int months;
    private final int days;
    private final long microseconds;

    private PgInterval(int months, int days, long microseconds) {
        this.months = months;
        this.days = days;
        this.microseconds = microseconds;
    }

    /**
     * An interval from PostgreSQL's three fields.
     *
     * @param months the months (a year is 12 months)
     * @param days the days
     * @param microseconds the time part, in microseconds
     * @return the interval
     */
    public static PgInterval of(int months, int days, long microseconds) {
        return new PgInterval(months, days, microseconds);
    }

    /**
     * An interval from calendar and clock fields: years are added into months, and hours, minutes and seconds
     * into microseconds. Each field may be negative.
     *
     * @param years the years
     * @param months the months
     * @param days the days
     * @param hours the hours
     * @param minutes the minutes
     * @param seconds the seconds
     * @param microseconds the microseconds
     * @return the interval
     * @throws ArithmeticException when the months or the microseconds overflow PostgreSQL's fields
     */
    public static PgInterval of(int years, int months, int days, long hours, long minutes, long seconds,
            long microseconds) {
        int totalMonths = Math.addExact(Math.multiplyExact(years, 12), months);
        long micros = Math.addExact(Math.multiplyExact(hours, MICROS_PER_HOUR),
                Math.addExact(Math.multiplyExact(minutes, MICROS_PER_MINUTE),
                        Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), microseconds)));
        return new PgInterval(totalMonths, days, micros);
    }

    /**
     * An interval of the exact length of a duration: months and days are 0, and the whole duration is in the
     * microseconds. Nanoseconds are rounded to the nearest microsecond, ties to even, as PostgreSQL rounds
     * fractional seconds.
     *
     * @param duration the duration
     * @return the interval
     * @throws ArithmeticException when the duration does not fit in a signed 64-bit count of microseconds
     *     (about 292,000 years)
     */
    public static PgInterval from(Duration duration) {
        int nanos = duration.getNano();
        long micro = nanos / 1000;
        int rest = nanos % 1000;
        if (rest > 500 || (rest == 500 && (micro & 1) == 1)) {
            micro++;
        }
        return new PgInterval(0, 0, Math.addExact(Math.multiplyExact(duration.getSeconds(), MICROS_PER_SECOND), micro));
    }

    /**
     * An interval of a period's years (as 12 months each), months and days.
     *
     * @param period the period
     * @return the interval
     * @throws ArithmeticException when the months overflow a 32-bit integer
     */
    public static PgInterval from(Period period) {
        return new PgInterval(Math.addExact(Math.multiplyExact(period.getYears(), 12), period.getMonths()),
                period.getDays(), 0);
    }

    /**
     * The months field, years included (14 for {@code 1 year 2 mons}).
     *
     * @return the months
     */
    public int months() {
        return months;
    }

    /**
     * The days field.
     *
     * @return the days
     */
    public int days() {
        return days;
    }

    /**
     * The time field, in microseconds (hours, minutes and seconds together).
     *
     * @return the microseconds
     */
    public long microseconds() {
        return microseconds;
    }

    /**
     * Whether this is {@link #INFINITY} or {@link #NEGATIVE_INFINITY}.
     *
     * @return true for the infinite intervals
     */
    public boolean isInfinite() {
        return equals(INFINITY) || equals(NEGATIVE_INFINITY);
    }

    /**
     * This interval as a {@link Duration}, counting a day as 24 hours.
     *
     * @return the duration
     * @throws IllegalStateException when the interval has months (their length is not fixed) or is infinite
     */
    public Duration toDuration() {
        if (isInfinite()) {
            throw new IllegalStateException("an infinite interval has no Duration");
        }
        if (months != 0) {
            throw new IllegalStateException("the interval has " + months
                    + " months, whose length in time is not fixed; a Duration cannot hold them");
        }
        long microOfSecond = Math.floorMod(microseconds, MICROS_PER_SECOND);
        return Duration.ofSeconds(Math.floorDiv(microseconds, MICROS_PER_SECOND), microOfSecond * 1000)
                .plusSeconds(days * 86_400L);
    }

    /**
     * This interval as a {@link Period} of years, months and days.
     *
     * @return the period
     * @throws IllegalStateException when the interval has a time part (a period cannot hold it) or is infinite
     */
    public Period toPeriod() {
        if (isInfinite()) {
            throw new IllegalStateException("an infinite interval has no Period");
        }
        if (microseconds != 0) {
            throw new IllegalStateException("the interval has a time part of " + microseconds
                    + " microseconds; a Period cannot hold it");
        }
        return Period.of(months / 12, months % 12, days);
    }

    /**
     * Reads PostgreSQL's interval output in the default {@code IntervalStyle = postgres}: optional
     * {@code N year(s)}, {@code N mon(s)} and {@code N day(s)} parts, each with its own sign, then an optional
     * time part {@code [+-]HH:MM:SS[.ffffff]} (hours may exceed 24); or {@code infinity} / {@code -infinity}.
     * The empty interval is {@code 00:00:00}.
     *
     * @param text the interval text, e.g. {@code 1 year 2 mons 3 days 04:05:06.789} or
     *     {@code -1 days +02:00:00}
     * @return the interval
     * @throws IllegalArgumentException when the text is not in that form or a field is out of range
     */
    public static PgInterval parse(CharSequence text) {
        String s = text.toString();
        if (s.equals("infinity")) {
            return INFINITY;
        }
        if (s.equals("-infinity")) {
            return NEGATIVE_INFINITY;
        }
        int n = s.length();
        int i = 0;
        long totalMonths = 0;
        long totalDays = 0;
        long micros = 0;
        boolean any = false;
        boolean time = false;
        try {
            while (i < n) {
                if (any) {
                    if (s.charAt(i) != ' ') {
                        throw badInterval(s, "expected a space");
                    }
                    i++;
                }
                if (time) {
                    throw badInterval(s, "the time part must come last");
                }
                boolean negative = false;
                if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                    negative = s.charAt(i) == '-';
                    i++;
                }
                int start = i;
                long number = 0;
                while (i < n && isDigit(s.charAt(i))) {
                    number = Math.addExact(Math.multiplyExact(number, 10), s.charAt(i) - '0');
                    i++;
                }
                if (i == start) {
                    throw badInterval(s, "expected a number");
                }
                if (i < n && s.charAt(i) == ':') {
                    i++;
                    long minutes = twoDigits(s, i);
                    i += 2;
                    if (i >= n || s.charAt(i) != ':') {
                        throw badInterval(s, "expected HH:MM:SS");
                    }
                    i++;
                    long seconds = twoDigits(s, i);
                    i += 2;
                    if (minutes > 59 || seconds > 59) {
                        throw badInterval(s, "minutes and seconds must be below 60");
                    }
                    long fraction = 0;
                    if (i < n && s.charAt(i) == '.') {
                        i++;
                        int digits = 0;
                        while (i < n && isDigit(s.charAt(i))) {
                            if (++digits > 6) {
                                throw badInterval(s, "more than 6 fractional digits");
                            }
                            fraction = fraction * 10 + (s.charAt(i) - '0');
                            i++;
                        }
                        if (digits == 0) {
                            throw badInterval(s, "expected fractional digits");
                        }
                        for (; digits < 6; digits++) {
                            fraction *= 10;
                        }
                    }
                    // Accumulate the magnitude negatively so that Long.MIN_VALUE microseconds parse.
                    long negativeMagnitude = Math.subtractExact(
                            Math.subtractExact(Math.subtractExact(
                                    Math.negateExact(Math.multiplyExact(number, MICROS_PER_HOUR)),
                                    minutes * MICROS_PER_MINUTE), seconds * MICROS_PER_SECOND), fraction);
                    micros = negative ? negativeMagnitude : Math.negateExact(negativeMagnitude);
                    time = true;
                } else {
                    if (i >= n || s.charAt(i) != ' ') {
                        throw badInterval(s, "expected a unit after the number");
                    }
                    i++;
                    int unitStart = i;
                    while (i < n && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
                        i++;
                    }
                    String unit = s.substring(unitStart, i);
                    long value = negative ? -number : number;
                    switch (unit) {
                        case "year":
                        case "years":
                            totalMonths = Math.addExact(totalMonths, Math.multiplyExact(value, 12));
                            break;
                        case "mon":
                        case "mons":
                            totalMonths = Math.addExact(totalMonths, value);
                            break;
                        case "day":
                        case "days":
                            totalDays = Math.addExact(totalDays, value);
                            break;
                        default:
                            throw badInterval(s, "unknown unit '" + unit + "'");
                    }
                }
                any = true;
            }
            if (!any) {
                throw badInterval(s, "empty");
            }
            return new PgInterval(Math.toIntExact(totalMonths), Math.toIntExact(totalDays), micros);
        } catch (ArithmeticException e) {
            throw badInterval(s, "out of range");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static long twoDigits(String s, int i) {
        if (i + 2 > s.length() || !isDigit(s.charAt(i)) || !isDigit(s.charAt(i + 1))) {
            throw badInterval(s, "expected two digits");
        }
        return (s.charAt(i) - '0') * 10 + (s.charAt(i + 1) - '0');
    }

    private static IllegalArgumentException badInterval(String text, String reason) {
        return new IllegalArgumentException("invalid interval '" + text + "': " + reason
                + " (expected PostgreSQL's IntervalStyle postgres output, e.g. '1 year 2 mons 3 days 04:05:06')");
    }

    /**
     * PostgreSQL's default text form ({@code IntervalStyle = postgres}), which {@link #parse(CharSequence)} reads
     * back and the server accepts as input: e.g. {@code 1 year 2 mons 3 days 04:05:06.789}, {@code -1 days
     * +02:00:00}, {@code 00:00:00} for zero, {@code infinity}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        if (equals(INFINITY)) {
            return "infinity";
        }
        if (equals(NEGATIVE_INFINITY)) {
            return "-infinity";
        }
        StringBuilder sb = new StringBuilder(32);
        long[] values = {months / 12, months % 12, days};
        String[] units = {"year", "mon", "day"};
        boolean zero = true;
        boolean before = false;
        for (int k = 0; k < 3; k++) {
            long value = values[k];
            if (value == 0) {
                continue;
            }
            if (!zero) {
                sb.append(' ');
            }
            if (before && value > 0) {
                sb.append('+');
            }
            sb.append(value).append(' ').append(units[k]);
            if (value != 1) {
                sb.append('s');
            }
            // As in the server, a negative part makes the next one show its sign.
            before = value < 0;
            zero = false;
        }
        if (zero || microseconds != 0) {
            if (!zero) {
                sb.append(' ');
            }
            if (microseconds < 0) {
                sb.append('-');
            } else if (before) {
                sb.append('+');
            }
            long hours = Math.abs(microseconds / MICROS_PER_HOUR);
            long rest = Math.abs(microseconds % MICROS_PER_HOUR);
            long minutes = rest / MICROS_PER_MINUTE;
            rest %= MICROS_PER_MINUTE;
            long seconds = rest / MICROS_PER_SECOND;
            long fraction = rest % MICROS_PER_SECOND;
            appendTwoDigits(sb, hours).append(':');
            appendTwoDigits(sb, minutes).append(':');
            appendTwoDigits(sb, seconds);
            if (fraction != 0) {
                int digits = 6;
                while (fraction % 10 == 0) {
                    fraction /= 10;
                    digits--;
                }
                sb.append('.');
                String f = Long.toString(fraction);
                for (int p = f.length(); p < digits; p++) {
                    sb.append('0');
                }
                sb.append(f);
            }
        }
        return sb.toString();
    }

    private static StringBuilder appendTwoDigits(StringBuilder sb, long value) {
        if (value < 10) {
            sb.append('0');
        }
        return sb.append(value);
    }

    /**
     * Whether the other object is an interval with the same months, days and microseconds.
     *
     * @param other the object to compare with
     * @return true when all three fields are equal
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PgInterval)) {
            return false;
        }
        PgInterval that = (PgInterval) other;
        return months == that.months && days == that.days && microseconds == that.microseconds;
    }

    /**
     * A hash of the three fields.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * (31 * months + days) + Long.hashCode(microseconds);
    }
}
