package dev.cairn.bench.load.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Parses HTTP/1.1 responses, one after the other, from bytes pushed into a buffer as they arrive (a non-blocking
 * connection reads whatever is there and calls {@link #parse}): the head is parsed in place (no header strings but
 * the ETag), the body is framed by {@code Content-Length}, chunked encoding or the end of the stream, and handed to
 * a {@link BodySink} without copying. The unread bytes are always {@code [position, limit)} of the buffer; the
 * caller compacts it before reading more. Not thread-safe.
 */
final class ResponseParser {
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] ETAG = ascii("etag");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private enum State { HEAD, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, TO_END, DONE }

    private final ByteBuffer buf;
    private State state = State.DONE;
    private boolean headMethod;
    private BodySink sink;
    private boolean started; // a byte of the current response has arrived
    private long remaining; // of the fixed-length body or of the current chunk

    // The current response's head.
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean keepAlive;
    private String etag;

    ResponseParser(ByteBuffer buf) {
        this.buf = buf.order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Starts on the response to the request just sent.
     *
     * @param headMethod the request was a HEAD: no body follows whatever the headers say
     */
    void expect(boolean headMethod, BodySink sink) {
        this.headMethod = headMethod;
        this.sink = sink;
        this.state = State.HEAD;
        this.started = buf.hasRemaining();
    }

    /** Whether any byte of the response being read has arrived (a request that got none may be sent again). */
    boolean started() {
        return started;
    }

    /** Whether the connection may carry another request after the response just read. */
    boolean keepAlive() {
        return keepAlive;
    }

    Response response() {
        return new Response(status, etag);
    }

    /**
     * Consumes what the buffer holds of the response.
     *
     * @return whether the response is complete
     */
    boolean parse() throws IOException {
        started |= buf.hasRemaining();
        while (true) {
            switch (state) {
                case HEAD -> {
                    if (!head()) {
                        return false;
                    }
                }
                case FIXED, CHUNK_DATA -> {
                    deliver();
                    if (remaining > 0) {
                        return false;
                    }
                    state = state == State.FIXED ? State.DONE : State.CHUNK_END;
                }
                case CHUNK_SIZE -> {
                    if (!chunkSize()) {
                        return false;
                    }
                }
                case CHUNK_END -> {
                    if (buf.remaining() < 2) {
                        return false;
                    }
                    if (buf.get(buf.position()) != '\r' || buf.get(buf.position() + 1) != '\n') {
                        throw new IOException("chunk data not followed by CRLF");
                    }
                    buf.position(buf.position() + 2);
                    state = State.CHUNK_SIZE;
                }
                case TRAILERS -> {
                    int end = lineEnd();
                    if (end < 0) {
                        return false;
                    }
                    boolean blank = end == buf.position();
                    buf.position(end + 2); // a trailer field, ignored, or the blank line that ends the response
                    if (blank) {
                        state = State.DONE;
                    }
                }
                case TO_END -> {
                    if (buf.hasRemaining()) {
                        sink.accept(buf, buf.position(), buf.remaining());
                        buf.position(buf.limit());
                    }
                    return false;
                }
                case DONE -> {
                    return true; // bytes after it are left in the buffer: the connection decides
                }
            }
        }
    }

    /**
     * The connection reached its end of stream.
     *
     * @return true when that completes the response (a body delimited by the end of the stream)
     * @throws EOFException when the response was cut short
     */
    boolean endOfStream() throws EOFException {
        if (state == State.TO_END) {
            state = State.DONE;
            return true;
        }
        throw new EOFException(!started ? "connection closed" : state == State.HEAD
                ? "connection closed in a response head" : "connection closed in a response body");
    }

    private boolean head() throws IOException {
        int end = indexOf(buf.position(), "\r\n\r\n");
        if (end < 0) {
            checkRoom();
            return false;
        }
        int p = buf.position();
        int lineEnd = indexOf(p, "\r\n");
        // "HTTP/1.1 200 OK": version digits at 5 and 7, the status at 9..11.
        if (lineEnd - p < 12 || buf.get(p) != 'H' || buf.get(p + 4) != '/' || buf.get(p + 8) != ' ') {
            throw new IOException("not an HTTP response: " + ascii(p, Math.min(lineEnd, p + 40)));
        }
        boolean http11 = buf.get(p + 5) == '1' && buf.get(p + 7) == '1';
        status = digit(p + 9) * 100 + digit(p + 10) * 10 + digit(p + 11);
        contentLength = -1;
        chunked = false;
        keepAlive = http11;
        etag = null;
        for (p = lineEnd + 2; p < end + 2; p = lineEnd + 2) { // end: the CR of the last header line
            lineEnd = indexOf(p, "\r\n");
            header(p, lineEnd);
        }
        buf.position(end + 4);
        if (status >= 100 && status < 200) {
            return true; // an interim response (100 Continue): the real one follows
        }
        sink.start(status);
        if (headMethod || status == 204 || status == 304) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = State.FIXED;
        } else {
            keepAlive = false;
            state = State.TO_END;
        }
        return true;
    }

    private void header(int from, int to) throws IOException {
        int colon = from;
        while (colon < to && buf.get(colon) != ':') {
            colon++;
        }
        int v = colon + 1;
        while (v < to && (buf.get(v) == ' ' || buf.get(v) == '\t')) {
            v++;
        }
        int ve = to;
        while (ve > v && (buf.get(ve - 1) == ' ' || buf.get(ve - 1) == '\t')) {
            ve--;
        }
        if (equalsIgnoreCase(from, colon, CONTENT_LENGTH)) {
            contentLength = parseLong(v, ve, 10);
        } else if (equalsIgnoreCase(from, colon, TRANSFER_ENCODING)) {
            chunked = containsIgnoreCase(v, ve, CHUNKED);
        } else if (equalsIgnoreCase(from, colon, CONNECTION)) {
            if (containsIgnoreCase(v, ve, CLOSE)) {
                keepAlive = false;
            } else if (containsIgnoreCase(v, ve, KEEP_ALIVE)) {
                keepAlive = true;
            }
        } else if (equalsIgnoreCase(from, colon, ETAG)) {
            etag = ascii(v, ve);
        }
    }

    private boolean chunkSize() throws IOException {
        int lineEnd = lineEnd();
        if (lineEnd < 0) {
            return false;
        }
        int sizeEnd = buf.position();
        while (sizeEnd < lineEnd && buf.get(sizeEnd) != ';' && buf.get(sizeEnd) != ' ') {
            sizeEnd++; // a chunk extension may follow the size
        }
        remaining = parseLong(buf.position(), sizeEnd, 16);
        buf.position(lineEnd + 2);
        state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
        return true;
    }

    /** Hands the sink what the buffer holds of the body part still {@link #remaining}. */
    private void deliver() {
        int take = (int) Math.min(remaining, buf.remaining());
        if (take > 0) {
            sink.accept(buf, buf.position(), take);
            buf.position(buf.position() + take);
            remaining -= take;
        }
    }

    /** The index of the CR ending the line at the position, or -1 (more bytes needed). */
    private int lineEnd() throws IOException {
        int i = indexOf(buf.position(), "\r\n");
        if (i < 0) {
            checkRoom();
        }
        return i;
    }

    /** A head or line that fills the whole buffer can never be completed. */
    private void checkRoom() throws IOException {
        if (buf.remaining() == buf.capacity()) {
            throw new IOException("response line or head longer than " + buf.capacity() + " bytes");
        }
    }

    private int indexOf(int from, String s) {
        int last = buf.limit() - s.length();
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < s.length(); j++) {
                if (buf.get(i + j) != s.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private int digit(int i) throws IOException {
        int d = buf.get(i) - '0';
        if (d < 0 || d > 9) {
            throw new IOException("bad status code in " + ascii(buf.position(), i + 1));
        }
        return d;
    }

    private long parseLong(int from, int to, int radix) throws IOException {
        if (from == to || to - from > 15) {
            throw new IOException("bad number '" + ascii(from, to) + "'");
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(buf.get(i), radix);
            if (d < 0) {
                throw new IOException("bad number '" + ascii(from, to) + "'");
            }
            n = n * radix + d;
        }
        return n;
    }

    private boolean equalsIgnoreCase(int from, int to, byte[] lower) {
        if (to - from != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            if ((buf.get(from + i) | 0x20) != lower[i]) { // ASCII letters and '-' (0x2D has 0x20 set) only
                return false;
            }
        }
        return true;
    }

    private boolean containsIgnoreCase(int from, int to, byte[] lower) {
        for (int i = from; i + lower.length <= to; i++) {
            if (equalsIgnoreCase(i, i + lower.length, lower)) {
                return true;
            }
        }
        return false;
    }

    private String ascii(int from, int to) {
        byte[] b = new byte[Math.max(0, to - from)];
        buf.get(from, b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
