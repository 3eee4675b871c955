package dev.cairn.kafka;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The broker JVM's entry point: {@code ParentWatch <parent pid> <main class> <args...>}. It runs the main class (here
 * {@code kafka.Kafka}) after arranging for this JVM to exit when the launching JVM is gone.
 *
 * <p>Why: the launcher's shutdown hook stops the broker on a normal exit, Ctrl-C or SIGTERM, but not when the
 * launcher is killed outright (SIGKILL, an OOM kill, a test JVM torn down by its runner); the broker would then live
 * on, holding its port and its data directory's lock. {@code System.exit} runs Kafka's own shutdown hook, so the
 * broker still stops cleanly.
 *
 * <p>Public only because the JVM launcher needs a public main; not part of the API.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: ParentWatch <parent pid> <main class> [args...]");
            System.exit(2);
        }
        long parentPid = Long.parseLong(args[0]);
        // ProcessHandle.of checks the process's start time on every isAlive, so a recycled pid is not mistaken for it.
        ProcessHandle parent = ProcessHandle.of(parentPid).orElse(null);
        if (parent == null || !parent.isAlive()) {
            System.err.println("cairn: parent process " + parentPid + " is already gone; not starting");
            System.exit(1);
        }
        parent.onExit().thenRun(() -> {
            System.err.println("cairn: parent process " + parentPid + " exited; stopping");
            System.exit(0);
        });
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
