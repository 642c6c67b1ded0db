package io.pgasync.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DefaultCodecContextTest {

    @Test
    void resolvesCodecsFromItsRegistryAndIsUtf8() {
        DefaultCodecContext context = new DefaultCodecContext(CodecRegistry.builtins(), ZoneOffset.UTC);
        assertThat(context.registry()).isSameAs(CodecRegistry.builtins());
        assertThat(context.codecFor(PgOids.INT4)).isSameAs(NumericCodecs.INT4);
        assertThat(context.codecFor(424_242)).isSameAs(TextCodecs.FALLBACK);
        assertThat(context.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void theSessionTimeZoneFollowsTheServer() {
        DefaultCodecContext context = new DefaultCodecContext(CodecRegistry.builtins(), ZoneOffset.UTC);
        assertThat(context.sessionTimeZone()).isEqualTo(ZoneOffset.UTC);
        context.setSessionTimeZone(ZoneId.of("Europe/Paris"));
        assertThat(context.sessionTimeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThatThrownBy(() -> context.setSessionTimeZone(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new DefaultCodecContext(null, ZoneOffset.UTC))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void serverTimeZoneNamesBecomeZoneIds() {
        assertThat(DefaultCodecContext.parseServerTimeZone("UTC")).isEqualTo(ZoneId.of("UTC"));
        assertThat(DefaultCodecContext.parseServerTimeZone("Etc/UTC")).isEqualTo(ZoneId.of("Etc/UTC"));
        assertThat(DefaultCodecContext.parseServerTimeZone("Europe/Paris")).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(DefaultCodecContext.parseServerTimeZone("EST5EDT")).isEqualTo(ZoneId.of("EST5EDT"));
        // IANA's Etc/GMT+3 is three hours WEST, and Java agrees
        assertThat(DefaultCodecContext.parseServerTimeZone("Etc/GMT+3")).isEqualTo(ZoneId.of("Etc/GMT+3"));
    }

    @Test
    void posixOffsetsCountWestAsPositive() {
        assertThat(DefaultCodecContext.parseServerTimeZone("<+03>-03")).isEqualTo(ZoneOffset.ofHours(3));
        assertThat(DefaultCodecContext.parseServerTimeZone("<-07>+07")).isEqualTo(ZoneOffset.ofHours(-7));
        assertThat(DefaultCodecContext.parseServerTimeZone("<+0530>-05:30"))
                .isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(DefaultCodecContext.parseServerTimeZone("UTC+3")).isEqualTo(ZoneOffset.ofHours(-3));
        assertThat(DefaultCodecContext.parseServerTimeZone("+05")).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(DefaultCodecContext.parseServerTimeZone("GMT0")).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void unknownZonesFallBackToUtc() {
        assertThat(DefaultCodecContext.parseServerTimeZone("")).isEqualTo(ZoneOffset.UTC);
        assertThat(DefaultCodecContext.parseServerTimeZone(null)).isEqualTo(ZoneOffset.UTC);
        assertThat(DefaultCodecContext.parseServerTimeZone("Mars/Olympus_Mons")).isEqualTo(ZoneOffset.UTC);
        assertThat(DefaultCodecContext.parseServerTimeZone("CET-1CEST,M3.5.0,M10.5.0/3")).isEqualTo(ZoneOffset.UTC);
        assertThat(DefaultCodecContext.parseServerTimeZone("<+99>-99")).isEqualTo(ZoneOffset.UTC);
    }
}
