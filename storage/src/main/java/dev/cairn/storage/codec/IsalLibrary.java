package dev.cairn.storage.codec;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The two ISA-L functions Cairn calls, bound through the FFM API (no JNI, no native code of our own).
 * Loading is attempted once, when this class initialises; on any failure the class stays usable and
 * {@link #available()} is false with {@link #failure()} saying why.
 *
 * <p>The library is {@code libisal.so.2} (Debian package {@code libisal2}) found by the dynamic linker, or the
 * path in system property {@code cairn.isal.library}. We only ever pass our own coefficient rows to ISA-L;
 * its matrix generators are not used, because our matrix is the on-disk format.
 */
final class IsalLibrary {

    static final String LIBRARY_PROPERTY = "cairn.isal.library";
    private static final String DEFAULT_LIBRARY = "libisal.so.2";

    /** {@code void ec_init_tables(int k, int rows, unsigned char *a, unsigned char *gftbls)}. */
    private static final MethodHandle EC_INIT_TABLES;
    /** {@code void ec_encode_data(int len, int k, int rows, unsigned char *gftbls, unsigned char **data,
     * unsigned char **coding)}. */
    private static final MethodHandle EC_ENCODE_DATA;
    private static final String FAILURE;

    static {
        MethodHandle init = null;
        MethodHandle encode = null;
        String failure = null;
        String library = System.getProperty(LIBRARY_PROPERTY, DEFAULT_LIBRARY);
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup lookup = SymbolLookup.libraryLookup(library, Arena.global());
            init = linker.downcallHandle(lookup.findOrThrow("ec_init_tables"), FunctionDescriptor.ofVoid(
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            encode = linker.downcallHandle(lookup.findOrThrow("ec_encode_data"), FunctionDescriptor.ofVoid(
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        } catch (Throwable e) {
            // Any linkage problem (missing library or symbol, native access denied) means "not available".
            init = null;
            encode = null;
            failure = "cannot load ISA-L from " + library + ": " + e;
        }
        EC_INIT_TABLES = init;
        EC_ENCODE_DATA = encode;
        FAILURE = failure;
    }

    private IsalLibrary() {
    }

    static boolean available() {
        return FAILURE == null;
    }

    /** Why ISA-L is unavailable, or null when it is available. */
    static String failure() {
        return FAILURE;
    }

    /** Expands {@code rows × k} coefficients (row-major, native memory) into ISA-L's 32·k·rows byte tables. */
    static void initTables(int k, int rows, MemorySegment coefficients, MemorySegment tables) {
        requireAvailable();
        try {
            EC_INIT_TABLES.invokeExact(k, rows, coefficients, tables);
        } catch (Throwable e) {
            throw new IllegalStateException("ec_init_tables failed", e);
        }
    }

    /** {@code coding[r] = sum over j of a[r][j] * data[j]} for {@code len} bytes, with tables from initTables. */
    static void encodeData(int len, int k, int rows, MemorySegment tables, MemorySegment dataPointers,
                           MemorySegment codingPointers) {
        requireAvailable();
        try {
            EC_ENCODE_DATA.invokeExact(len, k, rows, tables, dataPointers, codingPointers);
        } catch (Throwable e) {
            throw new IllegalStateException("ec_encode_data failed", e);
        }
    }

    private static void requireAvailable() {
        if (FAILURE != null) {
            throw new IllegalStateException(FAILURE);
        }
    }
}
