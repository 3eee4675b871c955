package dev.cairn.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinOnePercentOfTheExactOnes() {
        SplittableRandom random = new SplittableRandom(3);
        LatencyHistogram h = new LatencyHistogram();
        long[] values = new long[200_000];
        for (int i = 0; i < values.length; i++) {
            // log-uniform from 1 µs to 10 s, as latencies spread
            values[i] = (long) Math.exp(Math.log(1_000) + random.nextDouble() * (Math.log(1e10) - Math.log(1_000)));
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {1, 50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            long got = h.percentile(p);
            assertTrue(Math.abs(got - exact) <= exact * 0.01, "p" + p + ": " + got + " vs " + exact);
        }
        assertEquals(values[values.length - 1], h.max());
        assertEquals(values[values.length - 1], h.percentile(100));
        assertEquals(values.length, h.count());
    }

    @Test
    void smallValuesAreExactAndBucketsCoverTheLongRange() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 100; v++) {
            h.record(v);
        }
        assertEquals(50, h.percentile(50));
        assertEquals(90, h.percentile(90));
        assertEquals(0, new LatencyHistogram().percentile(50));
        h.record(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, h.max());
        for (long v : new long[] {255, 256, 257, 1L << 40, Long.MAX_VALUE}) {
            long mid = LatencyHistogram.value(LatencyHistogram.index(v));
            assertTrue(Math.abs(mid - v) <= Math.max(1, v / 128), v + " -> " + mid);
        }
    }

    @Test
    void addingMergesCounts() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(1_000);
        b.record(3_000_000);
        a.add(b);
        assertEquals(2, a.count());
        assertEquals(3_000_000, a.max());
    }
}
