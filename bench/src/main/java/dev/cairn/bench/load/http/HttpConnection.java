package dev.cairn.bench.load.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * One keep-alive HTTP/1.1 connection served by an {@link EventLoop}: a request is written as far as the socket
 * takes it (the rest when it is writable again), and the response is parsed as its bytes arrive. All of it, callbacks
 * included, runs on the loop's thread. Connects on first use and again after the server closed it; the connect itself
 * blocks the loop (made for servers on this machine). A request that got no response byte on a reused connection is
 * sent once more on a new one: the server may have closed an idle keep-alive connection just as it was reused.
 */
public final class HttpConnection {
    /** How an exchange ended: a response whose body went to the sink, or a failure. */
    @FunctionalInterface
    public interface Callback {
        void done(Response response, IOException failure);
    }

    private final EventLoop loop;
    private final InetSocketAddress address;
    private final ByteBuffer in;
    private final ByteBuffer out;
    private final ResponseParser parser;
    private final long timeoutNanos;
    private SocketChannel channel;
    private SelectionKey key;

    // The exchange in progress; callback is null when idle.
    private Request request;
    private Callback callback;
    private int headSent;
    private long bodyPos;
    private boolean reused;
    private boolean resent;
    private long deadline;

    /**
     * @param bufferSize bytes per socket read or write: large enough that a big body costs few system calls, small
     *     enough to stay in the CPU cache between the kernel's copy and our look at the bytes
     */
    public HttpConnection(EventLoop loop, InetSocketAddress address, int bufferSize, Duration timeout) {
        this.loop = loop;
        this.address = address;
        this.in = ByteBuffer.allocateDirect(bufferSize);
        this.out = ByteBuffer.allocateDirect(bufferSize).order(ByteOrder.LITTLE_ENDIAN);
        this.parser = new ResponseParser(in);
        this.timeoutNanos = timeout.toNanos();
        loop.execute(() -> loop.add(this));
    }

    /**
     * Sends {@code request} and reads its whole response, the body into {@code sink}, then calls {@code callback}
     * (never from inside this call). On the loop's thread, one exchange at a time.
     */
    public void exchange(Request request, BodySink sink, Callback callback) {
        if (!loop.inLoop() || this.callback != null) {
            throw new IllegalStateException("one exchange at a time, on the connection's event loop");
        }
        this.request = request;
        this.callback = callback;
        this.resent = false;
        this.deadline = System.nanoTime() + timeoutNanos;
        parser.expect(request.headMethod(), sink);
        start();
    }

    private void start() {
        reused = channel != null;
        try {
            if (channel == null) {
                connect();
            }
            headSent = 0;
            bodyPos = request.offset();
            out.clear().flip(); // nothing pending
            write();
        } catch (IOException e) {
            loop.later(() -> failed(e)); // not nested: a failing connect would otherwise recurse through callbacks
        }
    }

    private void connect() throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.connect(address);
            ch.configureBlocking(false);
            key = ch.register(loop.selector(), 0, this);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        channel = ch;
        in.clear().flip(); // nothing unread
    }

    /** Writes until the request is sent (then waits to read) or the socket is full (then waits to write). */
    private void write() throws IOException {
        byte[] head = request.head();
        long bodyEnd = request.offset() + request.length();
        while (true) {
            if (!out.hasRemaining()) {
                out.clear();
                int h = Math.min(out.remaining(), head.length - headSent);
                out.put(head, headSent, h);
                headSent += h;
                int n = (int) Math.min(out.remaining(), bodyEnd - bodyPos);
                if (headSent == head.length && n > 0) {
                    request.body().fill(bodyPos, out, n); // a small body goes in the head's system call
                    bodyPos += n;
                }
                out.flip();
                if (!out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                    return;
                }
            }
            channel.write(out);
            if (out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_WRITE);
                return;
            }
        }
    }

    /** Called by the loop when the socket is ready. */
    void ready(int ops) {
        if (callback == null) {
            close(); // bytes or the end of stream on an idle connection: the server is done with it
            return;
        }
        try {
            if ((ops & SelectionKey.OP_WRITE) != 0) {
                write();
            } else if ((ops & SelectionKey.OP_READ) != 0) {
                read();
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    private void read() throws IOException {
        while (true) {
            in.compact();
            int n = channel.read(in);
            in.flip();
            if (n < 0) {
                if (parser.endOfStream()) {
                    finish();
                }
                return;
            }
            if (parser.parse()) {
                finish();
                return;
            }
            if (n == 0) {
                return; // the rest when the selector says so
            }
        }
    }

    private void finish() {
        Callback cb = callback;
        callback = null;
        request = null;
        if (!parser.keepAlive() || in.hasRemaining()) {
            close(); // bytes after a response answer no request of ours: the connection is not to be trusted
        }
        cb.done(parser.response(), null);
    }

    private void failed(IOException e) {
        if (callback == null) {
            return; // already ended (a timeout raced the failure)
        }
        close();
        if (reused && !resent && !parser.started()) {
            resent = true;
            start();
            return;
        }
        Callback cb = callback;
        callback = null;
        request = null;
        cb.done(null, e);
    }

    /** Called by the loop every tick: fails the exchange in progress when it is past its deadline. */
    void expireIfPast(long now) {
        if (callback != null && now - deadline > 0) {
            resent = true; // a timeout is not resent
            failed(new SocketTimeoutException("no whole response within " + timeoutNanos / 1_000_000 + " ms"));
        }
    }

    /** Closes the socket (on the loop's thread); the next exchange connects again. */
    void close() {
        if (channel != null) {
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            channel = null;
            key = null;
        }
    }
}
