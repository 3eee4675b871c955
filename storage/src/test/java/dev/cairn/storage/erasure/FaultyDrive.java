package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.DriveError;
import dev.cairn.storage.drive.DriveException;
import dev.cairn.storage.drive.ForwardingDrive;
import dev.cairn.storage.drive.RenameResult;
import dev.cairn.storage.drive.ShardWriter;
import dev.cairn.storage.meta.ObjectMeta;
import dev.cairn.storage.meta.ObjectVersion;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A drive whose failures a test switches on and off: gone (offline), throwing on every call, full, returning
 * corrupted bytes from shard reads, failing only commits, or slow.
 */
final class FaultyDrive extends ForwardingDrive {

    enum Fault { NONE, OFFLINE, THROWING, FULL, CORRUPT_READS, FAIL_COMMIT, SLOW }

    private volatile Fault fault = Fault.NONE;
    final AtomicInteger commits = new AtomicInteger();

    FaultyDrive(Drive delegate) {
        super(delegate);
    }

    FaultyDrive set(Fault f) {
        fault = f;
        return this;
    }

    Fault fault() {
        return fault;
    }

    private void check() {
        switch (fault) {
            case OFFLINE -> throw new DriveException(DriveError.DRIVE_OFFLINE, "test: offline");
            case THROWING -> throw new DriveException(DriveError.FAULTY, "test: I/O error");
            case SLOW -> {
                try {
                    Thread.sleep(20); // a slow disk, not a wait for a condition
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> { }
        }
    }

    @Override
    public boolean isOnline() {
        return fault != Fault.OFFLINE && super.isOnline();
    }

    @Override
    public ShardWriter createFile(String volume, String path) {
        check();
        if (fault == Fault.FULL) {
            throw new DriveException(DriveError.DISK_FULL, "test: full");
        }
        ShardWriter w = super.createFile(volume, path);
        return new ShardWriter() {
            @Override
            public void write(ByteBuffer buf) {
                check();
                if (fault == Fault.FULL) {
                    throw new DriveException(DriveError.DISK_FULL, "test: full");
                }
                w.write(buf);
            }

            @Override
            public void close() {
                check();
                w.close();
            }

            @Override
            public void abort() {
                w.abort();
            }
        };
    }

    @Override
    public InputStream readFileStream(String volume, String path, long offset, long length) {
        check();
        InputStream in = super.readFileStream(volume, path, offset, length);
        if (fault != Fault.CORRUPT_READS) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    b[off + n / 2] ^= 0x5a;
                }
                return n;
            }
        };
    }

    @Override
    public ObjectMeta readMeta(String volume, String path) {
        check();
        return super.readMeta(volume, path);
    }

    @Override
    public RenameResult renameData(String srcVolume, String srcPath, ObjectVersion version, String dstVolume,
                                   String dstPath) {
        check();
        if (fault == Fault.FAIL_COMMIT || fault == Fault.FULL) {
            throw new DriveException(fault == Fault.FULL ? DriveError.DISK_FULL : DriveError.FAULTY, "test: commit");
        }
        commits.incrementAndGet();
        return super.renameData(srcVolume, srcPath, version, dstVolume, dstPath);
    }

    @Override
    public RenameResult writeVersion(String volume, String path, ObjectVersion version) {
        check();
        return super.writeVersion(volume, path, version);
    }

    @Override
    public void deleteVersion(String volume, String path, java.util.UUID versionId) {
        check();
        super.deleteVersion(volume, path, versionId);
    }

    @Override
    public void makeVolume(String volume) {
        check();
        super.makeVolume(volume);
    }

    @Override
    public dev.cairn.storage.drive.VolumeInfo statVolume(String volume) {
        check();
        return super.statVolume(volume);
    }

    @Override
    public java.util.Iterator<dev.cairn.storage.drive.WalkEntry> walk(String volume, String prefix, String after) {
        check();
        return super.walk(volume, prefix, after);
    }
}
