package io.pgasync.internal.protocol;

import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecContext;
import io.pgasync.internal.codec.SessionCodecs;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The codec context of one connection: its registry and its session time zone, kept current. */
final class SessionCodecContext implements CodecContext {

    private final SessionCodecs registry;
    private volatile ZoneId timeZone = ZoneOffset.UTC;

    SessionCodecContext(SessionCodecs registry) {
        this.registry = registry;
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
        return timeZone;
    }

    void updateTimeZone(String serverZone) {
        timeZone = io.pgasync.internal.codec.DefaultCodecContext.parseServerTimeZone(serverZone);
    }
}
