package io.pgasync.it.types;

import io.pgasync.codec.CodecProvider;
import io.pgasync.codec.CodecRegistrar;

/**
 * Registered in {@code META-INF/services}: gives every connection a codec for the composite type
 * {@code cc_provided}, found by name, as a library such as a PostGIS adapter would.
 */
public final class TestCodecProvider implements CodecProvider {

    @Override
    public void registerCodecs(CodecRegistrar registrar) {
        registrar.registerType(null, "cc_provided", new ComplexCodec("cc_provided"));
    }
}
