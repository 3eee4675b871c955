package dev.cairn.storage.api.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Streams a {@code multipart/form-data} body part by part: small fields are read into strings, a file part is
 * handed out as a stream that ends at the next boundary, so a form upload is never held in memory. At most one
 * buffer (64 KiB plus the delimiter) is kept.
 *
 * <p>Malformed input (no boundary, a part without a name, headers over 8 KiB, a body that ends inside a part) is
 * an {@link IllegalArgumentException}; the caller maps it to MalformedPOSTRequest.
 */
public final class MultipartFormReader {
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 8 * 1024;

    /** One part's headers: its field name, and for a file the file name and content type. */
    public record Part(String name, String filename, String contentType) {
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;
    private boolean partOpen;
    private boolean finished;

    public MultipartFormReader(InputStream in, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            throw new IllegalArgumentException("a multipart/form-data body needs a boundary");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[BUFFER + delimiter.length];
        // the first delimiter has no leading CRLF: pretend it had one, so every delimiter looks alike
        buf[0] = '\r';
        buf[1] = '\n';
        lim = 2;
        partOpen = true; // the preamble is an unnamed "part" to skip
    }

    /** The boundary parameter of a {@code multipart/form-data} Content-Type, or null when it is not one. */
    public static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring(9).trim();
                return b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b;
            }
        }
        return null;
    }

    /** The next part's headers, or null after the last part. Skips what is left of the current part. */
    public Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (partOpen) {
            byte[] skip = new byte[8192];
            while (readBody(skip, 0, skip.length) >= 0) {
                // discard the rest of the part
            }
        }
        ensure(2);
        if (lim - pos < 2) {
            throw new IllegalArgumentException("the form ends without its closing boundary");
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return null;
        }
        if (buf[pos] != '\r' || buf[pos + 1] != '\n') {
            throw new IllegalArgumentException("malformed boundary line");
        }
        pos += 2;
        Part part = readHeaders();
        partOpen = true;
        return part;
    }

    /** The current part's value as UTF-8, at most {@code max} bytes (more is an IllegalArgumentException). */
    public String value(int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[4096];
        for (int n; (n = readBody(b, 0, b.length)) >= 0; ) {
            out.write(b, 0, n);
            if (out.size() > max) {
                throw new IllegalArgumentException("a form field is larger than " + max + " bytes");
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The current part's body as a stream ending at the next boundary. */
    public InputStream body() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : readBody(b, off, len);
            }
        };
    }

    private int readBody(byte[] b, int off, int len) throws IOException {
        if (!partOpen) {
            return -1;
        }
        ensure(delimiter.length);
        int at = indexOf(delimiter, pos, lim);
        if (at == pos) {
            pos += delimiter.length;
            partOpen = false;
            return -1;
        }
        int available = at >= 0 ? at - pos : lim - pos - (delimiter.length - 1);
        if (available <= 0) {
            if (eof) {
                throw new IllegalArgumentException("the form ends inside a part");
            }
            ensure(lim - pos + 1);
            return readBody(b, off, len);
        }
        int n = Math.min(len, available);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    private Part readHeaders() throws IOException {
        String name = null;
        String filename = null;
        String contentType = null;
        int total = 0;
        while (true) {
            String line = readLine();
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new IllegalArgumentException("part headers over " + MAX_HEADER_BYTES + " bytes");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String v = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                name = param(v, "name");
                filename = param(v, "filename");
            } else if (header.equals("content-type")) {
                contentType = v;
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("a form part without a name");
        }
        return new Part(name, filename, contentType);
    }

    private static String param(String disposition, String key) {
        for (String p : disposition.split(";")) {
            String t = p.trim();
            int eq = t.indexOf('=');
            if (eq > 0 && t.substring(0, eq).trim().equalsIgnoreCase(key)) {
                String v = t.substring(eq + 1).trim();
                return v.startsWith("\"") && v.endsWith("\"") && v.length() > 1 ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            ensure(2);
            if (lim - pos < 2) {
                throw new IllegalArgumentException("the form ends inside part headers");
            }
            if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
                pos += 2;
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(buf[pos++]);
            if (line.size() > MAX_HEADER_BYTES) {
                throw new IllegalArgumentException("a part header line over " + MAX_HEADER_BYTES + " bytes");
            }
        }
    }

    /** Makes at least {@code n} bytes available from {@code pos} unless the body ends first. */
    private void ensure(int n) throws IOException {
        if (lim - pos >= n || eof) {
            return;
        }
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
        while (lim < n && !eof) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
            } else {
                lim += r;
            }
        }
    }

    private int indexOf(byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buf[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
