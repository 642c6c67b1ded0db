package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecContext;
import io.pgasync.codec.Format;

/**
 * A cursor over the text form of a container value (array, record, range, multirange, hstore): reads items,
 * quoted ({@code "a \"b\""}) or not, and decodes each with its element codec, straight from the input buffer when
 * the item has no escapes, otherwise from an unescaped copy. Also writes items, quoting them when needed.
 *
 * <p>Used for the text format only; one instance per value decoded.
 */
final class CompositeText {

    private final ByteBuf in;
    private final int origin;
    private final int end;
    private final int length;
    private final String typeName;
    int pos;

    /** The last item read: where it starts in {@code in}, its length, or its unescaped bytes. */
    private int itemStart;
    private int itemLength;
    private byte[] itemBytes;
    private boolean itemQuoted;

    CompositeText(ByteBuf in, int index, int length, String typeName) {
        this.in = in;
        this.origin = in.readerIndex();
        this.pos = index;
        this.end = index + length;
        this.length = length;
        this.typeName = typeName;
    }

    IllegalArgumentException error(String reason) {
        return CodecSupport.invalidText(typeName, length, reason);
    }

    boolean atEnd() {
        return pos >= end;
    }

    int peek() {
        return pos < end ? in.getByte(pos) : -1;
    }

    boolean peekIs(char c) {
        return pos < end && in.getByte(pos) == c;
    }

    void expect(char c) {
        if (!peekIs(c)) {
            throw error("expected '" + c + "' at " + (pos - (end - length)));
        }
        pos++;
    }

    void skipSpaces() {
        while (pos < end && isSpace(in.getByte(pos))) {
            pos++;
        }
    }

    void expectEnd() {
        skipSpaces();
        if (pos != end) {
            throw error("unexpected trailing characters");
        }
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    /** Whether the next characters are {@code word}, case-insensitively; consumes them when so. */
    boolean consumeWord(String word) {
        if (end - pos < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            int c = in.getByte(pos + i);
            if (Character.toLowerCase(c) != Character.toLowerCase(word.charAt(i))) {
                return false;
            }
        }
        pos += word.length();
        return true;
    }

    /**
     * Reads one item up to (not including) one of the {@code stops} characters or the end.
     *
     * @param trim skip unquoted whitespace around the item (arrays, hstore); records and ranges keep it
     * @param doubledQuotes whether {@code ""} inside quotes is a quote (records, ranges)
     */
    void readItem(String stops, boolean trim, boolean doubledQuotes) {
        itemBytes = null;
        itemQuoted = false;
        if (trim) {
            skipSpaces();
        }
        if (peekIs('"')) {
            itemQuoted = true;
            pos++;
            int start = pos;
            boolean escaped = false;
            int scan = pos;
            while (true) {
                if (scan >= end) {
                    throw error("unterminated quoted item");
                }
                byte c = in.getByte(scan);
                if (c == '\\') {
                    escaped = true;
                    scan += 2;
                } else if (c == '"') {
                    if (doubledQuotes && scan + 1 < end && in.getByte(scan + 1) == '"') {
                        escaped = true;
                        scan += 2;
                    } else {
                        break;
                    }
                } else {
                    scan++;
                }
            }
            if (scan > end) {
                throw error("unterminated quoted item");
            }
            itemStart = start;
            itemLength = scan - start;
            if (escaped) {
                itemBytes = unescape(start, scan, doubledQuotes);
            }
            pos = scan + 1;
            if (trim) {
                skipSpaces();
            }
            return;
        }
        int start = pos;
        boolean escaped = false;
        int lastSignificant = pos; // exclusive end of the item without trailing unescaped whitespace
        while (pos < end) {
            byte c = in.getByte(pos);
            if (stops.indexOf(c) >= 0) {
                break;
            }
            if (c == '\\') {
                if (pos + 1 >= end) {
                    throw error("backslash at the end");
                }
                escaped = true;
                pos += 2;
                lastSignificant = pos;
            } else if (c == '"') {
                throw error("unexpected quote");
            } else {
                pos++;
                if (!trim || !isSpace(c)) {
                    lastSignificant = pos;
                }
            }
        }
        itemStart = start;
        itemLength = (trim ? lastSignificant : pos) - start;
        if (escaped) {
            itemBytes = unescape(start, start + itemLength, false);
        }
    }

    private byte[] unescape(int from, int to, boolean doubledQuotes) {
        byte[] bytes = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte c = in.getByte(i);
            if (c == '\\' && i + 1 < to) {
                c = in.getByte(++i);
            } else if (doubledQuotes && c == '"' && i + 1 < to) {
                i++;
            }
            bytes[n++] = c;
        }
        return n == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, n);
    }

    boolean itemQuoted() {
        return itemQuoted;
    }

    /** Whether the last item, unquoted, is empty. */
    boolean itemEmptyUnquoted() {
        return !itemQuoted && itemLength == 0 && itemBytes == null;
    }

    /** Whether the last item is an unquoted {@code NULL} (any case). */
    boolean itemIsNullWord() {
        if (itemQuoted || itemBytes != null || itemLength != 4) {
            return false;
        }
        return equalsIgnoreCase(itemStart, "null");
    }

    private boolean equalsIgnoreCase(int at, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(in.getByte(at + i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Decodes the last item with a codec, in text format. */
    Object decodeItem(Codec<?> codec, CodecContext context) {
        if (itemBytes != null) {
            ByteBuf copy = Unpooled.wrappedBuffer(itemBytes);
            try {
                return codec.decode(copy, itemBytes.length, Format.TEXT, context);
            } finally {
                copy.release();
            }
        }
        in.readerIndex(itemStart);
        try {
            return codec.decode(in, itemLength, Format.TEXT, context);
        } finally {
            in.readerIndex(origin);
        }
    }

    /** The last item as a string (strict UTF-8). */
    String itemString() {
        if (itemBytes != null) {
            ByteBuf copy = Unpooled.wrappedBuffer(itemBytes);
            try {
                return CodecSupport.decodeUtf8(copy, 0, itemBytes.length, typeName, Format.TEXT);
            } finally {
                copy.release();
            }
        }
        return CodecSupport.decodeUtf8(in, itemStart, itemLength, typeName, Format.TEXT);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Writing

    /**
     * Encodes a value in text into a scratch buffer and appends it to {@code out}, quoted when {@code mustQuote}
     * says so (or it is empty), with {@code "} and {@code \} escaped by a backslash, or doubled when
     * {@code doubleQuotes}.
     */
    static void writeItem(ByteBuf out, Codec<?> codec, Object value, CodecContext context, String specials,
            boolean quoteNullWord, boolean doubleQuotes) {
        ByteBuf scratch = out.alloc().heapBuffer(32);
        try {
            codec.encode(value, Format.TEXT, scratch, context);
            writeQuoted(out, scratch, specials, quoteNullWord, doubleQuotes);
        } finally {
            scratch.release();
        }
    }

    /** Appends the readable bytes of {@code text}, quoted when needed. */
    static void writeQuoted(ByteBuf out, ByteBuf text, String specials, boolean quoteNullWord, boolean doubleQuotes) {
        int from = text.readerIndex();
        int n = text.readableBytes();
        boolean quote = n == 0;
        for (int i = 0; i < n && !quote; i++) {
            byte c = text.getByte(from + i);
            quote = c == '"' || c == '\\' || isSpace(c) || specials.indexOf(c) >= 0;
        }
        if (!quote && quoteNullWord && n == 4) {
            quote = true;
            String word = "null";
            for (int i = 0; i < 4; i++) {
                if (Character.toLowerCase(text.getByte(from + i)) != word.charAt(i)) {
                    quote = false;
                    break;
                }
            }
        }
        if (!quote) {
            out.writeBytes(text, from, n);
            return;
        }
        out.ensureWritable(n + 2);
        out.writeByte('"');
        for (int i = 0; i < n; i++) {
            byte c = text.getByte(from + i);
            if (c == '"' || c == '\\') {
                out.writeByte(doubleQuotes ? c : '\\');
            }
            out.writeByte(c);
        }
        out.writeByte('"');
    }
}
