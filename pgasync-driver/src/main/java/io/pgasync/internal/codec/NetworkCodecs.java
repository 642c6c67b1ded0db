package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.CodecContext;
import io.pgasync.types.PgInet;
import io.pgasync.types.PgMacAddr;
import io.pgasync.types.PgMacAddr8;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * Codecs for the network address types: {@code inet} and {@code cidr} ({@link PgInet}, also encoding a plain
 * {@link InetAddress} with the full netmask), {@code macaddr} ({@link PgMacAddr}) and {@code macaddr8}
 * ({@link PgMacAddr8}, also encoding a {@code PgMacAddr}, which the server widens).
 *
 * <p>Binary inet/cidr: family (2 = IPv4, 3 = IPv6), netmask bits, is-cidr flag, address length (4 or 16), then
 * the address bytes.
 */
final class NetworkCodecs {

    private NetworkCodecs() {}

    static final InetCodec INET = new InetCodec(PgOids.INET, "inet", false);
    static final InetCodec CIDR = new InetCodec(PgOids.CIDR, "cidr", true);
    static final MacAddrCodec MACADDR = new MacAddrCodec();
    static final MacAddr8Codec MACADDR8 = new MacAddr8Codec();

    static final int FAMILY_IPV4 = 2;
    static final int FAMILY_IPV6 = 3;

    /** {@code inet} or {@code cidr} ↔ {@link PgInet}. */
    static final class InetCodec extends BaseCodec<PgInet> {
        private final boolean cidr;

        InetCodec(int oid, String typeName, boolean cidr) {
            super(oid, typeName, PgInet.class);
            this.cidr = cidr;
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == PgInet.class || InetAddress.class.isAssignableFrom(type);
        }

        private PgInet toInet(Object value) {
            PgInet inet;
            if (value instanceof PgInet i) {
                inet = i;
            } else if (value instanceof InetAddress address) {
                inet = PgInet.of(address);
            } else {
                throw CodecSupport.cannotEncode(value, typeName());
            }
            if (cidr && !inet.isNetwork()) {
                throw new IllegalArgumentException("the cidr value " + inet.toCidrString() + " has bits set right of"
                        + " its netmask; use the network address (or an inet parameter)");
            }
            return inet;
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            PgInet inet = toInet(value);
            byte[] address = inet.toByteArray();
            out.writeByte(inet.isIpv6() ? FAMILY_IPV6 : FAMILY_IPV4);
            out.writeByte(inet.netmask());
            out.writeByte(cidr ? 1 : 0);
            out.writeByte(address.length);
            out.writeBytes(address);
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            PgInet inet = toInet(value);
            out.writeCharSequence(cidr ? inet.toCidrString() : inet.toString(), StandardCharsets.US_ASCII);
        }

        @Override
        PgInet decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            if (length != 8 && length != 20) {
                throw CodecSupport.invalidBinary(typeName(), length, "expected 8 or 20 bytes");
            }
            int family = in.getByte(index);
            int bits = in.getUnsignedByte(index + 1);
            int size = in.getUnsignedByte(index + 3);
            int expected = family == FAMILY_IPV4 ? 4 : family == FAMILY_IPV6 ? 16 : -1;
            if (expected < 0 || size != expected || length != 4 + size) {
                throw CodecSupport.invalidBinary(typeName(), length, "invalid address family or length");
            }
            if (bits > 8 * size) {
                throw CodecSupport.invalidBinary(typeName(), length, "netmask out of range");
            }
            byte[] address = new byte[size];
            in.getBytes(index + 4, address);
            return PgInet.of(address, bits);
        }

        @Override
        PgInet decodeText(ByteBuf in, int index, int length, CodecContext context) {
            try {
                return PgInet.parse(CodecSupport.ascii(in, index, length, typeName()));
            } catch (IllegalArgumentException e) {
                throw CodecSupport.invalidText(typeName(), length, "not an IP address");
            }
        }
    }

    /** {@code macaddr} ↔ {@link PgMacAddr}: 6 bytes. */
    static final class MacAddrCodec extends BaseCodec<PgMacAddr> {
        MacAddrCodec() {
            super(PgOids.MACADDR, "macaddr", PgMacAddr.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == PgMacAddr.class;
        }

        private static PgMacAddr toMac(Object value) {
            if (value instanceof PgMacAddr mac) {
                return mac;
            }
            throw CodecSupport.cannotEncode(value, "macaddr");
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeBytes(toMac(value).toByteArray());
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            out.writeCharSequence(toMac(value).toString(), StandardCharsets.US_ASCII);
        }

        @Override
        PgMacAddr decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("macaddr", length, 6);
            byte[] bytes = new byte[6];
            in.getBytes(index, bytes);
            return PgMacAddr.of(bytes);
        }

        @Override
        PgMacAddr decodeText(ByteBuf in, int index, int length, CodecContext context) {
            try {
                return PgMacAddr.parse(CodecSupport.ascii(in, index, length, "macaddr"));
            } catch (IllegalArgumentException e) {
                throw CodecSupport.invalidText("macaddr", length, "not a MAC address");
            }
        }
    }

    /** {@code macaddr8} ↔ {@link PgMacAddr8}: 8 bytes. */
    static final class MacAddr8Codec extends BaseCodec<PgMacAddr8> {
        MacAddr8Codec() {
            super(PgOids.MACADDR8, "macaddr8", PgMacAddr8.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == PgMacAddr8.class || type == PgMacAddr.class;
        }

        private static PgMacAddr8 toMac(Object value) {
            if (value instanceof PgMacAddr8 mac) {
                return mac;
            }
            if (value instanceof PgMacAddr mac) {
                return PgMacAddr8.of(mac.toByteArray());
            }
            throw CodecSupport.cannotEncode(value, "macaddr8");
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeBytes(toMac(value).toByteArray());
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            out.writeCharSequence(toMac(value).toString(), StandardCharsets.US_ASCII);
        }

        @Override
        PgMacAddr8 decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("macaddr8", length, 8);
            byte[] bytes = new byte[8];
            in.getBytes(index, bytes);
            return PgMacAddr8.of(bytes);
        }

        @Override
        PgMacAddr8 decodeText(ByteBuf in, int index, int length, CodecContext context) {
            try {
                return PgMacAddr8.parse(CodecSupport.ascii(in, index, length, "macaddr8"));
            } catch (IllegalArgumentException e) {
                throw CodecSupport.invalidText("macaddr8", length, "not a MAC address");
            }
        }
    }
}
