package dev.cairn.bench.load.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * One keep-alive HTTP/1.1 connection, used by one thread at a time with blocking I/O: no selector, no handoff
 * between threads, so a request costs its write and read system calls and little else. Connects on first use and
 * again after the server closed it. A request that got no response byte on a reused connection is sent once more on
 * a new one: the server may have closed an idle keep-alive connection just as it was reused.
 *
 * <p>Timeouts: the blocking calls cannot time out themselves, so the {@link TimeoutWatchdog} closes the channel of
 * a request past its deadline and the request fails with {@link SocketTimeoutException}.
 */
public final class HttpConnection implements AutoCloseable {
    private final InetSocketAddress address;
    private final ByteBuffer readBuffer;
    private final ByteBuffer writeBuffer;
    private final long timeoutNanos;
    private SocketChannel channel;
    private ResponseReader reader;
    private volatile long deadline; // System.nanoTime() by which the request in flight must end; 0 when idle
    private volatile boolean timedOut;

    /**
     * @param bufferSize bytes per socket read or write: large enough that a big body costs few system calls, small
     *     enough to stay in the CPU cache between the kernel's copy and our look at the bytes
     */
    public HttpConnection(InetSocketAddress address, int bufferSize, Duration timeout, TimeoutWatchdog watchdog) {
        this.address = address;
        this.readBuffer = ByteBuffer.allocateDirect(bufferSize);
        this.writeBuffer = ByteBuffer.allocateDirect(bufferSize).order(ByteOrder.LITTLE_ENDIAN);
        this.timeoutNanos = timeout.toNanos();
        watchdog.watch(this);
    }

    /** Sends {@code request} and reads its whole response, the body into {@code sink}. */
    public Response exchange(Request request, BodySink sink) throws IOException {
        boolean reused = channel != null;
        timedOut = false;
        deadline = System.nanoTime() + timeoutNanos;
        try {
            try {
                return attempt(request, sink);
            } catch (IOException e) {
                close();
                if (!reused || timedOut || reader.started()) {
                    throw e;
                }
                return attempt(request, sink);
            }
        } catch (IOException e) {
            close();
            throw timedOut ? new SocketTimeoutException("no whole response within "
                    + Duration.ofNanos(timeoutNanos).toMillis() + " ms") : e;
        } finally {
            deadline = 0;
        }
    }

    private Response attempt(Request request, BodySink sink) throws IOException {
        if (channel == null) {
            SocketChannel ch = SocketChannel.open();
            setChannel(ch); // before connecting: the watchdog can close a connect that hangs
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.connect(address);
            reader = new ResponseReader(ch, readBuffer);
        }
        send(request);
        Response response = reader.read(request.headMethod(), sink);
        if (!reader.keepAlive()) {
            close();
        }
        return response;
    }

    /** Writes the head and the body through the write buffer; a small body goes in the head's system call. */
    private void send(Request request) throws IOException {
        ByteBuffer out = writeBuffer.clear();
        byte[] head = request.head();
        for (int off = 0; off < head.length; ) {
            int n = Math.min(out.remaining(), head.length - off);
            out.put(head, off, n);
            off += n;
            if (!out.hasRemaining()) {
                flush(out);
            }
        }
        long pos = request.offset();
        long end = pos + request.length();
        while (pos < end) {
            int n = (int) Math.min(out.remaining(), end - pos);
            request.body().fill(pos, out, n);
            pos += n;
            if (!out.hasRemaining()) {
                flush(out);
            }
        }
        if (out.position() > 0) {
            flush(out);
        }
    }

    private void flush(ByteBuffer out) throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        out.clear();
    }

    /** Called by the watchdog: closes the connection when its request is past its deadline. */
    void expireIfPast(long now) {
        long d = deadline;
        if (d != 0 && now - d > 0) {
            timedOut = true;
            closeChannel();
        }
    }

    // The channel field is written by the owning thread and closed by the watchdog's: both under this lock.
    private synchronized void setChannel(SocketChannel ch) {
        channel = ch;
    }

    private synchronized void closeChannel() {
        SocketChannel ch = channel;
        if (ch != null) {
            try {
                ch.close(); // wakes a thread blocked in read or write on it
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public synchronized void close() {
        closeChannel();
        channel = null;
    }
}
