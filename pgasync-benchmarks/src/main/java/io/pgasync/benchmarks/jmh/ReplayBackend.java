package io.pgasync.benchmarks.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgasync.codec.Format;
import io.pgasync.internal.codec.PgOids;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in PostgreSQL backend on loopback for the client-path microbenchmarks: it speaks just enough of protocol
 * 3 (trust startup, Parse/Describe/Bind/Execute/Sync/Flush/Close) to answer three queries with replies built once
 * (binary DataRows encoded by the driver's own codecs), so the client's frame and row decoding is measured with
 * almost no server work. Not a server for anything else: any other SQL gets an error.
 */
final class ReplayBackend implements AutoCloseable {

    static final String WIDE = "SELECT * FROM wide";
    static final String SMALL = "SELECT i FROM generate_series(1, 1000) AS i";
    static final String PK = "SELECT * FROM accounts WHERE id = $1";

    /** A query's description and the bytes of its result (DataRows and CommandComplete). */
    private record Reply(int[] parameterOids, byte[] rowDescription, byte[] rows) {
    }

    private final ServerSocket socket;
    private final Map<String, Reply> replies = new HashMap<>();
    private final Thread acceptor;

    ReplayBackend() throws IOException {
        replies.put(WIDE, wide());
        replies.put(SMALL, small());
        replies.put(PK, pk());
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "replay-backend");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "replay-backend-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A prepared statement the client made: its name's bytes and the reply its query gets. */
    private record Statement(byte[] name, Reply reply) {
    }

    /**
     * Serves one connection. Allocation-free per query (the benchmarks' {@code -prof gc} counts every thread): the
     * message buffer is reused, statements are matched by their names' bytes, and replies are written as built.
     */
    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 65536));
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 65536);
            startup(in, out);
            List<Statement> statements = new ArrayList<>();
            byte[] body = new byte[8192];
            ByteBuf b = Unpooled.wrappedBuffer(body);
            Reply portal = null;
            for (;;) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt() - 4;
                if (length > body.length) {
                    body = new byte[length];
                    b = Unpooled.wrappedBuffer(body);
                }
                in.readFully(body, 0, length);
                b.setIndex(0, length);
                switch (type) {
                    case 'P' -> {
                        byte[] name = cstringBytes(b);
                        statements.add(new Statement(name, replies.get(cstring(b))));
                        message(out, '1', NOTHING);
                    }
                    case 'D' -> {
                        byte kind = b.readByte();
                        Reply reply = kind == 'S' ? find(statements, b) : portal;
                        if (reply == null) {
                            error(out, "the replay backend knows no such statement");
                            continue;
                        }
                        if (kind == 'S') {
                            ByteBuf params = Unpooled.buffer();
                            params.writeShort(reply.parameterOids().length);
                            for (int oid : reply.parameterOids()) {
                                params.writeInt(oid);
                            }
                            message(out, 't', bytes(params));
                        }
                        out.write(reply.rowDescription());
                    }
                    case 'B' -> {
                        skipCstring(b);                 // the portal: the driver uses the unnamed one
                        portal = find(statements, b);
                        message(out, '2', NOTHING);
                    }
                    case 'E' -> {
                        if (portal == null) {
                            error(out, "the replay backend knows no such portal");
                        } else {
                            out.write(portal.rows());
                        }
                    }
                    case 'C' -> message(out, '3', NOTHING);
                    case 'H' -> flushUnlessMore(in, out);
                    case 'S' -> {
                        message(out, 'Z', IDLE);
                        flushUnlessMore(in, out);
                    }
                    case 'X' -> {
                        return;
                    }
                    default -> {
                        error(out, "the replay backend does not handle message " + (char) type);
                        message(out, 'Z', IDLE);
                        out.flush();
                    }
                }
            }
        } catch (EOFException e) {
            // the client went away
        } catch (IOException e) {
            if (!socket.isClosed()) {
                e.printStackTrace();
            }
        }
    }

    private static final byte[] NOTHING = new byte[0];
    private static final byte[] IDLE = {'I'};

    /** Flushes only when the client has sent nothing more yet, so a pipelined burst gets one write. */
    private static void flushUnlessMore(DataInputStream in, OutputStream out) throws IOException {
        if (in.available() == 0) {
            out.flush();
        }
    }

    private static Reply find(List<Statement> statements, ByteBuf b) {
        int start = b.readerIndex();
        int end = b.indexOf(start, b.writerIndex(), (byte) 0);
        b.readerIndex(end + 1);
        for (int i = statements.size() - 1; i >= 0; i--) {
            byte[] name = statements.get(i).name();
            if (name.length == end - start && sameBytes(b, start, name)) {
                return statements.get(i).reply();
            }
        }
        return null;
    }

    private static boolean sameBytes(ByteBuf b, int start, byte[] name) {
        for (int k = 0; k < name.length; k++) {
            if (b.getByte(start + k) != name[k]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] cstringBytes(ByteBuf b) {
        int end = b.indexOf(b.readerIndex(), b.writerIndex(), (byte) 0);
        byte[] a = new byte[end - b.readerIndex()];
        b.readBytes(a);
        b.skipBytes(1);
        return a;
    }

    private static void skipCstring(ByteBuf b) {
        b.readerIndex(b.indexOf(b.readerIndex(), b.writerIndex(), (byte) 0) + 1);
    }

    private static void startup(DataInputStream in, OutputStream out) throws IOException {
        for (;;) {
            int length = in.readInt();
            int code = in.readInt();
            in.readFully(new byte[length - 8]);
            if (code == 80877103 || code == 80877104) {     // SSLRequest, GSSENCRequest: no
                out.write('N');
                out.flush();
                continue;
            }
            break;
        }
        ByteBuf ok = Unpooled.buffer().writeInt(0);
        message(out, 'R', bytes(ok));
        String[][] settings = {{"server_version", "18.0"}, {"server_encoding", "UTF8"}, {"client_encoding", "UTF8"},
            {"DateStyle", "ISO, MDY"}, {"integer_datetimes", "on"}, {"TimeZone", "UTC"},
            {"standard_conforming_strings", "on"}, {"IntervalStyle", "postgres"}};
        for (String[] s : settings) {
            ByteBuf p = Unpooled.buffer();
            cstring(p, s[0]);
            cstring(p, s[1]);
            message(out, 'S', bytes(p));
        }
        message(out, 'K', bytes(Unpooled.buffer().writeInt(4242).writeInt(0x5eed)));
        message(out, 'Z', IDLE);
        out.flush();
    }

    private static Reply wide() {
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        for (int i = 1; i <= 1000; i++) {
            message(rows, 'D', bytes(Values.dataRow(i)));
        }
        complete(rows, "SELECT 1000");
        return new Reply(new int[0], rowDescription(new String[] {"c_int4", "c_int8", "c_text", "c_numeric",
            "c_timestamptz", "c_bool", "c_float8", "c_uuid", "c_jsonb", "c_bytea"}, Values.OIDS), rows.toByteArray());
    }

    private static Reply small() {
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        for (int i = 1; i <= 1000; i++) {
            message(rows, 'D', bytes(Unpooled.buffer().writeShort(1).writeInt(4).writeInt(i)));
        }
        complete(rows, "SELECT 1000");
        return new Reply(new int[0], rowDescription(new String[] {"i"}, new int[] {PgOids.INT4}), rows.toByteArray());
    }

    private static Reply pk() {
        ByteBuf row = Unpooled.buffer().writeShort(4);
        row.writeInt(4).writeInt(42).writeInt(4).writeInt(1).writeInt(4).writeInt(0);
        ByteBuf filler = Unpooled.buffer();
        Values.REGISTRY.find(PgOids.BPCHAR).encode(" ".repeat(84), Format.BINARY, filler, Values.CONTEXT);
        row.writeInt(filler.readableBytes()).writeBytes(filler);
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        message(rows, 'D', bytes(row));
        complete(rows, "SELECT 1");
        return new Reply(new int[] {PgOids.INT4}, rowDescription(new String[] {"id", "bid", "abalance", "filler"},
                new int[] {PgOids.INT4, PgOids.INT4, PgOids.INT4, PgOids.BPCHAR}), rows.toByteArray());
    }

    private static byte[] rowDescription(String[] names, int[] oids) {
        ByteBuf b = Unpooled.buffer();
        b.writeShort(names.length);
        for (int i = 0; i < names.length; i++) {
            cstring(b, names[i]);
            b.writeInt(0).writeShort(0).writeInt(oids[i]).writeShort(-1).writeInt(-1).writeShort(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message(out, 'T', bytes(b));
        return out.toByteArray();
    }

    private static void complete(ByteArrayOutputStream out, String tag) {
        ByteBuf b = Unpooled.buffer();
        cstring(b, tag);
        message(out, 'C', bytes(b));
    }

    private static void error(OutputStream out, String message) throws IOException {
        ByteBuf b = Unpooled.buffer();
        b.writeByte('S');
        cstring(b, "ERROR");
        b.writeByte('C');
        cstring(b, "0A000");
        b.writeByte('M');
        cstring(b, message);
        b.writeByte(0);
        message(out, 'E', bytes(b));
    }

    private static void message(OutputStream out, char type, byte[] body) {
        try {
            out.write(type);
            int n = body.length + 4;
            out.write(n >>> 24);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
            out.write(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ByteBuf b) {
        byte[] a = new byte[b.readableBytes()];
        b.readBytes(a);
        b.release();
        return a;
    }

    private static String cstring(ByteBuf b) {
        int end = b.indexOf(b.readerIndex(), b.writerIndex(), (byte) 0);
        String s = b.toString(b.readerIndex(), end - b.readerIndex(), StandardCharsets.UTF_8);
        b.readerIndex(end + 1);
        return s;
    }

    private static void cstring(ByteBuf b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8)).writeByte(0);
    }
}
