package dev.hero.persistence.jooq;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/**
 * A loopback TCP relay in front of the test database, so a test can take the database away
 * ({@link #cut()}) and bring it back ({@link #restore()}) without touching the server. The relay keeps
 * its port while cut, closing each new connection at once: a port let go could be taken by any other
 * process on the machine before {@link #restore()} binds it again.
 */
final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> sockets = new HashSet<>();
    private boolean cut;

    private TcpProxy(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
        Thread.ofVirtual().start(this::accept);
    }

    static TcpProxy to(String host, int port) throws IOException {
        return new TcpProxy(new InetSocketAddress(host, port), new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes every relayed connection, and each new one until {@link #restore()}: the database is gone. */
    synchronized void cut() {
        cut = true;
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** Relays new connections again: the database is back. */
    synchronized void restore() {
        cut = false;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = relayedOrClosed(client);
                if (upstream != null) {
                    relay(client, upstream);
                    relay(upstream, client);
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** The connection to the database for this client, or null (and the client closed) while cut. */
    private synchronized Socket relayedOrClosed(Socket client) throws IOException {
        if (cut) {
            closeQuietly(client);
            return null;
        }
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        sockets.add(client);
        sockets.add(upstream);
        return upstream;
    }

    private void relay(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException closed) {
                // One side went away; the other is closed below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
