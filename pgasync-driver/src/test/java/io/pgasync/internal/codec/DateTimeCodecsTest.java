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
import io.pgasync.types.PgInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeCodecsTest {

    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

    // ---------------------------------------------------------------------------------------------------------
    // date

    @Test
    void dateCountsDaysFrom2000() {
        assertThat(encodeBinary(DateTimeCodecs.DATE, EPOCH)).isEqualTo(hex("00 00 00 00"));
        assertThat(encodeBinary(DateTimeCodecs.DATE, LocalDate.of(1999, 12, 31))).isEqualTo(hex("ff ff ff ff"));
        assertThat(encodeBinary(DateTimeCodecs.DATE, LocalDate.of(2000, 1, 2))).isEqualTo(hex("00 00 00 01"));
        assertThat(decodeBinary(DateTimeCodecs.DATE, "00 00 01 6e")).isEqualTo(LocalDate.of(2001, 1, 1));
        assertThat(encodeText(DateTimeCodecs.DATE, LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void dateInfinityIsLocalDateMaxAndMin(Format format) {
        assertThat(encodeBinary(DateTimeCodecs.DATE, LocalDate.MAX)).isEqualTo(hex("7f ff ff ff"));
        assertThat(encodeBinary(DateTimeCodecs.DATE, LocalDate.MIN)).isEqualTo(hex("80 00 00 00"));
        assertThat(encodeText(DateTimeCodecs.DATE, LocalDate.MAX)).isEqualTo("infinity");
        assertThat(encodeText(DateTimeCodecs.DATE, LocalDate.MIN)).isEqualTo("-infinity");
        assertThat(roundTrip(DateTimeCodecs.DATE, LocalDate.MAX, format)).isEqualTo(LocalDate.MAX);
        assertThat(roundTrip(DateTimeCodecs.DATE, LocalDate.MIN, format)).isEqualTo(LocalDate.MIN);
    }

    @Test
    void datesBeforeChristAndAfter9999UsePostgresqlsTextForm() {
        LocalDate idesOfMarch = LocalDate.of(-43, 3, 15); // 44 BC in ISO numbering
        assertThat(encodeText(DateTimeCodecs.DATE, idesOfMarch)).isEqualTo("0044-03-15 BC");
        assertThat(decodeText(DateTimeCodecs.DATE, "0044-03-15 BC")).isEqualTo(idesOfMarch);
        assertThat(encodeText(DateTimeCodecs.DATE, LocalDate.of(0, 1, 1))).isEqualTo("0001-01-01 BC");
        assertThat(decodeText(DateTimeCodecs.DATE, "10000-01-01")).isEqualTo(LocalDate.of(10000, 1, 1));
        assertThat(encodeText(DateTimeCodecs.DATE, LocalDate.of(5874897, 12, 31))).isEqualTo("5874897-12-31");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void datesRoundTripAcrossTheWholeRange(Format format) {
        LocalDate first = LocalDate.of(-4713, 11, 24);
        LocalDate last = LocalDate.of(5874897, 12, 31);
        assertThat(first.toEpochDay() - DateTimeCodecs.PG_EPOCH_DAY).isEqualTo(DateTimeCodecs.DATE_MIN);
        assertThat(last.toEpochDay() - DateTimeCodecs.PG_EPOCH_DAY + 1).isEqualTo(DateTimeCodecs.DATE_END);
        Random random = new Random(99);
        for (int i = 0; i < 500; i++) {
            LocalDate date = LocalDate.ofEpochDay(first.toEpochDay()
                    + (long) (random.nextDouble() * (last.toEpochDay() - first.toEpochDay())));
            assertThat(roundTrip(DateTimeCodecs.DATE, date, format)).isEqualTo(date);
        }
        assertThat(roundTrip(DateTimeCodecs.DATE, first, format)).isEqualTo(first);
        assertThat(roundTrip(DateTimeCodecs.DATE, last, format)).isEqualTo(last);
    }

    @Test
    void datesOutsidePostgresqlsRangeAreRefused() {
        assertThatThrownBy(() -> encodeBinary(DateTimeCodecs.DATE, LocalDate.of(-4713, 11, 23)))
                .hasMessage("value -4713-11-23 is out of range for date");
        assertThatThrownBy(() -> encodeText(DateTimeCodecs.DATE, LocalDate.of(5874898, 1, 1)))
                .hasMessage("value +5874898-01-01 is out of range for date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2000-1-01", "2000-13-01", "2000-02-30", "0000-01-01", "2000-01-01 AD",
        "2000-01-01 BC ", "2000/01/01", "2000-01-01x", "infinityy", "1234567890-01-01"})
    void malformedDateTextIsRejected(String text) {
        assertThatThrownBy(() -> decodeText(DateTimeCodecs.DATE, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("date");
    }

    // ---------------------------------------------------------------------------------------------------------
    // timestamp

    @Test
    void timestampCountsMicrosecondsFrom2000() {
        assertThat(encodeBinary(DateTimeCodecs.TIMESTAMP, EPOCH.atStartOfDay()))
                .isEqualTo(hex("00 00 00 00 00 00 00 00"));
        assertThat(encodeBinary(DateTimeCodecs.TIMESTAMP, LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1000)))
                .isEqualTo(hex("00 00 00 00 00 00 00 01"));
        assertThat(encodeBinary(DateTimeCodecs.TIMESTAMP, LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000)))
                .isEqualTo(hex("ff ff ff ff ff ff ff ff"));
        assertThat(decodeBinary(DateTimeCodecs.TIMESTAMP, "00 00 00 00 3b 9a ca 00"))
                .isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 16, 40));
        assertThat(decodeBinary(DateTimeCodecs.TIMESTAMP, "ff ff ff ff ff ff ff ff"))
                .isEqualTo(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000));
    }

    @Test
    void nanosecondsAreRoundedToMicrosecondsHalfToEven() {
        LocalDateTime base = EPOCH.atStartOfDay();
        assertThat(micros(base.withNano(1_499))).isEqualTo(1);
        assertThat(micros(base.withNano(1_500))).isEqualTo(2);
        assertThat(micros(base.withNano(2_500))).isEqualTo(2);
        assertThat(micros(base.withNano(2_501))).isEqualTo(3);
        assertThat(micros(base.withNano(999_999_500))).isEqualTo(1_000_000);
        assertThat(micros(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_999))).isEqualTo(0);
        assertThat(encodeText(DateTimeCodecs.TIMESTAMP, LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_999)))
                .isEqualTo("2000-01-01 00:00:00");
    }

    private static long micros(LocalDateTime value) {
        return Long.parseLong(hexOf(encodeBinary(DateTimeCodecs.TIMESTAMP, value)).replace(" ", ""), 16);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void timestampInfinityIsLocalDateTimeMaxAndMin(Format format) {
        assertThat(encodeBinary(DateTimeCodecs.TIMESTAMP, LocalDateTime.MAX)).isEqualTo(hex("7f ff ff ff ff ff ff ff"));
        assertThat(encodeBinary(DateTimeCodecs.TIMESTAMP, LocalDateTime.MIN)).isEqualTo(hex("80 00 00 00 00 00 00 00"));
        assertThat(roundTrip(DateTimeCodecs.TIMESTAMP, LocalDateTime.MAX, format)).isEqualTo(LocalDateTime.MAX);
        assertThat(roundTrip(DateTimeCodecs.TIMESTAMP, LocalDateTime.MIN, format)).isEqualTo(LocalDateTime.MIN);
        assertThat(decodeText(DateTimeCodecs.TIMESTAMP, "infinity")).isEqualTo(LocalDateTime.MAX);
    }

    @Test
    void timestampTextIsPostgresqlsIsoOutput() {
        assertThat(encodeText(DateTimeCodecs.TIMESTAMP, LocalDateTime.of(2000, 1, 1, 12, 34, 56, 500_000_000)))
                .isEqualTo("2000-01-01 12:34:56.5");
        assertThat(encodeText(DateTimeCodecs.TIMESTAMP, LocalDateTime.of(2024, 7, 9, 1, 2, 3, 4000)))
                .isEqualTo("2024-07-09 01:02:03.000004");
        assertThat(encodeText(DateTimeCodecs.TIMESTAMP, LocalDateTime.of(-43, 3, 15, 12, 0)))
                .isEqualTo("0044-03-15 12:00:00 BC");
        assertThat(decodeText(DateTimeCodecs.TIMESTAMP, "0044-03-15 12:00:00 BC"))
                .isEqualTo(LocalDateTime.of(-43, 3, 15, 12, 0));
        assertThat(decodeText(DateTimeCodecs.TIMESTAMP, "294276-12-31 23:59:59.999999"))
                .isEqualTo(LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000));
        assertThat(decodeText(DateTimeCodecs.TIMESTAMP, "2000-01-01 00:00:00.123"))
                .isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 123_000_000));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void timestampsRoundTripAcrossTheWholeRange(Format format) {
        LocalDateTime first = LocalDateTime.of(-4713, 11, 24, 0, 0);
        LocalDateTime last = LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000);
        assertThat(roundTrip(DateTimeCodecs.TIMESTAMP, first, format)).isEqualTo(first);
        assertThat(roundTrip(DateTimeCodecs.TIMESTAMP, last, format)).isEqualTo(last);
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            long micros = randomTimestampMicros(random);
            LocalDateTime value = DateTimeCodecs.localDateTimeOfMicros(micros);
            assertThat(roundTrip(DateTimeCodecs.TIMESTAMP, value, format)).isEqualTo(value);
        }
    }

    /** A valid timestamp in microseconds; the range's width overflows long, so it is drawn in two halves. */
    private static long randomTimestampMicros(Random random) {
        long micros = (long) (random.nextDouble() * (DateTimeCodecs.TIMESTAMP_END - 1));
        return random.nextInt(20) == 0 ? -(micros % -DateTimeCodecs.TIMESTAMP_MIN) : micros;
    }

    @Test
    void timestampsOutsidePostgresqlsRangeAreRefused() {
        assertThatThrownBy(() -> encodeBinary(DateTimeCodecs.TIMESTAMP, LocalDateTime.of(294277, 1, 1, 0, 0)))
                .hasMessage("value +294277-01-01T00:00 is out of range for timestamp");
        assertThatThrownBy(() -> encodeBinary(DateTimeCodecs.TIMESTAMP, LocalDateTime.of(-4713, 11, 23, 23, 59)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range for timestamp");
        assertThatThrownBy(() -> encodeBinary(DateTimeCodecs.TIMESTAMP, LocalDateTime.MAX.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range for timestamp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2000-01-01", "2000-01-01 24:00:00", "2000-01-01 12:60:00", "2000-01-01 12:00",
        "2000-01-01T12:00:00", "2000-01-01 12:00:00.", "2000-01-01 12:00:00+00", "2000-02-30 00:00:00",
        "2000-01-01 12:00:00.1234567890"})
    void malformedTimestampTextIsRejected(String text) {
        assertThatThrownBy(() -> decodeText(DateTimeCodecs.TIMESTAMP, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timestamp");
    }

    // ---------------------------------------------------------------------------------------------------------
    // timestamptz

    @Test
    void timestamptzIsMicrosecondsFrom2000UtcAndDecodesAtUtc() {
        OffsetDateTime epoch = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        assertThat(encodeBinary(DateTimeCodecs.TIMESTAMPTZ, epoch)).isEqualTo(hex("00 00 00 00 00 00 00 00"));
        assertThat(encodeBinary(DateTimeCodecs.TIMESTAMPTZ, epoch.withOffsetSameInstant(ZoneOffset.ofHours(2))))
                .isEqualTo(hex("00 00 00 00 00 00 00 00"));
        assertThat(encodeBinary(DateTimeCodecs.TIMESTAMPTZ, epoch.toInstant()))
                .isEqualTo(hex("00 00 00 00 00 00 00 00"));
        assertThat(encodeBinary(DateTimeCodecs.TIMESTAMPTZ, epoch.atZoneSameInstant(ZoneId.of("Asia/Tokyo"))))
                .isEqualTo(hex("00 00 00 00 00 00 00 00"));
        OffsetDateTime decoded = decodeBinary(DateTimeCodecs.TIMESTAMPTZ, "00 00 00 00 00 00 00 01");
        assertThat(decoded).isEqualTo(epoch.plusNanos(1000));
        assertThat(decoded.getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void timestamptzTextIsReadInItsOffsetAndNormalisedToUtc() {
        assertThat(decodeText(DateTimeCodecs.TIMESTAMPTZ, "2000-01-01 02:00:00+02"))
                .isEqualTo(OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(decodeText(DateTimeCodecs.TIMESTAMPTZ, "2000-01-01 00:00:00-05:30"))
                .isEqualTo(OffsetDateTime.of(2000, 1, 1, 5, 30, 0, 0, ZoneOffset.UTC));
        assertThat(decodeText(DateTimeCodecs.TIMESTAMPTZ, "1850-01-01 00:00:00+00:09:21"))
                .isEqualTo(OffsetDateTime.of(1849, 12, 31, 23, 50, 39, 0, ZoneOffset.UTC));
        assertThat(decodeText(DateTimeCodecs.TIMESTAMPTZ, "0044-03-15 12:00:00+00 BC"))
                .isEqualTo(OffsetDateTime.of(-43, 3, 15, 12, 0, 0, 0, ZoneOffset.UTC));
        assertThat(decodeText(DateTimeCodecs.TIMESTAMPTZ, "2000-01-01 00:00:00.25+00").getOffset())
                .isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void timestamptzTextIsWrittenAtUtc() {
        ZonedDateTime paris = ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris"));
        assertThat(encodeText(DateTimeCodecs.TIMESTAMPTZ, paris)).isEqualTo("2024-07-01 10:00:00+00");
        assertThat(encodeText(DateTimeCodecs.TIMESTAMPTZ, Instant.parse("2024-07-01T10:00:00.123456Z")))
                .isEqualTo("2024-07-01 10:00:00.123456+00");
        assertThat(encodeText(DateTimeCodecs.TIMESTAMPTZ, OffsetDateTime.of(-43, 3, 15, 12, 0, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("0044-03-15 12:00:00+00 BC");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void timestamptzInfinityIsOffsetDateTimeMaxAndMin(Format format) {
        assertThat(roundTrip(DateTimeCodecs.TIMESTAMPTZ, OffsetDateTime.MAX, format)).isEqualTo(OffsetDateTime.MAX);
        assertThat(roundTrip(DateTimeCodecs.TIMESTAMPTZ, OffsetDateTime.MIN, format)).isEqualTo(OffsetDateTime.MIN);
        assertThat(roundTrip(DateTimeCodecs.TIMESTAMPTZ, Instant.MAX, format)).isEqualTo(OffsetDateTime.MAX);
        assertThat(roundTrip(DateTimeCodecs.TIMESTAMPTZ, Instant.MIN, format)).isEqualTo(OffsetDateTime.MIN);
        assertThat(encodeText(DateTimeCodecs.TIMESTAMPTZ, OffsetDateTime.MAX)).isEqualTo("infinity");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void timestamptzRoundTripsInstants(Format format) {
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            long micros = randomTimestampMicros(random);
            OffsetDateTime value = OffsetDateTime.of(DateTimeCodecs.localDateTimeOfMicros(micros), ZoneOffset.UTC);
            assertThat(roundTrip(DateTimeCodecs.TIMESTAMPTZ, value, format)).isEqualTo(value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000-01-01 00:00:00", "2000-01-01 00:00:00+", "2000-01-01 00:00:00+1",
        "2000-01-01 00:00:00+19", "2000-01-01 00:00:00 +00", "2000-01-01 00:00:00+00 BCE"})
    void malformedTimestamptzTextIsRejected(String text) {
        assertThatThrownBy(() -> decodeText(DateTimeCodecs.TIMESTAMPTZ, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timestamptz");
    }

    // ---------------------------------------------------------------------------------------------------------
    // time and timetz

    @Test
    void timeCountsMicrosecondsFromMidnightAnd2400IsLocalTimeMax() {
        assertThat(encodeBinary(DateTimeCodecs.TIME, LocalTime.MIDNIGHT)).isEqualTo(hex("00 00 00 00 00 00 00 00"));
        assertThat(encodeBinary(DateTimeCodecs.TIME, LocalTime.of(0, 0, 1))).isEqualTo(hex("00 00 00 00 00 0f 42 40"));
        assertThat(encodeBinary(DateTimeCodecs.TIME, LocalTime.MAX)).isEqualTo(hex("00 00 00 14 1d d7 60 00"));
        assertThat(decodeBinary(DateTimeCodecs.TIME, "00 00 00 14 1d d7 60 00")).isEqualTo(LocalTime.MAX);
        assertThat(encodeText(DateTimeCodecs.TIME, LocalTime.MAX)).isEqualTo("24:00:00");
        assertThat(encodeText(DateTimeCodecs.TIME, LocalTime.of(23, 59, 59, 999_999_600))).isEqualTo("24:00:00");
        assertThat(decodeText(DateTimeCodecs.TIME, "24:00:00")).isEqualTo(LocalTime.MAX);
        assertThat(decodeText(DateTimeCodecs.TIME, "12:34:56.789")).isEqualTo(LocalTime.of(12, 34, 56, 789_000_000));
        assertThat(encodeText(DateTimeCodecs.TIME, LocalTime.of(1, 2, 3, 450_000_000))).isEqualTo("01:02:03.45");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void timeRoundTrips(Format format) {
        for (LocalTime time : new LocalTime[] {LocalTime.MIDNIGHT, LocalTime.NOON,
                LocalTime.of(23, 59, 59, 999_999_000), LocalTime.MAX, LocalTime.of(0, 0, 0, 1000)}) {
            assertThat(roundTrip(DateTimeCodecs.TIME, time, format)).isEqualTo(time);
        }
    }

    @Test
    void timeOutOfRangeOrMalformedIsRejected() {
        assertThatThrownBy(() -> decodeBinary(DateTimeCodecs.TIME, "ff ff ff ff ff ff ff ff"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time");
        assertThatThrownBy(() -> decodeBinary(DateTimeCodecs.TIME, "00 00 00 14 1d d7 60 01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> decodeBinary(DateTimeCodecs.TIME, "00 00 00 00"))
                .hasMessage("invalid binary time value: length 4, expected 8");
        for (String text : new String[] {"24:00:01", "25:00:00", "12:00", "12:00:60", "1:00:00", "12:00:00 "}) {
            assertThatThrownBy(() -> decodeText(DateTimeCodecs.TIME, text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void timetzStoresTheZoneInSecondsWestOfUtc() {
        OffsetTime noonPlus2 = OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHours(2));
        // 12:00 = 43200000000 µs, zone -7200 (west-positive)
        assertThat(hexOf(encodeBinary(DateTimeCodecs.TIMETZ, noonPlus2)))
                .isEqualTo("00 00 00 0a 0e eb b0 00 ff ff e3 e0");
        assertThat(decodeBinary(DateTimeCodecs.TIMETZ, "00 00 00 0a 0e eb b0 00 ff ff e3 e0")).isEqualTo(noonPlus2);
        assertThat(encodeText(DateTimeCodecs.TIMETZ, noonPlus2)).isEqualTo("12:00:00+02");
        assertThat(encodeText(DateTimeCodecs.TIMETZ, OffsetTime.of(1, 2, 3, 0, ZoneOffset.ofHoursMinutes(-5, -30))))
                .isEqualTo("01:02:03-05:30");
        assertThat(decodeText(DateTimeCodecs.TIMETZ, "24:00:00+00"))
                .isEqualTo(OffsetTime.of(LocalTime.MAX, ZoneOffset.UTC));
        assertThat(decodeText(DateTimeCodecs.TIMETZ, "12:00:00.5-03:00:15"))
                .isEqualTo(OffsetTime.of(12, 0, 0, 500_000_000, ZoneOffset.ofTotalSeconds(-(3 * 3600 + 15))));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void timetzRoundTrips(Format format) {
        for (OffsetTime time : new OffsetTime[] {OffsetTime.of(LocalTime.MIDNIGHT, ZoneOffset.UTC),
                OffsetTime.of(LocalTime.MAX, ZoneOffset.ofHours(-15)),
                OffsetTime.of(7, 8, 9, 10_000, ZoneOffset.ofTotalSeconds(15 * 3600 + 59 * 60 + 59))}) {
            assertThat(roundTrip(DateTimeCodecs.TIMETZ, time, format)).isEqualTo(time);
        }
    }

    @Test
    void timetzOffsetsOf16HoursOrMoreAreRefused() {
        OffsetTime sixteenHoursEast = OffsetTime.of(LocalTime.NOON, ZoneOffset.ofHours(16));
        assertThatThrownBy(() -> encodeBinary(DateTimeCodecs.TIMETZ, sixteenHoursEast))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range for timetz");
        assertThatThrownBy(() -> decodeBinary(DateTimeCodecs.TIMETZ, "00 00 00 00 00 00 00 00 00 01 00 00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
        assertThatThrownBy(() -> decodeText(DateTimeCodecs.TIMETZ, "12:00:00"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------------------
    // interval

    @Test
    void intervalBinaryIsMicrosecondsDaysMonths() {
        PgInterval interval = PgInterval.of(14, 3, 14_706_789_000L);
        assertThat(hexOf(encodeBinary(DateTimeCodecs.INTERVAL, interval)))
                .isEqualTo("00 00 00 03 6c 97 ca 88 00 00 00 03 00 00 00 0e");
        assertThat(decodeBinary(DateTimeCodecs.INTERVAL, "00 00 00 03 6c 97 ca 88 00 00 00 03 00 00 00 0e"))
                .isEqualTo(interval);
        assertThat(encodeText(DateTimeCodecs.INTERVAL, interval)).isEqualTo("1 year 2 mons 3 days 04:05:06.789");
        assertThat(decodeText(DateTimeCodecs.INTERVAL, "-1 days +02:00:00"))
                .isEqualTo(PgInterval.of(0, -1, 7_200_000_000L));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void intervalRoundTripsIncludingInfinity(Format format) {
        for (PgInterval interval : new PgInterval[] {PgInterval.ZERO, PgInterval.INFINITY, PgInterval.NEGATIVE_INFINITY,
                PgInterval.of(-1, 40, -1), PgInterval.of(Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE - 1)}) {
            assertThat(roundTrip(DateTimeCodecs.INTERVAL, interval, format)).isEqualTo(interval);
        }
    }

    @Test
    void durationAndPeriodAreEncodedAsIntervals() {
        assertThat(roundTrip(DateTimeCodecs.INTERVAL, Duration.ofHours(25).plusNanos(1500), Format.BINARY))
                .isEqualTo(PgInterval.of(0, 0, 90_000_000_002L));
        assertThat(roundTrip(DateTimeCodecs.INTERVAL, Period.of(1, 2, 3), Format.TEXT))
                .isEqualTo(PgInterval.of(14, 3, 0));
        assertThatThrownBy(() -> encodeBinary(DateTimeCodecs.INTERVAL, Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range for interval");
        assertThatThrownBy(() -> encodeBinary(DateTimeCodecs.INTERVAL, Period.ofYears(Integer.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range for interval");
    }

    @Test
    void malformedIntervalsAreRejected() {
        assertThatThrownBy(() -> decodeBinary(DateTimeCodecs.INTERVAL, "00 00 00 00 00 00 00 00 00 00 00 00"))
                .hasMessage("invalid binary interval value: length 12, expected 16");
        assertThatThrownBy(() -> decodeText(DateTimeCodecs.INTERVAL, "@ 1 hour"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
        assertThatThrownBy(() -> decodeText(DateTimeCodecs.INTERVAL, "P1Y"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringsAreSentAsTextForTheServerToParse() {
        assertThat(encodeText(DateTimeCodecs.DATE, "today")).isEqualTo("today");
        assertThat(DateTimeCodecs.TIMESTAMPTZ.canEncode(String.class)).isTrue();
        assertThat(DateTimeCodecs.TIMESTAMP.canEncode(Instant.class)).isFalse();
        // a LocalDateTime is taken in the session time zone, as the server reads a literal without offset
        assertThat(DateTimeCodecs.TIMESTAMPTZ.canEncode(LocalDateTime.class)).isTrue();
    }
}
