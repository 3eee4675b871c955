package dev.cairn.storage.api.http;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body as a blocking {@link InputStream} for a handler running on a virtual thread, fed by Vert.x
 * on the event loop. Flow control: the request is paused while more than {@link #HIGH_WATER} bytes wait to be
 * read and resumed when the reader has taken them below {@link #LOW_WATER}, so a slow drive never makes the
 * node buffer a whole upload.
 *
 * <p>Must be created on the request's event loop, before the body starts flowing (the request is paused
 * there). The handler thread reads; closing does not consume the rest of the body.
 */
public final class RequestBodyStream extends InputStream {
    static final long HIGH_WATER = 4L << 20;
    static final long LOW_WATER = 1L << 20;

    private static final Object END = new Object();

    private final HttpServerRequest request;
    private final Context context;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private volatile boolean paused = true;
    private boolean started;
    private Buffer current;
    private int pos;
    private boolean ended;

    public RequestBodyStream(HttpServerRequest request, Context context) {
        this.request = request;
        this.context = context;
        request.handler(buf -> {
            queue.add(buf);
            if (queued.addAndGet(buf.length()) > HIGH_WATER && !paused) {
                paused = true;
                request.pause();
            }
        });
        request.endHandler(v -> queue.add(END));
        request.exceptionHandler(t -> queue.add(t));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || pos == current.length()) {
            if (ended) {
                return -1;
            }
            next();
        }
        int n = Math.min(len, current.length() - pos);
        current.getBytes(pos, pos + n, b, off);
        pos += n;
        return n;
    }

    private void next() throws IOException {
        if (!started) {
            started = true;
            // a client that sent "Expect: 100-continue" waits for this before sending the body; sending it only
            // once the handler reads means a request refused before that never uploads its body
            if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
                context.runOnContext(v -> request.response().writeContinue());
            }
            resume();
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the request body", e);
        }
        if (item == END) {
            ended = true;
            current = null;
            return;
        }
        if (item instanceof Throwable t) {
            ended = true;
            throw new IOException("the request body failed: " + t.getMessage(), t);
        }
        current = (Buffer) item;
        pos = 0;
        if (queued.addAndGet(-current.length()) < LOW_WATER && paused) {
            resume();
        }
    }

    private void resume() {
        paused = false;
        context.runOnContext(v -> request.resume());
    }
}
