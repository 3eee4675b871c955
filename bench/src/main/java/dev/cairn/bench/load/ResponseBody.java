package dev.cairn.bench.load;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body consumed as a stream: it is counted and, given a generator, checked byte for byte as it arrives;
 * only when asked to keep it (error bodies, small XML answers) is it copied, and then at most {@link #KEEP_LIMIT}
 * bytes. The subscriber is its own result, available once the body has ended.
 */
final class ResponseBody implements HttpResponse.BodySubscriber<ResponseBody> {
    static final int KEEP_LIMIT = 256 * 1024;

    private final CompletableFuture<ResponseBody> result = new CompletableFuture<>();
    private final BodyGenerator verify;
    private final ByteArrayOutputStream kept;
    private final int status;
    private long bytes;
    private long mismatchAt = -1;

    private ResponseBody(int status, BodyGenerator verify, boolean keep) {
        this.status = status;
        this.verify = verify;
        this.kept = keep ? new ByteArrayOutputStream() : null;
    }

    /**
     * A handler whose bodies are kept when the status is 300 or more or {@code keep} is set, and otherwise
     * verified against {@code verify} when it is not null.
     */
    static HttpResponse.BodyHandler<ResponseBody> handler(BodyGenerator verify, boolean keep) {
        return info -> {
            boolean error = info.statusCode() >= 300;
            return new ResponseBody(info.statusCode(), error ? null : verify, keep || error);
        };
    }

    int status() {
        return status;
    }

    long bytes() {
        return bytes;
    }

    /** The body position of the first byte that differed from the generator, or -1. */
    long mismatchAt() {
        return mismatchAt;
    }

    /** The kept body as text (empty when nothing was kept). */
    String text() {
        return kept == null ? "" : kept.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
            int n = b.remaining();
            if (verify != null && mismatchAt < 0) {
                long m = verify.mismatch(bytes, b);
                if (m >= 0) {
                    mismatchAt = m;
                }
            }
            if (kept != null && kept.size() < KEEP_LIMIT) {
                int take = Math.min(n, KEEP_LIMIT - kept.size());
                if (b.hasArray()) {
                    kept.write(b.array(), b.arrayOffset() + b.position(), take);
                } else {
                    byte[] copy = new byte[take];
                    b.duplicate().get(copy);
                    kept.writeBytes(copy);
                }
            }
            bytes += n;
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(this);
    }

    @Override
    public CompletionStage<ResponseBody> getBody() {
        return result;
    }
}
