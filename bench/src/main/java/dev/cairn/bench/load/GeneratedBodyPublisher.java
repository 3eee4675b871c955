package dev.cairn.bench.load;

import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes body bytes {@code [offset, offset + length)} of a {@link BodyGenerator} in chunks generated on demand,
 * so a 64 MiB PUT never holds more than a few chunks. Each subscription starts over (the HTTP client may resubscribe
 * to resend). Honours demand and is safe against re-entrant {@code request} calls from {@code onNext}.
 */
final class GeneratedBodyPublisher implements Flow.Publisher<ByteBuffer> {
    static final int CHUNK = 64 * 1024;

    private final BodyGenerator generator;
    private final long offset;
    private final long length;

    GeneratedBodyPublisher(BodyGenerator generator, long offset, long length) {
        this.generator = generator;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new Subscription(subscriber));
    }

    private final class Subscription implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private long pos = offset;
        private volatile boolean done;

        Subscription(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (done) {
                return;
            }
            if (n <= 0) {
                done = true;
                subscriber.onError(new IllegalArgumentException("non-positive request: " + n));
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return; // the thread already draining will see the new demand
            }
            do {
                long end = offset + length;
                while (!done && pos < end && demand.get() > 0) {
                    int len = (int) Math.min(CHUNK, end - pos);
                    byte[] chunk = generator.bytes(pos, len);
                    pos += len;
                    demand.decrementAndGet();
                    subscriber.onNext(ByteBuffer.wrap(chunk));
                }
                if (!done && pos >= end) {
                    done = true;
                    subscriber.onComplete();
                }
            } while (wip.decrementAndGet() != 0);
        }

        @Override
        public void cancel() {
            done = true;
        }
    }
}
