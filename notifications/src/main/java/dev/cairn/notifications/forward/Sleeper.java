package dev.cairn.notifications.forward;

/** How the forwarder waits between attempts; tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
