package dev.cairn.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * A weighted choice among values, parsed from {@code value:weight,value:weight} (a value without a weight weighs 1;
 * weight 0 excludes it). Picking is a binary search over cumulative weights. Immutable.
 */
final class Weighted<T> {
    private final List<T> values;
    private final List<Long> weights;
    private final long[] cumulative;

    private Weighted(List<T> values, List<Long> weights) {
        this.values = List.copyOf(values);
        this.weights = List.copyOf(weights);
        this.cumulative = new long[values.size()];
        long sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += weights.get(i);
            cumulative[i] = sum;
        }
    }

    /**
     * Parses {@code spec}, each entry split at {@code separator} into value and weight.
     *
     * @throws IllegalArgumentException for a bad entry, a negative weight, or no positive weight at all
     */
    static <T> Weighted<T> parse(String spec, char separator, Function<String, T> value) {
        List<T> values = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int at = e.lastIndexOf(separator);
            long w;
            try {
                w = at < 0 ? 1 : Long.parseLong(e.substring(at + 1).strip());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("bad weight in '" + e + "'");
            }
            if (w < 0) {
                throw new IllegalArgumentException("negative weight in '" + e + "'");
            }
            if (w > 0) {
                values.add(value.apply(at < 0 ? e : e.substring(0, at).strip()));
                weights.add(w);
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no entry with a positive weight in '" + spec + "'");
        }
        return new Weighted<>(values, weights);
    }

    T pick(RandomGenerator random) {
        if (values.size() == 1) {
            return values.getFirst();
        }
        long r = random.nextLong(cumulative[cumulative.length - 1]);
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) { // the first index whose cumulative weight exceeds r
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return values.get(lo);
    }

    List<T> values() {
        return values;
    }

    long weight(T value) {
        int i = values.indexOf(value);
        return i < 0 ? 0 : weights.get(i);
    }

    /** The entries back in {@code value:weight} form, with values rendered by {@code format}. */
    String format(Function<T, String> format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(format.apply(values.get(i))).append(':').append(weights.get(i));
        }
        return out.toString();
    }
}
