package io.pgasync.codec;

import java.nio.charset.Charset;
import java.time.ZoneId;

/**
 * What codecs may need from the connection: the codec of another type (for arrays, ranges, composites) and
 * session settings.
 */
public interface CodecContext {

    /**
     * The codec the connection uses for a type OID; for types it knows nothing about, a text codec that decodes to
     * {@code String}.
     *
     * @param oid the type OID
     * @return the codec, never null
     */
    Codec<?> codecFor(int oid);

    /**
     * The client encoding. pgasync always sets {@code client_encoding} to UTF8 and refuses to change it.
     *
     * @return UTF-8
     */
    Charset charset();

    /**
     * The session's {@code TimeZone} setting, as last reported by the server.
     *
     * @return the zone (UTC when the server's zone is not known to Java)
     */
    ZoneId sessionTimeZone();
}
