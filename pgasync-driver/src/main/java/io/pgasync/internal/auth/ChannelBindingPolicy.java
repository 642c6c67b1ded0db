package io.pgasync.internal.auth;

/**
 * Whether a SCRAM exchange binds itself to the TLS channel ({@code SCRAM-SHA-256-PLUS} with
 * {@code tls-server-end-point}, RFC 5929). Mirrors the {@code channelBinding} connection option (libpq's
 * {@code channel_binding}); the option layer maps its value onto this enum so the auth code stays independent of
 * the public options API.
 */
public enum ChannelBindingPolicy {

    /** Never bind: always {@code SCRAM-SHA-256} with the GS2 header {@code n,,}. */
    DISABLE,

    /**
     * Bind when the server offers {@code SCRAM-SHA-256-PLUS} and binding data could be derived from the server
     * certificate; otherwise authenticate without binding. This protects against a man in the middle only when
     * the binding actually happens.
     */
    PREFER,

    /**
     * Bind or fail: the exchange must be {@code SCRAM-SHA-256-PLUS} with binding data, and any authentication that
     * is not a channel-bound SCRAM exchange (cleartext, MD5, trust) must be refused by the caller.
     */
    REQUIRE
}
