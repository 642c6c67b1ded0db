package io.pgasync.testing;

/** The client authentication methods the test cluster's {@code pg_hba.conf} assigns one role each. */
public enum AuthMethod {
    /** {@code trust}: no password. */
    TRUST,
    /** {@code password}: cleartext password. */
    PASSWORD,
    /** {@code md5}: MD5 challenge (the role's password is stored as an MD5 hash). */
    MD5,
    /** {@code scram-sha-256}: SCRAM, with channel binding available over TLS. */
    SCRAM_SHA_256,
    /** {@code cert}: TLS client certificate whose CN is the role name; only over {@code hostssl}. */
    CERT
}
