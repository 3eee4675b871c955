package dev.cairn.storage.erasure;

import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.ObjectStream;
import dev.cairn.storage.object.PutOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves streaming: an object several times larger than this JVM's heap (the POM runs this class alone with
 * -Xmx128m) goes through put and get, and its MD5 survives the round trip.
 */
class ObjectBeyondHeapTest {

    @TempDir
    Path dir;

    /** Pseudo-random bytes from a seed, generated as they are read; never held whole. */
    static final class Generated extends InputStream {
        private long remaining;
        private long state;
        final MessageDigest md5;

        Generated(long size, long seed) throws Exception {
            remaining = size;
            state = seed;
            md5 = MessageDigest.getInstance("MD5");
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            md5.update(b, off, n);
            remaining -= n;
            return n;
        }
    }

    @Test
    void anObjectLargerThanTheHeapGoesThroughPutAndGet() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        long size = Math.max(3 * heap, 384L << 20);
        assertTrue(size > heap, "the object must exceed the heap");
        try (TestSets t = new TestSets(dir, 4, 2)) {
            t.layer.makeBucket("bucket");
            Generated body = new Generated(size, 42);
            ObjectInfo info = t.layer.putObject("bucket", "big", body, size, PutOptions.defaults());
            String sent = HexFormat.of().formatHex(body.md5.digest());
            assertEquals(sent, info.etag());
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            long read = 0;
            byte[] buf = new byte[1 << 16];
            try (ObjectStream s = t.layer.getObject("bucket", "big", null, null)) {
                for (int n; (n = s.body().read(buf)) > 0; ) {
                    md5.update(buf, 0, n);
                    read += n;
                }
            }
            assertEquals(size, read);
            assertEquals(sent, HexFormat.of().formatHex(md5.digest()));
        }
    }
}
