package io.pgasync.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PgIntervalTest {

    private static final long SECOND = 1_000_000L;
    private static final long HOUR = 3600 * SECOND;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0|0|00:00:00",
        "14|3|14706789000|1 year 2 mons 3 days 04:05:06.789",
        "0|-1|7200000000|-1 days +02:00:00",
        "-14|0|0|-1 years -2 mons",
        "1|1|1|1 mon 1 day 00:00:00.000001",
        "0|0|-1000000|-00:00:01",
        "-1|2|0|-1 mons +2 days",
        "12|0|0|1 year",
        "-12|0|0|-1 years",
        "0|1|0|1 day",
        "0|0|360000000000|100:00:00",
        "0|0|-3723456789|-01:02:03.456789",
        "1|-2|3000000|1 mon -2 days +00:00:03",
        "0|5|-90000000|5 days -00:01:30",
        "2147483647|-2147483648|9223372036854775806|178956970 years 7 mons -2147483648 days +2562047788:00:54.775806",
        "-2147483648|0|-9223372036854775807|-178956970 years -8 mons -2562047788:00:54.775807"
    })
    void printsAndParsesPostgresStyle(int months, int days, long micros, String text) {
        PgInterval interval = PgInterval.of(months, days, micros);
        assertThat(interval.toString()).isEqualTo(text);
        assertThat(PgInterval.parse(text)).isEqualTo(interval);
    }

    @Test
    void infinityPrintsAndParsesAsTheServersWords() {
        assertThat(PgInterval.INFINITY.toString()).isEqualTo("infinity");
        assertThat(PgInterval.NEGATIVE_INFINITY.toString()).isEqualTo("-infinity");
        assertThat(PgInterval.parse("infinity")).isSameAs(PgInterval.INFINITY);
        assertThat(PgInterval.parse("-infinity")).isSameAs(PgInterval.NEGATIVE_INFINITY);
        assertThat(PgInterval.INFINITY.isInfinite()).isTrue();
        assertThat(PgInterval.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE).isInfinite()).isTrue();
        assertThat(PgInterval.of(Integer.MAX_VALUE, 0, Long.MAX_VALUE).isInfinite()).isFalse();
    }

    @Test
    void randomIntervalsSurviveATextRoundTrip() {
        Random random = new Random(17);
        for (int i = 0; i < 5000; i++) {
            int months = i % 3 == 0 ? random.nextInt() : random.nextInt(100) - 50;
            int days = i % 5 == 0 ? random.nextInt() : random.nextInt(100) - 50;
            long micros = i % 7 == 0 ? random.nextLong() : random.nextInt();
            PgInterval interval = PgInterval.of(months, days, micros);
            if (interval.isInfinite()) {
                continue;
            }
            assertThat(PgInterval.parse(interval.toString())).as(interval.toString()).isEqualTo(interval);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1", "1 fortnight", "1 day2", "1  day", "1 day ", "01:60:00", "01:00:60",
        "1:00", "00:00:00.1234567", "00:00:00.", "00:00:00 1 day", "3000000000 days", "178956971 years",
        "@ 1 hour", "P1D", "1 day ago", "-", "+1 day", "99999999999999999999 days", "infinity ",
        "2562047789:00:00"})
    void rejectsTextThatIsNotPostgresStyle(String text) {
        if (text.equals("+1 day")) {
            // an explicit plus is accepted, as the server writes "+2 days" after a negative part
            assertThat(PgInterval.parse(text)).isEqualTo(PgInterval.of(0, 1, 0));
            return;
        }
        assertThatThrownBy(() -> PgInterval.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid interval");
    }

    @Test
    void fieldsAreCombinedIntoMonthsDaysAndMicroseconds() {
        assertThat(PgInterval.of(1, 2, 3, 4, 5, 6, 789_000)).isEqualTo(PgInterval.of(14, 3, 14_706_789_000L));
        assertThat(PgInterval.of(-1, 2, 0, -1, 30, 0, 0)).isEqualTo(PgInterval.of(-10, 0, -30 * 60 * SECOND));
        assertThat(PgInterval.of(0, 0, 0, 25, 0, 0, 0).microseconds()).isEqualTo(25 * HOUR);
        assertThat(PgInterval.of(0, 0, 0, 25, 0, 0, 0).days()).isZero();
        assertThatThrownBy(() -> PgInterval.of(Integer.MAX_VALUE, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> PgInterval.of(0, 0, 0, Long.MAX_VALUE, 0, 0, 0))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void equalityIsByRepresentationNotByLength() {
        PgInterval oneDay = PgInterval.of(0, 1, 0);
        PgInterval twentyFourHours = PgInterval.of(0, 0, 24 * HOUR);
        assertThat(oneDay).isNotEqualTo(twentyFourHours);
        assertThat(oneDay).isEqualTo(PgInterval.of(0, 1, 0)).hasSameHashCodeAs(PgInterval.of(0, 1, 0));
        assertThat(PgInterval.of(1, 0, 0)).isNotEqualTo(PgInterval.of(0, 30, 0));
        assertThat(oneDay).isNotEqualTo(null).isNotEqualTo("1 day");
        assertThat(PgInterval.of(1, 2, 3).months()).isEqualTo(1);
        assertThat(PgInterval.of(1, 2, 3).days()).isEqualTo(2);
        assertThat(PgInterval.of(1, 2, 3).microseconds()).isEqualTo(3);
    }

    @Test
    void convertsToAndFromDuration() {
        assertThat(PgInterval.from(Duration.ofHours(25))).isEqualTo(PgInterval.of(0, 0, 25 * HOUR));
        assertThat(PgInterval.from(Duration.ofNanos(1_500))).isEqualTo(PgInterval.of(0, 0, 2));
        assertThat(PgInterval.from(Duration.ofNanos(2_500))).isEqualTo(PgInterval.of(0, 0, 2));
        assertThat(PgInterval.from(Duration.ofNanos(-1_500))).isEqualTo(PgInterval.of(0, 0, -2));
        assertThat(PgInterval.from(Duration.ofNanos(-2_501))).isEqualTo(PgInterval.of(0, 0, -3));
        assertThat(PgInterval.of(0, 2, -1).toDuration()).isEqualTo(Duration.ofDays(2).minusNanos(1000));
        assertThat(PgInterval.of(0, 0, -1_500_000).toDuration()).isEqualTo(Duration.ofMillis(-1500));
        assertThatThrownBy(() -> PgInterval.from(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> PgInterval.of(1, 0, 0).toDuration())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("months");
        assertThatThrownBy(() -> PgInterval.INFINITY.toDuration()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void convertsToAndFromPeriod() {
        assertThat(PgInterval.from(Period.of(1, 2, 3))).isEqualTo(PgInterval.of(14, 3, 0));
        assertThat(PgInterval.from(Period.of(-1, 2, -3))).isEqualTo(PgInterval.of(-10, -3, 0));
        assertThat(PgInterval.of(14, 3, 0).toPeriod()).isEqualTo(Period.of(1, 2, 3));
        assertThat(PgInterval.of(-14, 3, 0).toPeriod()).isEqualTo(Period.of(-1, -2, 3));
        assertThatThrownBy(() -> PgInterval.from(Period.ofYears(Integer.MAX_VALUE)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> PgInterval.of(0, 1, 1).toPeriod())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("time part");
        assertThatThrownBy(() -> PgInterval.NEGATIVE_INFINITY.toPeriod()).isInstanceOf(IllegalStateException.class);
    }
}
