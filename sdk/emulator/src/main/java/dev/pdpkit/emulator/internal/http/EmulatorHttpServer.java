package dev.pdpkit.emulator.internal.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server with the controls a shared test server needs and the JDK's {@code HttpServer} lacks: a
 * deadline for the request head and for the body, bodies read only when the handler asks (after authentication),
 * a bounded head size, and every error it detects itself answered through an {@link ErrorRenderer} (JSON), never
 * an HTML page. One thread per connection, at most {@link HttpLimits#maxConnections()} at once.
 */
public final class EmulatorHttpServer implements AutoCloseable {
    private final ServerSocket listener;
    private final HttpLimits limits;
    private final HttpHandler handler;
    private final ErrorRenderer errors;
    private final ExecutorService workers;
    private final Semaphore slots;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private EmulatorHttpServer(ServerSocket listener, HttpLimits limits, HttpHandler handler, ErrorRenderer errors,
                               String threadName) {
        this.listener = listener;
        this.limits = limits;
        this.handler = handler;
        this.errors = errors;
        this.slots = new Semaphore(limits.maxConnections());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, threadName + "-accept");
        acceptor.setDaemon(true);
    }

    /**
     * Binds and starts serving.
     *
     * @param address the interface
     * @param port the port, 0 for a free one
     * @param limits timeouts and sizes
     * @param handler answers requests
     * @param errors answers what the server rejects itself
     * @param threadName prefix of the worker threads' names
     * @return the running server
     * @throws IOException if the port cannot be bound
     */
    public static EmulatorHttpServer start(InetAddress address, int port, HttpLimits limits, HttpHandler handler,
                                           ErrorRenderer errors, String threadName) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port), 256);
        EmulatorHttpServer server = new EmulatorHttpServer(socket, limits, handler, errors, threadName);
        server.acceptor.start();
        return server;
    }

    /** @return the bound port */
    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                slots.acquire();
                socket = listener.accept();
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                slots.release();
                if (closed) {
                    return;
                }
                continue;
            }
            open.add(socket);
            workers.execute(() -> {
                try {
                    new Connection(socket, limits, handler, errors).run();
                } finally {
                    open.remove(socket);
                    slots.release();
                }
            });
        }
    }

    /** Stops at once: the listener and every open connection are closed. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        acceptor.interrupt();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        workers.shutdownNow();
    }
}
