package io.pgasync.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A scripted stand-in for a hostile or broken server, on loopback: it accepts one connection, reads what the
 * client sends with the given script, and writes whatever bytes the script chooses. For tests of what a real
 * PostgreSQL never does (stuffed bytes, lying lengths, unsupported requests, silence).
 */
final class FakeServer implements AutoCloseable {

    /** What the fake server does with one accepted connection. */
    interface Script {
        void run(Conversation conversation) throws IOException;
    }

    /** The accepted connection, with helpers to read client messages and write server messages. */
    static final class Conversation {
        final DataInputStream in;
        final OutputStream out;

        Conversation(Socket socket) throws IOException {
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Reads the untyped first message (SSLRequest or StartupMessage); returns its request code. */
        int readStartup() throws IOException {
            int length = in.readInt();
            int code = in.readInt();
            in.readFully(new byte[length - 8]);
            return code;
        }

        /** Reads one typed message; returns its type. */
        char readMessage() throws IOException {
            int type = in.read();
            if (type < 0) {
                return 0;
            }
            int length = in.readInt();
            in.readFully(new byte[length - 4]);
            return (char) type;
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void message(char type, byte[] body) throws IOException {
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            m.write(type);
            int length = body.length + 4;
            m.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
            m.write(body);
            write(m.toByteArray());
        }

        void authRequest(int code, byte[] extra) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(new byte[] {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code});
            b.write(extra);
            message('R', b.toByteArray());
        }

        void readyForQuery() throws IOException {
            message('Z', new byte[] {'I'});
        }

        /** AuthenticationOk, BackendKeyData, the ParameterStatus messages a driver needs, ReadyForQuery. */
        void acceptStartup() throws IOException {
            authRequest(0, new byte[0]);
            message('K', new byte[] {0, 0, 0, 42, 1, 2, 3, 4});
            parameter("server_version", "18.6");
            parameter("client_encoding", "UTF8");
            parameter("TimeZone", "UTC");
            readyForQuery();
        }

        void parameter(String name, String value) throws IOException {
            message('S', (name + "\0" + value + "\0").getBytes(StandardCharsets.UTF_8));
        }

        /** Waits until the client closes (or the test ends). */
        void drain() throws IOException {
            InputStream is = in;
            byte[] buffer = new byte[1024];
            while (is.read(buffer) >= 0) {
                // discard
            }
        }
    }

    private final ServerSocket socket;
    final CompletableFuture<Void> finished = new CompletableFuture<>();

    FakeServer(Script script) throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (Socket client = socket.accept()) {
                script.run(new Conversation(client));
                finished.complete(null);
            } catch (IOException e) {
                finished.complete(null); // the client hung up: that is how most scripts end
            } catch (RuntimeException | Error e) {
                finished.completeExceptionally(e);
            }
        }, "fake-postgres");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    String dsn(String params) {
        return "postgresql://user:Sentinel-Pw-123@127.0.0.1:" + port() + "/db?" + params;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
