package dev.cairn.storage.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.storage.codec.CodecFixtures.Shape;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsalCodecTest {

    /**
     * ISA-L ships its own matrix generators; using one by mistake would silently write a different format.
     * Our IsalCodec's parity must be what OUR matrix gives and must differ from what either of ISA-L's gives.
     */
    @ParameterizedTest(name = "{0}+{1}")
    @CsvSource({"4,2", "12,4", "10,6"})
    void parityComesFromOurMatrixNotIsalsOwn(int k, int m) throws Throwable {
        assumeTrue(IsalCodec.isAvailable(), "ISA-L not installed: " + IsalCodec.unavailableReason());
        byte[][] data = CodecFixtures.randomShards(k, 256, 99);
        byte[][] ours = EncodeEquivalenceTest.encode(new IsalCodec(k, m), data, Shape.HEAP, Shape.HEAP);
        byte[][] expected = CodecFixtures.definitionParity(data, m);
        for (String generator : new String[] {"gf_gen_rs_matrix", "gf_gen_cauchy1_matrix"}) {
            byte[][] theirs = encodeWith(isalParityRows(generator, k, m), data);
            for (int p = 0; p < m; p++) {
                assertArrayEquals(expected[p], ours[p], "parity " + p + " is not from EncodeMatrix");
            }
            assertFalse(Arrays.deepEquals(ours, theirs), "parity equals what ISA-L's " + generator + " gives");
        }
    }

    @Test
    void unloadableLibraryMeansUnavailableNotAnException() throws Exception {
        URL classes = IsalCodec.class.getProtectionDomain().getCodeSource().getLocation();
        System.setProperty(IsalLibrary.LIBRARY_PROPERTY, "/nonexistent/libisal.so.2");
        System.setProperty(Codecs.PROPERTY, "isal");
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> isal = Class.forName(IsalCodec.class.getName(), true, isolated);
            assertEquals(false, isal.getMethod("isAvailable").invoke(null));
            String reason = (String) isal.getMethod("unavailableReason").invoke(null);
            assertTrue(reason.contains("/nonexistent/libisal.so.2"), reason);
            Class<?> codecs = Class.forName(Codecs.class.getName(), true, isolated);
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> codecs.getMethod("create", int.class, int.class).invoke(null, 4, 2));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("codec 'isal' is not available"), e.getCause().getMessage());
        } finally {
            System.clearProperty(IsalLibrary.LIBRARY_PROPERTY);
            System.clearProperty(Codecs.PROPERTY);
        }
    }

    /** The parity rows ISA-L's own generator produces for (k, m): rows k..k+m-1 of its (k+m)×k matrix. */
    private static byte[][] isalParityRows(String generator, int k, int m) throws Throwable {
        Linker linker = Linker.nativeLinker();
        SymbolLookup isal = SymbolLookup.libraryLookup("libisal.so.2", Arena.global());
        MethodHandle gen = linker.downcallHandle(isal.findOrThrow(generator), FunctionDescriptor.ofVoid(
                ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment matrix = arena.allocate((long) (k + m) * k);
            gen.invokeExact(matrix, k + m, k);
            byte[][] rows = new byte[m][];
            for (int p = 0; p < m; p++) {
                rows[p] = matrix.asSlice((long) (k + p) * k, k).toArray(ValueLayout.JAVA_BYTE);
            }
            return rows;
        }
    }

    private static byte[][] encodeWith(byte[][] parityRows, byte[][] data) {
        byte[][] parity = new byte[parityRows.length][data[0].length];
        for (int p = 0; p < parityRows.length; p++) {
            for (int c = 0; c < data.length; c++) {
                for (int i = 0; i < data[c].length; i++) {
                    parity[p][i] ^= (byte) GaloisField.mul(parityRows[p][c] & 0xFF, data[c][i] & 0xFF);
                }
            }
        }
        return parity;
    }
}
