package io.pgasync.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between the driver and the test server that can fail the network on demand (reliability.md 7.1,
 * ChaosProxy): forward, black-hole (bytes are read and dropped, both sockets stay open, as in a partition), or cut
 * every connection with a reset after a number of server-to-client bytes. One thread per direction per connection.
 */
final class ChaosProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** New connections get the server's bytes one at a time, each in its own write (reliability.md NET-09). */
    private volatile boolean splitNewConnections;

    /** One proxied connection. */
    private final class Link {
        final Socket client;
        final Socket server;
        volatile boolean blackholed;
        final boolean split = splitNewConnections;
        /** Server-to-client bytes still allowed before the cut; negative for no cut. */
        final AtomicLong cutBudget = new AtomicLong(-1);

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pump(InputStream in, OutputStream out, boolean toClient) {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (blackholed) {
                        continue;
                    }
                    if (toClient) {
                        long budget = cutBudget.get();
                        if (budget >= 0) {
                            int allowed = (int) Math.min(n, budget);
                            out.write(buffer, 0, allowed);
                            out.flush();
                            cutBudget.addAndGet(-allowed);
                            if (allowed < n || budget - allowed == 0) {
                                reset();
                                return;
                            }
                            continue;
                        }
                    }
                    if (toClient && split) {
                        for (int i = 0; i < n; i++) {
                            out.write(buffer[i]);
                            out.flush(); // TCP_NODELAY: one byte per segment
                        }
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close the other
            }
            close();
        }

        void reset() {
            try {
                client.setSoLinger(true, 0); // RST, not FIN
                server.setSoLinger(true, 0);
            } catch (IOException e) {
                // already closed
            }
            close();
        }

        void close() {
            try {
                client.close();
            } catch (IOException e) {
                // ignore
            }
            try {
                server.close();
            } catch (IOException e) {
                // ignore
            }
            links.remove(this);
        }
    }

    ChaosProxy(String host, int port) throws IOException {
        this.upstream = new InetSocketAddress(host, port);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "chaos-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                try {
                    server.connect(upstream, 5_000);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Link link = new Link(client, server);
                links.add(link);
                start(() -> link.pump(client.getInputStream(), server.getOutputStream(), false), "c2s");
                start(() -> link.pump(server.getInputStream(), client.getOutputStream(), true), "s2c");
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("the chaos proxy stopped accepting", e);
                }
            }
        }
    }

    private interface IoTask {
        void run() throws IOException;
    }

    private static void start(IoTask task, String name) {
        Thread t = new Thread(() -> {
            try {
                task.run();
            } catch (IOException e) {
                // the link is closing
            }
        }, "chaos-proxy-" + name);
        t.setDaemon(true);
        t.start();
    }

    /** Connections opened from now on receive the server's bytes one per write (partial frames everywhere). */
    void splitNewConnections() {
        splitNewConnections = true;
    }

    /** The connections open now, as in a partition: bytes in either direction are dropped, sockets stay open. */
    void blackholeOpenConnections() {
        for (Link link : links) {
            link.blackholed = true;
        }
    }

    /** Cuts every connection open now with a reset once the server has sent it {@code bytes} more bytes. */
    void cutOpenConnectionsAfter(long bytes) {
        for (Link link : links) {
            link.cutBudget.set(bytes);
        }
    }

    int openConnections() {
        return links.size();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // ignore
        }
        for (Link link : links) {
            link.close();
        }
    }
}
