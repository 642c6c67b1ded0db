package io.pgasync.internal.codec;

import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link CodecContext} of one connection: its codec registry, UTF-8, and the session time zone, which the
 * connection updates whenever the server reports {@code TimeZone} in a ParameterStatus message.
 *
 * <p>Usage by the connection: {@code new DefaultCodecContext(registry, ZoneOffset.UTC)} at creation, then
 * {@code setSessionTimeZone(DefaultCodecContext.parseServerTimeZone(value))} for each ParameterStatus
 * {@code TimeZone} (one arrives during startup). The zone is volatile, so codecs may read it from any thread.
 */
public final class DefaultCodecContext implements CodecContext {

    /**
     * A POSIX time zone without daylight-saving rules: an optional name ({@code <+03>} or letters), then an offset
     * whose sign is west-positive, the opposite of ISO 8601. PostgreSQL reports numeric zones this way
     * ({@code SET TIME ZONE -7} is reported as {@code <-07>+07}).
     */
    private static final Pattern POSIX_OFFSET =
            Pattern.compile("(<[^>]*>|[A-Za-z]{3,})?([+-]?)(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?");

    private final CodecRegistry registry;
    private volatile ZoneId sessionTimeZone;

    /**
     * Creates the context of a connection.
     *
     * @param registry the connection's codecs ({@link CodecRegistry#builtins()} unless it has custom codecs)
     * @param sessionTimeZone the session time zone until the server reports one; UTC is a fine start
     */
    public DefaultCodecContext(CodecRegistry registry, ZoneId sessionTimeZone) {
        if (registry == null || sessionTimeZone == null) {
            throw new NullPointerException(registry == null ? "registry" : "sessionTimeZone");
        }
        this.registry = registry;
        this.sessionTimeZone = sessionTimeZone;
    }

    /**
     * The registry this context resolves codecs from.
     *
     * @return the registry
     */
    public CodecRegistry registry() {
        return registry;
    }

    @Override
    public Codec<?> codecFor(int oid) {
        return registry.decoderFor(oid);
    }

    @Override
    public Charset charset() {
        return StandardCharsets.UTF_8;
    }

    @Override
    public ZoneId sessionTimeZone() {
        return sessionTimeZone;
    }

    /**
     * Records the session time zone, e.g. after a ParameterStatus {@code TimeZone}.
     *
     * @param zone the zone
     */
    public void setSessionTimeZone(ZoneId zone) {
        if (zone == null) {
            throw new NullPointerException("zone");
        }
        this.sessionTimeZone = zone;
    }

    /**
     * Converts the server's {@code TimeZone} setting to a {@link ZoneId}: IANA names ({@code Europe/Paris},
     * {@code Etc/UTC}, {@code UTC}) as themselves; POSIX offsets ({@code <+03>-03}, {@code UTC+3}, {@code +05},
     * whose sign means west of UTC, the opposite of ISO 8601) as a fixed {@link ZoneOffset}; anything Java does not
     * know (e.g. a POSIX zone with daylight-saving rules) as UTC.
     *
     * @param setting the value of the server's {@code TimeZone} parameter
     * @return the zone, UTC when unknown
     */
    public static ZoneId parseServerTimeZone(String setting) {
        if (setting == null || setting.isEmpty()) {
            return ZoneOffset.UTC;
        }
        Matcher posix = POSIX_OFFSET.matcher(setting);
        if (posix.matches() && (posix.group(1) != null || !posix.group(2).isEmpty())) {
            int seconds = Integer.parseInt(posix.group(3)) * 3600
                    + (posix.group(4) == null ? 0 : Integer.parseInt(posix.group(4)) * 60)
                    + (posix.group(5) == null ? 0 : Integer.parseInt(posix.group(5)));
            int east = posix.group(2).equals("-") ? seconds : -seconds;
            try {
                return ZoneOffset.ofTotalSeconds(east);
            } catch (DateTimeException e) {
                return ZoneOffset.UTC;
            }
        }
        try {
            return ZoneId.of(setting);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
