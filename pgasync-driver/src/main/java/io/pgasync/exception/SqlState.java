package io.pgasync.exception;

/** PLACEHOLDER until the errcodes generator lands: SQLSTATE codes. */
public enum SqlState {
    /** placeholder. */
    SUCCESSFUL_COMPLETION("00000");

    private final String code;

    SqlState(String code) {
        this.code = code;
    }

    /**
     * The code.
     *
     * @return five characters
     */
    public String code() {
        return code;
    }

    /**
     * Looks a code up.
     *
     * @param code five characters
     * @return the constant, or null
     */
    public static SqlState fromCode(String code) {
        for (SqlState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        return null;
    }
}
