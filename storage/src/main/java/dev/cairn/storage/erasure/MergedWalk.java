package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.KeyPaths;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Merges iterators that are each sorted in S3 key order into one sorted iterator, handing every group of
 * entries with the same key to {@code combine}, which returns the merged entry or null to drop the key.
 */
final class MergedWalk<E, R> implements Iterator<R> {

    private record Head<E>(E entry, String key, int source) {
    }

    private final List<Iterator<E>> sources;
    private final Function<E, String> keyOf;
    private final Function<List<E>, R> combine;
    private final PriorityQueue<Head<E>> heads = new PriorityQueue<>((a, b) -> {
        int c = KeyPaths.compareKeys(a.key, b.key);
        return c != 0 ? c : Integer.compare(a.source, b.source);
    });
    private R next;

    MergedWalk(List<Iterator<E>> sources, Function<E, String> keyOf, Function<List<E>, R> combine) {
        this.sources = sources;
        this.keyOf = keyOf;
        this.combine = combine;
        for (int i = 0; i < sources.size(); i++) {
            advance(i);
        }
    }

    private void advance(int source) {
        Iterator<E> it = sources.get(source);
        if (it.hasNext()) {
            E e = it.next();
            heads.add(new Head<>(e, keyOf.apply(e), source));
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null && !heads.isEmpty()) {
            String key = heads.peek().key;
            List<E> group = new ArrayList<>();
            while (!heads.isEmpty() && heads.peek().key.equals(key)) {
                Head<E> h = heads.poll();
                group.add(h.entry);
                advance(h.source);
            }
            next = combine.apply(group);
        }
        return next != null;
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        R r = next;
        next = null;
        return r;
    }
}
