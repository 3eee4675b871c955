package dev.cairn.bench.load.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Responses arriving in pieces of every size, from one byte at a time to all at once, so every header, chunk line
 * and body boundary falls across reads somewhere.
 */
class ResponseParserTest {

    /** A response stream fed to a parser at most {@code piece} bytes at a time, as a non-blocking read would. */
    private static final class Feed {
        final byte[] bytes;
        final int piece;
        final ByteBuffer buf = ByteBuffer.allocateDirect(1024);
        final ResponseParser parser = new ResponseParser(buf);
        int pos;

        Feed(String wire, int piece) {
            this.bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
            this.piece = piece;
            buf.flip(); // nothing unread
        }

        Response read(boolean headMethod, BodySink sink) throws IOException {
            parser.expect(headMethod, sink);
            while (!parser.parse()) {
                if (pos == bytes.length) {
                    if (parser.endOfStream()) {
                        break;
                    }
                }
                buf.compact();
                int n = Math.min(Math.min(piece, buf.remaining()), bytes.length - pos);
                buf.put(bytes, pos, n);
                pos += n;
                buf.flip();
            }
            return parser.response();
        }

        boolean keepAlive() {
            return parser.keepAlive();
        }

        boolean started() {
            return parser.started();
        }
    }

    /** Collects bodies as text, checking the sink contract on the way. */
    private static final class Collect implements BodySink {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = -1;

        @Override
        public void start(int status) {
            this.status = status;
            body.reset();
        }

        @Override
        public void accept(ByteBuffer buf, int from, int length) {
            int position = buf.position();
            byte[] b = new byte[length];
            buf.get(from, b);
            body.writeBytes(b);
            assertEquals(position, buf.position());
        }

        String text() {
            return body.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static Feed reader(String wire, int piece) {
        return new Feed(wire, piece);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 64, 4096})
    void keepAliveResponsesFramedByLengthAndChunks(int piece) throws IOException {
        String body = "x".repeat(2000); // longer than the buffer: delivered over several reads
        Feed r = reader("HTTP/1.1 200 OK\r\nContent-Length: 2000\r\nETag: \"abc\"\r\n\r\n" + body
                + "HTTP/1.1 200 OK\r\ntransfer-encoding:  Chunked \r\n\r\n"
                + "5;ext=1\r\nhello\r\n7d0\r\n" + body + "\r\n0\r\nX-Trailer: t\r\n\r\n"
                + "HTTP/1.1 404 Not Found\r\nCONTENT-LENGTH: 3\r\n\r\nend", piece);
        Collect c = new Collect();

        Response first = r.read(false, c);
        assertEquals(new Response(200, "\"abc\""), first);
        assertEquals(body, c.text());
        assertTrue(r.keepAlive());

        assertEquals(new Response(200, null), r.read(false, c));
        assertEquals("hello" + body, c.text());

        assertEquals(404, r.read(false, c).status());
        assertEquals("end", c.text());
        assertEquals(404, c.status);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 4096})
    void headAnd204AndInterimResponsesHaveNoBody(int piece) throws IOException {
        Feed r = reader("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n"
                + "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", piece);
        Collect c = new Collect();
        assertEquals(200, r.read(true, c).status());
        assertEquals("", c.text());
        assertEquals(204, r.read(false, c).status());
        assertEquals(200, r.read(false, c).status());
        assertEquals("ok", c.text());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4096})
    void closeDelimitedAndHttp10ResponsesEndTheConnection(int piece) throws IOException {
        Collect c = new Collect();
        Feed toEnd = reader("HTTP/1.1 200 OK\r\nServer: x\r\n\r\nuntil the end", piece);
        toEnd.read(false, c);
        assertEquals("until the end", c.text());
        assertFalse(toEnd.keepAlive());

        Feed close = reader("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", piece);
        close.read(false, c);
        assertFalse(close.keepAlive());

        Feed http10 = reader("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", piece);
        http10.read(false, c);
        assertFalse(http10.keepAlive());

        Feed http10KeepAlive = reader("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\n"
                + "Content-Length: 0\r\n\r\n", piece);
        http10KeepAlive.read(false, c);
        assertTrue(http10KeepAlive.keepAlive());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4096})
    void truncatedResponsesFailAndSayWhetherAnythingArrived(int piece) {
        Feed nothing = reader("", piece);
        assertThrows(EOFException.class, () -> nothing.read(false, new Collect()));
        assertFalse(nothing.started(), "nothing arrived: the request may be sent again");

        Feed shortBody = reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", piece);
        assertThrows(EOFException.class, () -> shortBody.read(false, new Collect()));
        assertTrue(shortBody.started());

        Feed shortChunk = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\r\nabc", piece);
        assertThrows(EOFException.class, () -> shortChunk.read(false, new Collect()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SSH-2.0-OpenSSH_9.2\r\n\r\n",
        "HTTP/1.1 2x0 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n0\r\n\r\n",
    })
    void malformedResponsesFail(String wire) {
        IOException e = assertThrows(IOException.class, () -> reader(wire, 4096).read(false, new Collect()));
        assertFalse(e instanceof EOFException, e.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4096})
    void aHeadLargerThanTheBufferFails(int piece) {
        String wire = "HTTP/1.1 200 OK\r\nX-Big: " + "b".repeat(2000) + "\r\nContent-Length: 0\r\n\r\n";
        IOException e = assertThrows(IOException.class, () -> reader(wire, piece).read(false, new Collect()));
        assertTrue(e.getMessage().contains("longer than 1024"), e.getMessage());
    }
}
