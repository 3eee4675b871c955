package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.DriveError;
import dev.cairn.storage.drive.DriveException;
import dev.cairn.storage.drive.JournalRider;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * The outcome of one operation on every drive of a set, by position: a value or a {@link DriveError}. The one
 * place where per-drive results become a quorum decision.
 */
final class DriveResults<T> {
    private final Object[] values;
    private final DriveError[] errors;

    private DriveResults(int n) {
        values = new Object[n];
        errors = new DriveError[n];
    }

    /**
     * Runs {@code op(position, target)} on every target (a drive, or something living on one, such as a shard
     * writer) in parallel and waits for all. A null target (offline, or left out on purpose) counts as
     * {@link DriveError#DRIVE_OFFLINE}.
     */
    static <D, T> DriveResults<T> run(D[] drives, Executor executor, BiFunction<Integer, D, T> op) {
        DriveResults<T> r = new DriveResults<>(drives.length);
        CompletableFuture<?>[] futures = new CompletableFuture<?>[drives.length];
        for (int i = 0; i < drives.length; i++) {
            int pos = i;
            D d = drives[i];
            if (d == null) {
                r.errors[i] = DriveError.DRIVE_OFFLINE;
                futures[i] = CompletableFuture.completedFuture(null);
                continue;
            }
            futures[i] = CompletableFuture.runAsync(JournalRider.carriedInto(() -> {
                try {
                    r.values[pos] = op.apply(pos, d);
                } catch (RuntimeException e) {
                    r.errors[pos] = DriveException.errorOf(e);
                }
            }), executor);
        }
        CompletableFuture.allOf(futures).join();
        return r;
    }

    int size() {
        return values.length;
    }

    boolean ok(int i) {
        return errors[i] == null;
    }

    @SuppressWarnings("unchecked")
    T value(int i) {
        return (T) values[i];
    }

    DriveError error(int i) {
        return errors[i];
    }

    int successes() {
        int n = 0;
        for (DriveError e : errors) {
            if (e == null) {
                n++;
            }
        }
        return n;
    }

    int count(DriveError error) {
        int n = 0;
        for (DriveError e : errors) {
            if (e == error) {
                n++;
            }
        }
        return n;
    }

    /** The most frequent error and its count, or null when every drive succeeded. */
    Map.Entry<DriveError, Integer> dominantError() {
        Map<DriveError, Integer> counts = new EnumMap<>(DriveError.class);
        for (DriveError e : errors) {
            if (e != null) {
                counts.merge(e, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(errors[i] == null ? "ok" : errors[i].name());
        }
        return b.append(']').toString();
    }
}
