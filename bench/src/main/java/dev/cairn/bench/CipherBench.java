package dev.cairn.bench;

import java.security.GeneralSecurityException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Streaming authenticated encryption for server-side encryption, as an SSE layer would run it: a 1 MiB object
 * sealed in {@code packet}-sized packages, each its own AEAD message with a fresh nonce (so a range read decrypts
 * only the packages it touches), through a reused cipher into a reused output buffer. AES-256-GCM (AES-NI and
 * carry-less multiply intrinsics) against ChaCha20-Poly1305 (pure Java). The {@code :bytes} rows are bytes per
 * second; the plain rows are objects per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class CipherBench {

    private static final int OBJECT = 1 << 20;
    private static final int TAG = 16;

    @State(Scope.Thread)
    public static class Input {
        @Param({"AES-256-GCM", "ChaCha20-Poly1305"})
        public String algorithm;

        @Param({"65536"})
        public int packet;

        byte[] plain;
        byte[] sealed;
        byte[] opened;
        Cipher cipher;
        SecretKeySpec key;
        byte[] nonce = new byte[12];
        long counter;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException {
            plain = new byte[OBJECT];
            new Random(OBJECT).nextBytes(plain);
            byte[] keyBytes = new byte[32];
            new Random(32).nextBytes(keyBytes);
            boolean aes = algorithm.startsWith("AES");
            key = new SecretKeySpec(keyBytes, aes ? "AES" : "ChaCha20");
            cipher = Cipher.getInstance(aes ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305");
            int packets = OBJECT / packet;
            sealed = new byte[OBJECT + packets * TAG];
            opened = new byte[OBJECT];
            seal(this); // sealed[] holds a valid object for the open benchmark
        }

        /** A nonce never used before with this key: a counter in its last 8 bytes, as a real stream would number them. */
        void nextNonce() {
            long n = ++counter;
            for (int i = 0; i < 8; i++) {
                nonce[11 - i] = (byte) (n >>> (8 * i));
            }
        }

        void init(int mode, byte[] iv) throws GeneralSecurityException {
            if (algorithm.startsWith("AES")) {
                cipher.init(mode, key, new GCMParameterSpec(TAG * 8, iv));
            } else {
                cipher.init(mode, key, new IvParameterSpec(iv));
            }
        }
    }

    /** Bytes sealed or opened; reported by JMH as a rate, i.e. bytes per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    private static int seal(Input in) throws GeneralSecurityException {
        int out = 0;
        for (int off = 0; off < OBJECT; off += in.packet) {
            in.nextNonce();
            in.init(Cipher.ENCRYPT_MODE, in.nonce);
            out += in.cipher.doFinal(in.plain, off, in.packet, in.sealed, out);
        }
        return out;
    }

    @Benchmark
    public int seal(Input in, Bytes counter) throws GeneralSecurityException {
        counter.bytes += OBJECT;
        return seal(in);
    }

    @Benchmark
    public int open(Input in, Bytes counter) throws GeneralSecurityException {
        counter.bytes += OBJECT;
        // every package was sealed with nonces 1..n of the set-up; opening re-derives them the same way
        int out = 0;
        int in0 = 0;
        byte[] iv = new byte[12];
        for (long n = 1; in0 < in.sealed.length; n++) {
            for (int i = 0; i < 8; i++) {
                iv[11 - i] = (byte) (n >>> (8 * i));
            }
            in.init(Cipher.DECRYPT_MODE, iv);
            out += in.cipher.doFinal(in.sealed, in0, in.packet + TAG, in.opened, out);
            in0 += in.packet + TAG;
        }
        return out;
    }
}
