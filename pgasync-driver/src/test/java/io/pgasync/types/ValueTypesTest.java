package io.pgasync.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void pgArrayIsAListThatKeepsItsLowerBound() {
        PgArray<Integer> array = PgArray.of(1, null, 3).withLowerBound(0);
        assertThat(array).isEqualTo(java.util.Arrays.asList(1, null, 3));
        assertThat(array.lowerBound()).isZero();
        assertThat(array.upperBound()).isEqualTo(2);
        assertThat(array.element(0)).isEqualTo(1);
        assertThat(array.element(2)).isEqualTo(3);
        assertThatThrownBy(() -> array.element(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> array.add(4)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(array.toString()).isEqualTo("[0:2]=[1, null, 3]");
        assertThat(array.equalsWithBounds(PgArray.of(1, null, 3))).isFalse();
        assertThat(array.equalsWithBounds(PgArray.of(1, null, 3).withLowerBound(0))).isTrue();
        assertThat(PgArray.of(PgArray.of(1), PgArray.of(2)).dimensions()).isEqualTo(2);
        assertThat(PgArray.empty().dimensions()).isZero();
        assertThatThrownBy(() -> PgArray.of(1, 2).withLowerBound(Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pgArrayIsImmutableAndItsBuilderHandsOverOnce() {
        Integer[] source = {1, 2};
        PgArray<Integer> array = PgArray.of(source);
        source[0] = 9;
        assertThat(array.get(0)).isEqualTo(1);
        Object[] copy = array.toArray();
        copy[0] = 9;
        assertThat(array.get(0)).isEqualTo(1);
        PgArray.Builder<String> builder = PgArray.<String>builder(2).lowerBound(3).add("a");
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        PgArray<String> built = builder.add("b").build();
        assertThat(built.lowerBound()).isEqualTo(3);
        assertThatThrownBy(() -> builder.add("c")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThat(PgArray.builder(0).build()).isSameAs(PgArray.empty());
    }

    @Test
    void pgRangeNormalisesAbsentBounds() {
        PgRange<Integer> r = PgRange.of(null, true, 5, true);
        assertThat(r.isLowerInclusive()).isFalse();
        assertThat(r.isLowerInfinite()).isTrue();
        assertThat(r.isUpperInfinite()).isFalse();
        assertThat(r.toString()).isEqualTo("(,5]");
        assertThat(PgRange.of(null, true, null, true)).isSameAs(PgRange.unbounded());
        assertThat(PgRange.empty().isEmpty()).isTrue();
        assertThat(PgRange.empty().isLowerInfinite()).isFalse();
        assertThat(PgRange.empty().toString()).isEqualTo("empty");
        assertThat(PgRange.closedOpen(1, 2)).isEqualTo(PgRange.of(1, true, 2, false)).hasSameHashCodeAs(
                PgRange.of(1, true, 2, false));
        assertThat(PgMultirange.of(PgRange.closed(1, 2)).toString()).isEqualTo("{[1,2]}");
        assertThatThrownBy(() -> PgMultirange.of(java.util.Arrays.asList((PgRange<Integer>) null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void pgRecordByPositionAndName() {
        PgRecord named = PgRecord.of(List.of("a", "b"), java.util.Arrays.asList(1, null));
        assertThat(named.get("a")).isEqualTo(1);
        assertThat(named.get(1)).isNull();
        assertThat(named.name(0)).isEqualTo("a");
        assertThat(named.toString()).isEqualTo("(a=1,b=)");
        assertThatThrownBy(() -> named.get("c")).hasMessageContaining("[a, b]");
        assertThat(PgRecord.of(1, null).name(0)).isNull();
        assertThat(named).isNotEqualTo(PgRecord.of(1, null));
        assertThat(named.values()).isEqualTo(PgRecord.of(1, null).values());
        assertThat(PgRecord.of(new byte[] {1})).isEqualTo(PgRecord.of(new byte[] {1}));
        assertThatThrownBy(() -> PgRecord.of(List.of("a"), List.of(1, 2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void geometricValuesPrintAsPostgresReadsThem() {
        assertThat(new PgPoint(1, -0.0).toString()).isEqualTo("(1,-0)");
        assertThat(new PgPoint(1.5, Double.NaN).toString()).isEqualTo("(1.5,NaN)");
        assertThat(new PgBox(new PgPoint(0, 5), new PgPoint(3, 1))).isEqualTo(new PgBox(new PgPoint(3, 5),
                new PgPoint(0, 1)));
        assertThat(new PgPath(List.of(new PgPoint(0, 0)), true).toString()).isEqualTo("((0,0))");
        assertThat(new PgLine(1, 2, 3).toString()).isEqualTo("{1,2,3}");
        assertThat(new PgCircle(new PgPoint(0, 0), 2).toString()).isEqualTo("<(0,0),2>");
        assertThatThrownBy(() -> new PgCircle(new PgPoint(0, 0), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PgPolygon(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void smallValueTypes() {
        assertThat(PgLsn.parse("16/B374D848").toString()).isEqualTo("16/B374D848");
        assertThat(new PgLsn(-1).compareTo(new PgLsn(1))).isPositive();
        assertThatThrownBy(() -> PgLsn.parse("1/+2")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PgTid(1, 2).toString()).isEqualTo("(1,2)");
        assertThatThrownBy(() -> new PgTid(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PgSnapshot(1, 5, List.of(2L, 3L)).toString()).isEqualTo("1:5:2,3");
        assertThat(PgBitString.of(new byte[] {(byte) 0xFF}, 3)).isEqualTo(PgBitString.parse("111"));
        assertThatThrownBy(() -> PgBitString.of(new byte[1], 9)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PgMacAddr8.of(PgMacAddr.parse("01:02:03:04:05:06").toByteArray()).toString())
                .isEqualTo("01:02:03:ff:fe:04:05:06");
        assertThat(PgInet.parse("10.0.0.0/8").isNetwork()).isTrue();
        assertThat(PgInet.parse("10.0.0.1/8").isNetwork()).isFalse();
    }
}
