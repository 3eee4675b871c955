package dev.cairn.bench.load.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 responses, one after the other, from a channel through one reused buffer: the head is parsed in
 * place (no header strings but the ETag), the body is framed by {@code Content-Length}, chunked encoding or the end
 * of the stream, and handed to a {@link BodySink} without copying. Unread bytes are always
 * {@code [position, limit)} of the buffer. Not thread-safe.
 */
final class ResponseReader {
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] ETAG = ascii("etag");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private final ReadableByteChannel channel;
    private final ByteBuffer buf;
    private boolean started; // a byte of the current response has arrived

    // The current response's head.
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean keepAlive;
    private String etag;

    ResponseReader(ReadableByteChannel channel, ByteBuffer buf) {
        this.channel = channel;
        this.buf = buf.order(ByteOrder.LITTLE_ENDIAN);
        buf.clear().flip(); // nothing unread
    }

    /** Whether any byte of the response being read has arrived (a request that got none may be resent). */
    boolean started() {
        return started;
    }

    /** Whether the connection may carry another request after the response just read. */
    boolean keepAlive() {
        return keepAlive;
    }

    /**
     * Reads a whole response to the request just sent: its head, then its body into {@code sink}.
     *
     * @param headMethod the request was a HEAD: no body follows whatever the headers say
     */
    Response read(boolean headMethod, BodySink sink) throws IOException {
        started = buf.hasRemaining();
        do {
            readHead();
        } while (status >= 100 && status < 200); // interim responses (100 Continue) precede the real one
        sink.start(status);
        if (headMethod || status == 204 || status == 304) {
            return response();
        }
        if (chunked) {
            readChunked(sink);
        } else if (contentLength >= 0) {
            deliver(contentLength, sink);
        } else {
            deliverToEnd(sink);
            keepAlive = false;
        }
        return response();
    }

    private Response response() {
        return new Response(status, etag);
    }

    private void readHead() throws IOException {
        int end;
        while ((end = indexOf(buf.position(), "\r\n\r\n")) < 0) {
            more();
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

    private void readChunked(BodySink sink) throws IOException {
        while (true) {
            int lineEnd = lineEnd();
            int sizeEnd = buf.position();
            while (sizeEnd < lineEnd && buf.get(sizeEnd) != ';' && buf.get(sizeEnd) != ' ') {
                sizeEnd++; // a chunk extension may follow the size
            }
            long size = parseLong(buf.position(), sizeEnd, 16);
            buf.position(lineEnd + 2);
            if (size == 0) {
                while (lineEnd() != buf.position()) { // trailer fields, ignored, up to the blank line
                    buf.position(lineEnd() + 2);
                }
                buf.position(buf.position() + 2);
                return;
            }
            deliver(size, sink);
            if (lineEnd() != buf.position()) {
                throw new IOException("chunk of " + size + " bytes not followed by CRLF");
            }
            buf.position(buf.position() + 2);
        }
    }

    /** Hands the next {@code n} body bytes to the sink, reading no further than them. */
    private void deliver(long n, BodySink sink) throws IOException {
        while (n > 0) {
            if (!buf.hasRemaining()) {
                buf.clear().limit((int) Math.min(buf.capacity(), n));
                if (channel.read(buf) < 0) {
                    throw new EOFException("connection closed with " + n + " body bytes to come");
                }
                buf.flip();
            }
            int take = (int) Math.min(n, buf.remaining());
            sink.accept(buf, buf.position(), take);
            buf.position(buf.position() + take);
            n -= take;
        }
    }

    private void deliverToEnd(BodySink sink) throws IOException {
        while (true) {
            if (buf.hasRemaining()) {
                sink.accept(buf, buf.position(), buf.remaining());
            }
            buf.clear();
            if (channel.read(buf) < 0) {
                buf.flip();
                return;
            }
            buf.flip();
        }
    }

    /** The index of the CR ending the line at the position, reading more until the line is whole. */
    private int lineEnd() throws IOException {
        int i;
        while ((i = indexOf(buf.position(), "\r\n")) < 0) {
            more();
        }
        return i;
    }

    /** Reads more bytes after the unread ones (moved to the front first). */
    private void more() throws IOException {
        if (buf.remaining() == buf.capacity()) {
            throw new IOException("response line or head longer than " + buf.capacity() + " bytes");
        }
        buf.compact();
        int n = channel.read(buf);
        buf.flip();
        if (n < 0) {
            throw new EOFException(started ? "connection closed in a response head" : "connection closed");
        }
        started = true;
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
