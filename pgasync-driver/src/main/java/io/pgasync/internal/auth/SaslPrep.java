package io.pgasync.internal.auth;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013, the stringprep profile of RFC 3454) for SCRAM passwords, with PostgreSQL's rule that a
 * password which is not valid for SASLprep is used as it is.
 *
 * <p>The server and libpq both prepare the password this way when they derive the SCRAM secret, so the client
 * must reach the same bytes or authentication fails. Where RFC 4013 and PostgreSQL's implementation differ,
 * this class follows PostgreSQL:
 * <ul>
 *   <li>A pure ASCII password is returned unchanged, without the prohibited-character check. (For ASCII the
 *       mapping and normalisation steps are the identity, so "prepared" and "raw" are the same string anyway.)</li>
 *   <li>Non-ASCII spaces (table C.1.2) are mapped to U+0020 before characters "commonly mapped to nothing"
 *       (table B.1) are removed; U+200B, which is in both tables, therefore becomes a space.</li>
 *   <li>A password that maps to the empty string is not valid; the raw password is used.</li>
 *   <li>The prohibited-output, unassigned-code-point and bidirectional checks are applied to the mapped string
 *       (before NFKC), as PostgreSQL does.</li>
 *   <li>Unassigned code points (table A.1, Unicode 3.2) are prohibited, as RFC 4013 requires for stored strings
 *       and as PostgreSQL does. So a password holding a character assigned after Unicode 3.2 (for example an
 *       emoji) is used raw. This is the strict choice on purpose: being lenient here would normalise passwords
 *       that PostgreSQL uses raw, and authentication would fail.</li>
 * </ul>
 *
 * <p>Normalisation uses {@link Normalizer} (the JDK's Unicode version, not 3.2). Only code points assigned in
 * Unicode 3.2 reach it, and Unicode's stability policy keeps their NFKC forms unchanged, apart from a handful of
 * pre-4.1 corrigenda that no realistic password hits.
 *
 * <p>A Java string holding an unpaired surrogate is not valid (table C.5); the raw password is used, and its
 * UTF-8 encoding replaces the unpaired surrogate with {@code ?}.
 */
final class SaslPrep {

    private SaslPrep() {}

    /**
     * Prepares a password with SASLprep, or returns it unchanged when it is not valid for SASLprep
     * (PostgreSQL's rule; see the class comment). The SCRAM key is derived from the UTF-8 encoding of the result.
     *
     * @param password the password as the user gave it
     * @return the prepared password, or {@code password} itself
     */
    static String prepareOrRaw(String password) {
        String prepared = prepare(password);
        return prepared != null ? prepared : password;
    }

    /**
     * Prepares a string with SASLprep as PostgreSQL does.
     *
     * @param input the string
     * @return the prepared string, or null when the input is not valid for SASLprep
     */
    static String prepare(String input) {
        if (isAscii(input)) {
            return input;
        }
        // 1) Map: non-ASCII spaces to U+0020, "commonly mapped to nothing" removed.
        int[] mapped = new int[input.length()];
        int count = 0;
        for (int i = 0; i < input.length(); ) {
            int codePoint = input.codePointAt(i);
            i += Character.charCount(codePoint);
            if (SaslPrepTables.contains(SaslPrepTables.NON_ASCII_SPACE, codePoint)) {
                mapped[count++] = ' ';
            } else if (!SaslPrepTables.contains(SaslPrepTables.MAPPED_TO_NOTHING, codePoint)) {
                mapped[count++] = codePoint;
            }
        }
        if (count == 0) {
            return null;
        }
        // 3) Prohibit, and A.1 unassigned code points; 4) bidirectional rules. PostgreSQL applies both to the
        // mapped string. (Step 2, normalisation, comes last here: the result is the same.)
        boolean hasRandAL = false;
        boolean hasL = false;
        for (int i = 0; i < count; i++) {
            int codePoint = mapped[i];
            if (SaslPrepTables.contains(SaslPrepTables.PROHIBITED, codePoint)
                    || SaslPrepTables.contains(SaslPrepTables.UNASSIGNED, codePoint)) {
                return null;
            }
            if (SaslPrepTables.contains(SaslPrepTables.RAND_AL_CAT, codePoint)) {
                hasRandAL = true;
            } else if (SaslPrepTables.contains(SaslPrepTables.L_CAT, codePoint)) {
                hasL = true;
            }
        }
        if (hasRandAL && (hasL
                || !SaslPrepTables.contains(SaslPrepTables.RAND_AL_CAT, mapped[0])
                || !SaslPrepTables.contains(SaslPrepTables.RAND_AL_CAT, mapped[count - 1]))) {
            return null;
        }
        // 2) Normalize with NFKC.
        return Normalizer.normalize(new String(mapped, 0, count), Normalizer.Form.NFKC);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
