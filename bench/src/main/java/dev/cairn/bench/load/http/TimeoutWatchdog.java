package dev.cairn.bench.load.http;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Enforces request timeouts on blocking connections: every tick it closes the connections whose request in flight
 * is past its deadline. One thread for all connections, instead of a timed wait per read.
 */
public final class TimeoutWatchdog implements AutoCloseable {
    private static final long TICK_MILLIS = 100;

    private final CopyOnWriteArrayList<HttpConnection> connections = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "http-timeouts");
        t.setDaemon(true);
        return t;
    });

    public TimeoutWatchdog() {
        timer.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            for (HttpConnection c : connections) {
                c.expireIfPast(now);
            }
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void watch(HttpConnection connection) {
        connections.add(connection);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
