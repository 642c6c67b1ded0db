package io.pgasync.internal.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal DER reader and writer: only what {@link PemReader} needs to look inside private-key structures and to
 * wrap PKCS#1 and SEC1 keys into PKCS#8. Single-byte tags and definite lengths only (DER has nothing else for the
 * structures we read); every length is checked against the bytes present.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    /** Context-specific, constructed, tag number 0: {@code [0]}. */
    static final int CONTEXT_0 = 0xA0;

    /** The input is not the DER structure we expected. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /** One tag-length-value element, a view into {@code source}. */
    static final class Element {
        final int tag;
        private final byte[] source;
        private final int start;
        private final int contentStart;
        private final int contentLength;

        private Element(int tag, byte[] source, int start, int contentStart, int contentLength) {
            this.tag = tag;
            this.source = source;
            this.start = start;
            this.contentStart = contentStart;
            this.contentLength = contentLength;
        }

        int end() {
            return contentStart + contentLength;
        }

        /** A copy of the value bytes. */
        byte[] content() {
            return Arrays.copyOfRange(source, contentStart, end());
        }

        /** A copy of the whole element, tag and length included. */
        byte[] encoded() {
            return Arrays.copyOfRange(source, start, end());
        }

        /** The elements inside a constructed element. */
        List<Element> children() throws MalformedException {
            if ((tag & 0x20) == 0) {
                throw new MalformedException("expected a constructed element, found tag 0x" + Integer.toHexString(tag));
            }
            List<Element> children = new ArrayList<>();
            int offset = contentStart;
            while (offset < end()) {
                Element child = read(source, offset, end());
                children.add(child);
                offset = child.end();
            }
            return children;
        }

        /** The dotted form of an OBJECT IDENTIFIER. */
        String oid() throws MalformedException {
            expect(OID);
            if (contentLength == 0) {
                throw new MalformedException("empty object identifier");
            }
            StringBuilder out = new StringBuilder();
            long arc = 0;
            boolean first = true;
            for (int i = contentStart; i < end(); i++) {
                int b = source[i] & 0xFF;
                if (arc > (Long.MAX_VALUE >>> 7)) {
                    throw new MalformedException("object identifier arc too large");
                }
                arc = (arc << 7) | (b & 0x7F);
                if ((b & 0x80) == 0) {
                    if (first) {
                        int top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
                        out.append(top).append('.').append(arc - 40L * top);
                        first = false;
                    } else {
                        out.append('.').append(arc);
                    }
                    arc = 0;
                } else if (i == end() - 1) {
                    throw new MalformedException("truncated object identifier");
                }
            }
            return out.toString();
        }

        /** A non-negative INTEGER that fits an int. */
        int intValue() throws MalformedException {
            expect(INTEGER);
            if (contentLength == 0 || contentLength > 5 || (source[contentStart] & 0x80) != 0) {
                throw new MalformedException("expected a small non-negative integer");
            }
            long value = 0;
            for (int i = contentStart; i < end(); i++) {
                value = (value << 8) | (source[i] & 0xFF);
            }
            if (value > Integer.MAX_VALUE) {
                throw new MalformedException("integer too large");
            }
            return (int) value;
        }

        Element expect(int expectedTag) throws MalformedException {
            if (tag != expectedTag) {
                throw new MalformedException("expected tag 0x" + Integer.toHexString(expectedTag) + ", found 0x"
                        + Integer.toHexString(tag));
            }
            return this;
        }
    }

    private Der() {}

    /** Parses {@code der}, which must hold exactly one element. */
    static Element parse(byte[] der) throws MalformedException {
        Element element = read(der, 0, der.length);
        if (element.end() != der.length) {
            throw new MalformedException((der.length - element.end()) + " trailing bytes after the structure");
        }
        return element;
    }

    static Element read(byte[] source, int offset, int limit) throws MalformedException {
        if (offset + 2 > limit) {
            throw new MalformedException("truncated element");
        }
        int tag = source[offset] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new MalformedException("multi-byte tags are not supported");
        }
        int first = source[offset + 1] & 0xFF;
        int cursor = offset + 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0) {
                throw new MalformedException("indefinite length is not DER");
            }
            if (count > 4 || cursor + count > limit) {
                throw new MalformedException("bad length field");
            }
            long value = 0;
            for (int i = 0; i < count; i++) {
                value = (value << 8) | (source[cursor++] & 0xFF);
            }
            if (value > Integer.MAX_VALUE) {
                throw new MalformedException("length too large");
            }
            length = (int) value;
        }
        if (length > limit - cursor) {
            throw new MalformedException("length " + length + " runs past the end of the data");
        }
        return new Element(tag, source, offset, cursor, length);
    }

    /** Encodes one element with the given tag around the concatenation of {@code parts}. */
    static byte[] tlv(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length = Math.addExact(length, part.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    /** A small non-negative INTEGER. */
    static byte[] integer(int value) {
        if (value < 0 || value > 127) {
            throw new IllegalArgumentException("only 0..127 supported");
        }
        return tlv(INTEGER, new byte[] {(byte) value});
    }

    static byte[] nullValue() {
        return tlv(NULL);
    }

    /** An OBJECT IDENTIFIER from its dotted form. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        if (arcs.length < 2) {
            throw new IllegalArgumentException("OID needs at least two arcs: " + dotted);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeArc(body, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeArc(body, Long.parseLong(arcs[i]));
        }
        return tlv(OID, body.toByteArray());
    }

    private static void writeArc(ByteArrayOutputStream out, long arc) {
        int groups = 1;
        for (long rest = arc >>> 7; rest != 0; rest >>>= 7) {
            groups++;
        }
        for (int i = groups - 1; i >= 0; i--) {
            int b = (int) ((arc >>> (7 * i)) & 0x7F);
            out.write(i == 0 ? b : b | 0x80);
        }
    }
}
