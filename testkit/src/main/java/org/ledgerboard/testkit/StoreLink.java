package org.ledgerboard.testkit;

import com.mongodb.ConnectionString;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link between a service and its store that a test can cut and restore, to fail the store on demand without
 * stopping it for the other tests of the run. Written here because the usual tool (Toxiproxy) needs its own server
 * process; a byte pump is all this needs.
 */
public final class StoreLink implements AutoCloseable {
    private final ServerSocket listener;
    private final ConnectionString target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private StoreLink(ConnectionString target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "store-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A link to the first host of a MongoDB connection string. */
    public static StoreLink to(String connectionString) {
        try {
            return new StoreLink(new ConnectionString(connectionString));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a store link: " + e.getMessage(), e);
        }
    }

    /** The connection string that reaches the store through this link, talking to that one server directly. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + listener.getLocalPort() + "/?directConnection=true";
    }

    /** Drops every open connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(StoreLink::closeQuietly);
    }

    public void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listener);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                String[] hostAndPort = target.getHosts().get(0).split(":");
                Socket store = new Socket(hostAndPort[0], hostAndPort.length > 1 ? Integer.parseInt(hostAndPort[1]) : 27017);
                open.add(client);
                open.add(store);
                pump(client, store);
                pump(store, client);
            } catch (IOException e) {
                // the listener closed, or the store refused one connection: the driver retries
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // cut, or closed by either end
            } finally {
                open.remove(from);
                open.remove(to);
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "store-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
