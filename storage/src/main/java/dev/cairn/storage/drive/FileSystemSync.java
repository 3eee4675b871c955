package dev.cairn.storage.drive;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Linux {@code syncfs(2)} through the FFM API: makes every completed write, rename and unlink on one file system
 * durable with one call. The meta journal's checkpoint needs exactly that (thousands of in-place metadata files
 * written without their own syncs); per-file {@code fsync} of each would cost what the journal saves.
 * Absent (not Linux, or no libc symbol): the drive keeps syncing every metadata write itself.
 */
final class FileSystemSync {

    private static final int O_RDONLY = 0;
    private static final int O_DIRECTORY = 0x10000;
    private static final int O_CLOEXEC = 0x80000;

    private static final Optional<FileSystemSync> INSTANCE = load();

    private final MethodHandle open;
    private final MethodHandle syncfs;
    private final MethodHandle close;

    private FileSystemSync(MethodHandle open, MethodHandle syncfs, MethodHandle close) {
        this.open = open;
        this.syncfs = syncfs;
        this.close = close;
    }

    /** The syncer, when this platform has {@code syncfs}. */
    static Optional<FileSystemSync> get() {
        return INSTANCE;
    }

    private static Optional<FileSystemSync> load() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")
                || Boolean.getBoolean("cairn.drive.noJournal")) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            var libc = linker.defaultLookup();
            Linker.Option errno = Linker.Option.captureCallState("errno");
            MethodHandle open = linker.downcallHandle(libc.findOrThrow("open"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                    Linker.Option.firstVariadicArg(2), errno);
            MethodHandle syncfs = linker.downcallHandle(libc.findOrThrow("syncfs"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), errno);
            MethodHandle close = linker.downcallHandle(libc.findOrThrow("close"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            return Optional.of(new FileSystemSync(open, syncfs, close));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Syncs the file system that holds {@code dir}; fails with the errno when the kernel reports an error. */
    void sync(Path dir) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            MemorySegment path = arena.allocateFrom(dir.toString());
            int fd = (int) open.invokeExact(state, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (fd < 0) {
                throw new IOException("open " + dir + " failed, errno " + errno(state));
            }
            try {
                int rc = (int) syncfs.invokeExact(state, fd);
                if (rc != 0) {
                    throw new IOException("syncfs " + dir + " failed, errno " + errno(state));
                }
            } finally {
                int ignored = (int) close.invokeExact(fd);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("syncfs " + dir + ": " + t, t);
        }
    }

    private static int errno(MemorySegment state) {
        return state.get(ValueLayout.JAVA_INT,
                Linker.Option.captureStateLayout().byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno")));
    }
}
