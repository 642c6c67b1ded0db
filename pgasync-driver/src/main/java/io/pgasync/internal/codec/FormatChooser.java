package io.pgasync.internal.codec;

import io.pgasync.codec.Format;

/**
 * Implemented by codecs whose parameter format depends on the value: containers (arrays, ranges, records) are
 * sent in text when they hold a {@code String} for an element type that is not text, since such strings are
 * literals for the server to parse and cannot go into a binary container.
 */
interface FormatChooser {

    /**
     * The format to send a value in; only asked when the codec supports binary.
     *
     * @param value the non-null parameter value
     * @return the format
     */
    Format formatFor(Object value);

    /**
     * Whether an element value must travel in text with its codec: a string for a non-string type, or a
     * container that itself needs text.
     */
    static boolean needsText(io.pgasync.codec.Codec<?> codec, Object item) {
        if (item == null) {
            return false;
        }
        if (!codec.supportsBinary()) {
            return true;
        }
        if (item instanceof String) {
            return codec.javaType() != String.class;
        }
        return codec instanceof FormatChooser chooser && chooser.formatFor(item) == Format.TEXT;
    }
}
