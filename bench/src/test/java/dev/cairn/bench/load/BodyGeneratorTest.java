package dev.cairn.bench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class BodyGeneratorTest {

    @Test
    void sameKeyAndSizeGiveTheSameBytes() {
        byte[] a = BodyGenerator.of("load/7", 10_000).bytes(0, 10_000);
        byte[] b = BodyGenerator.of("load/7", 10_000).bytes(0, 10_000);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, BodyGenerator.of("load/8", 10_000).bytes(0, 10_000)));
        assertFalse(Arrays.equals(a, BodyGenerator.of("load/7", 10_001).bytes(0, 10_000)));
    }

    @Test
    void anyRangeIsTheSliceOfTheWhole() {
        BodyGenerator g = BodyGenerator.of("k", 1000);
        byte[] whole = g.bytes(0, 1000);
        for (int from : new int[] {0, 1, 7, 8, 9, 333}) {
            for (int len : new int[] {0, 1, 5, 8, 17, 600}) {
                assertArrayEquals(Arrays.copyOfRange(whole, from, from + len), g.bytes(from, len), from + "+" + len);
            }
        }
    }

    @Test
    void streamingEqualsOneShot() throws Exception {
        long size = 3 * GeneratedBodyPublisher.CHUNK + 12_345;
        BodyGenerator g = BodyGenerator.of("load/42", size);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        new GeneratedBodyPublisher(g, 0, size).subscribe(new Flow.Subscriber<>() {
            Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                streamed.writeBytes(chunk);
                subscription.request(1); // re-entrant request from onNext
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get();
        assertArrayEquals(g.bytes(0, (int) size), streamed.toByteArray());
    }

    @Test
    void verificationFindsTheFirstDifferingByte() {
        BodyGenerator g = BodyGenerator.of("v", 5000);
        byte[] body = g.bytes(0, 5000);
        assertEquals(-1, g.mismatch(0, ByteBuffer.wrap(body)));
        assertEquals(-1, g.mismatch(13, ByteBuffer.wrap(body, 13, 4000).slice()));
        body[2049] ^= 1;
        assertEquals(2049, g.mismatch(0, ByteBuffer.wrap(body)));
        assertEquals(2049, g.mismatch(2045, ByteBuffer.wrap(body, 2045, 100).slice()));
    }
}
