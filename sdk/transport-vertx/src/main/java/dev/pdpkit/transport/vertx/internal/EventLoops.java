package dev.pdpkit.transport.vertx.internal;

import io.vertx.core.Context;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The event-loop contexts a transport runs its exchanges on, each with the HTTP client it sends through, and the
 * exchanges in flight on each (callers that are not on an event loop get the least busy one).
 *
 * <p>Vert.x binds an exchange, and a connection it opens, to the context it is started from; a thread outside Vert.x
 * always gets the same event loop, so one busy caller thread would put every exchange on one loop. Deploying a no-op
 * with {@code n} instances is the public way to get {@code n} contexts on distinct event loops. A transport that
 * creates its clients gives each context a client of its own: Vert.x's pool hands out the most recently used
 * connection whatever its event loop, and an exchange on another loop's connection costs two thread hand-offs.
 */
public final class EventLoops {
    private final Vertx vertx;
    private final Context[] contexts;
    /** The event-loop thread of each context. */
    private final Thread[] threads;
    private final HttpClient[] clients;
    private final String deployment;
    private final Deadlines deadlines;
    /** Exchanges in flight per loop. */
    private final AtomicIntegerArray inFlight;

    private EventLoops(Vertx vertx, Context[] contexts, Thread[] threads, HttpClient[] clients, String deployment) {
        this.vertx = vertx;
        this.contexts = contexts;
        this.threads = threads;
        this.inFlight = new AtomicIntegerArray(contexts.length);
        this.clients = clients;
        this.deployment = deployment;
        this.deadlines = new Deadlines(vertx);
    }

    /**
     * Takes {@code count} event-loop contexts of a Vert.x instance.
     *
     * @param vertx the Vert.x instance
     * @param count how many contexts (on distinct event loops as long as Vert.x has that many)
     * @param clientFor the client of the context at an index (the same one for all, or one each)
     * @return the contexts
     * @throws IllegalStateException if Vert.x does not deploy the no-op within ten seconds
     */
    public static EventLoops of(Vertx vertx, int count, IntFunction<HttpClient> clientFor) {
        CopyOnWriteArrayList<Taken> seen = new CopyOnWriteArrayList<>();
        try {
            // Vert.x wants a distinct instance per context.
            String id = vertx.deployVerticle(() -> new Recorder(seen), new DeploymentOptions().setInstances(count))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Context[] contexts = seen.stream().map(Taken::context).toArray(Context[]::new);
            Thread[] threads = seen.stream().map(Taken::thread).toArray(Thread[]::new);
            HttpClient[] clients = new HttpClient[contexts.length];
            for (int i = 0; i < clients.length; i++) {
                clients[i] = clientFor.apply(i);
            }
            return new EventLoops(vertx, contexts, threads, clients, id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking Vert.x event loops", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not take Vert.x event loops", e);
        }
    }

    /** A context taken, and its event-loop thread. */
    private record Taken(Context context, Thread thread) {
    }

    /** Deployed once per context, only to learn the context and its thread. */
    private static final class Recorder implements Deployable {
        private final CopyOnWriteArrayList<Taken> seen;

        Recorder(CopyOnWriteArrayList<Taken> seen) {
            this.seen = seen;
        }

        @Override
        public Future<?> deploy(Context context) {
            // Vert.x runs this on the context's own event loop.
            seen.add(new Taken(context, Thread.currentThread()));
            return Future.succeededFuture();
        }
    }

    /**
     * Chooses the event loop for a new exchange and counts it in flight there until {@link #done(int)}: the calling
     * loop when the caller is one of these (a call started from a completion stays where it is, through the client
     * whose connections live on that loop); otherwise the loop with the fewest exchanges in flight. That is also the
     * loop whose exchange has just completed, most likely still awake: a task handed to a sleeping loop costs a
     * wake-up.
     *
     * @param onEventLoop whether the caller is on an event loop of this Vert.x instance ({@link #onEventLoop()})
     * @return the loop's index
     */
    public int pick(boolean onEventLoop) {
        int i = onEventLoop ? here() : leastBusy();
        inFlight.incrementAndGet(i);
        return i;
    }

    /**
     * Runs a task on a loop chosen by {@link #pick(boolean)}: inline when the caller is already on an event loop of
     * this Vert.x instance, else handed to the loop.
     *
     * @param loop the loop's index
     * @param onEventLoop the same as given to {@link #pick(boolean)}
     * @param task what to run, given the client to send through
     */
    public void run(int loop, boolean onEventLoop, Consumer<HttpClient> task) {
        if (onEventLoop) {
            task.accept(clients[loop]);
        } else {
            contexts[loop].runOnContext(v -> task.accept(clients[loop]));
        }
    }

    /** @param loop the index of a loop whose exchange ended, however */
    public void done(int loop) {
        inFlight.decrementAndGet(loop);
    }

    private int leastBusy() {
        int best = 0;
        int least = inFlight.get(0);
        for (int j = 1; j < contexts.length && least > 0; j++) {
            int n = inFlight.get(j);
            if (n < least) {
                least = n;
                best = j;
            }
        }
        return best;
    }

    /**
     * The index of the calling event loop; the least busy one for a loop this transport did not take. Threads are
     * compared, not contexts: Vert.x completes an exchange on a duplicate of the context it was started on.
     */
    private int here() {
        Thread current = Thread.currentThread();
        for (int j = 0; j < threads.length; j++) {
            if (threads[j] == current) {
                return j;
            }
        }
        return leastBusy();
    }

    /** @return the clients, one per context (the same one several times when they share it) */
    public HttpClient[] clients() {
        return clients.clone();
    }

    /** @return whether the calling thread is an event loop of this Vert.x instance, which must never block */
    public boolean onEventLoop() {
        Context current = Vertx.currentContext();
        return current != null && current.isEventLoopContext() && current.owner() == vertx;
    }

    Deadlines deadlines() {
        return deadlines;
    }

    /**
     * Stops watching deadlines and gives the contexts back (undeploys the no-op); the Vert.x instance is left open.
     *
     * @return when the contexts are given back
     */
    public Future<Void> close() {
        deadlines.close();
        return vertx.undeploy(deployment);
    }
}
