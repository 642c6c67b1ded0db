package io.pgasync.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SaslPrepTest {

    @Test
    void asciiPassesThroughUnchanged() {
        assertThat(SaslPrep.prepareOrRaw("pencil")).isEqualTo("pencil");
        assertThat(SaslPrep.prepareOrRaw("Tr0ub4dor&3 x")).isEqualTo("Tr0ub4dor&3 x");
        // PostgreSQL's ASCII shortcut: control characters are not checked (prepared and raw are equal anyway).
        assertThat(SaslPrep.prepare("abc\u0007")).isEqualTo("abc\u0007");
    }

    @Test
    void nonAsciiSpacesBecomeSpace() {
        assertThat(SaslPrep.prepareOrRaw("a\u00a0b")).isEqualTo("a b");
        assertThat(SaslPrep.prepareOrRaw("a\u3000b\u2003c")).isEqualTo("a b c");
        // U+200B is in table C.1.2 and in table B.1; like PostgreSQL, the space mapping wins.
        assertThat(SaslPrep.prepareOrRaw("a\u200bb")).isEqualTo("a b");
    }

    @Test
    void commonlyMappedToNothingIsRemoved() {
        // RFC 4013 section 3 example: "I<U+00AD>X" -> "IX".
        assertThat(SaslPrep.prepareOrRaw("I\u00adX")).isEqualTo("IX");
        assertThat(SaslPrep.prepareOrRaw("pass\ufeffword\u200d")).isEqualTo("password");
    }

    @Test
    void normalisesWithNfkc() {
        // RFC 4013 section 3 examples.
        assertThat(SaslPrep.prepareOrRaw("\u00aa")).isEqualTo("a");
        assertThat(SaslPrep.prepareOrRaw("\u2168")).isEqualTo("IX");
        // Composition: e + combining acute -> U+00E9.
        assertThat(SaslPrep.prepareOrRaw("caf\u0065\u0301")).isEqualTo("caf\u00e9");
        assertThat(SaslPrep.prepareOrRaw("\uff21\uff22")).isEqualTo("AB");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\u2168\ue000", // private use (C.3)
        "\u00e9\u0007", // ASCII control character in a non-ASCII string (C.2.1)
        "\u00e9\u0085", // non-ASCII control character (C.2.2)
        "\u2168\u200e", // LEFT-TO-RIGHT MARK (C.8)
        "\u2168\ufffd", // inappropriate for plain text (C.6)
        "\u2168\udb40\udc01", // LANGUAGE TAG (C.9)
        "\u2168\ud800", // unpaired surrogate (C.5)
        "\u2168\ud83d\ude00", // U+1F600, unassigned in Unicode 3.2 (A.1)
        "\u2168\u0221", // U+0221, unassigned in Unicode 3.2 (A.1)
        "\u0627\u0031", // RandALCat must be first and last (RFC 3454 section 6)
        "\u05d0a\u05d0", // RandALCat and LCat mixed
        "\u00ad", // maps to the empty string
        "\u00ad\u200d\ufeff",
    })
    void invalidInputIsUsedRaw(String password) {
        assertThat(SaslPrep.prepare(password)).isNull();
        assertThat(SaslPrep.prepareOrRaw(password)).isSameAs(password);
    }

    @Test
    void rightToLeftStringsThatFollowTheRulesArePrepared() {
        assertThat(SaslPrep.prepareOrRaw("\u0627\u0031\u0628")).isEqualTo("\u0627\u0031\u0628");
        assertThat(SaslPrep.prepareOrRaw("\u05d0\u05d1")).isEqualTo("\u05d0\u05d1");
    }

    @Test
    void tablesAreSortedDisjointRanges() {
        for (int[] table : new int[][] {SaslPrepTables.NON_ASCII_SPACE, SaslPrepTables.MAPPED_TO_NOTHING,
                SaslPrepTables.PROHIBITED, SaslPrepTables.UNASSIGNED, SaslPrepTables.RAND_AL_CAT,
                SaslPrepTables.L_CAT}) {
            assertThat(table.length % 2).isZero();
            for (int i = 0; i < table.length; i += 2) {
                assertThat(table[i]).isLessThanOrEqualTo(table[i + 1]);
                if (i > 0) {
                    assertThat(table[i]).isGreaterThan(table[i - 1] + 1);
                }
            }
        }
        // Range counts after merging; D.1 and D.2 have no adjacent entries in the RFC.
        assertThat(SaslPrepTables.RAND_AL_CAT).hasSize(2 * 34);
        assertThat(SaslPrepTables.L_CAT).hasSize(2 * 360);
    }

    @Test
    void tablesHoldTheRfc3454Entries() {
        // Spot checks against the text of RFC 3454.
        assertRange(SaslPrepTables.UNASSIGNED, 0x0221, 0x0221); // A.1 first entry
        assertRange(SaslPrepTables.UNASSIGNED, 0x0234, 0x024F);
        assertRange(SaslPrepTables.UNASSIGNED, 0xE0080, 0xEFFFD); // A.1 last entry
        assertRange(SaslPrepTables.MAPPED_TO_NOTHING, 0xFE00, 0xFE0F);
        assertRange(SaslPrepTables.NON_ASCII_SPACE, 0x2000, 0x200B);
        assertRange(SaslPrepTables.RAND_AL_CAT, 0x05BE, 0x05BE); // D.1 first entry
        assertRange(SaslPrepTables.RAND_AL_CAT, 0xFE76, 0xFEFC); // D.1 last entry
        assertRange(SaslPrepTables.L_CAT, 0x0041, 0x005A); // D.2 first entry
        assertRange(SaslPrepTables.L_CAT, 0x100000, 0x10FFFD); // D.2 last entry
        assertThat(SaslPrepTables.contains(SaslPrepTables.PROHIBITED, 0x1D173)).isTrue(); // C.2.2
        assertThat(SaslPrepTables.contains(SaslPrepTables.PROHIBITED, 0x1D17A)).isTrue();
        assertThat(SaslPrepTables.contains(SaslPrepTables.PROHIBITED, 0x1D17B)).isFalse();
        assertThat(SaslPrepTables.contains(SaslPrepTables.PROHIBITED, 0x2FF0)).isTrue(); // C.7
        assertThat(SaslPrepTables.contains(SaslPrepTables.PROHIBITED, 0x0340)).isTrue(); // C.8
        assertThat(SaslPrepTables.contains(SaslPrepTables.PROHIBITED, 0xE0001)).isTrue(); // C.9
        assertThat(SaslPrepTables.contains(SaslPrepTables.PROHIBITED, 0x10FFFF)).isTrue(); // C.4
        assertThat(SaslPrepTables.contains(SaslPrepTables.PROHIBITED, 'a')).isFalse();
        assertThat(SaslPrepTables.contains(SaslPrepTables.PROHIBITED, 0x00E9)).isFalse();
    }

    private static void assertRange(int[] table, int first, int last) {
        assertThat(SaslPrepTables.contains(table, first)).as("%X", first).isTrue();
        assertThat(SaslPrepTables.contains(table, last)).as("%X", last).isTrue();
        assertThat(SaslPrepTables.contains(table, first - 1)).as("%X", first - 1).isFalse();
        if (last < 0x10FFFF) {
            assertThat(SaslPrepTables.contains(table, last + 1)).as("%X", last + 1).isFalse();
        }
    }
}
