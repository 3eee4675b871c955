package dev.cairn.storage.drive;

import dev.cairn.storage.meta.ObjectMeta;
import dev.cairn.storage.meta.ObjectVersion;

import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/** A {@link Drive} that forwards every call; decorators override what they change. */
public abstract class ForwardingDrive implements Drive {
    protected final Drive delegate;

    protected ForwardingDrive(Drive delegate) {
        this.delegate = delegate;
    }

    public Drive delegate() {
        return delegate;
    }

    @Override
    public String endpoint() {
        return delegate.endpoint();
    }

    @Override
    public boolean isOnline() {
        return delegate.isOnline();
    }

    @Override
    public DriveInfo info() {
        return delegate.info();
    }

    @Override
    public void makeVolume(String volume) {
        delegate.makeVolume(volume);
    }

    @Override
    public VolumeInfo statVolume(String volume) {
        return delegate.statVolume(volume);
    }

    @Override
    public List<VolumeInfo> listVolumes() {
        return delegate.listVolumes();
    }

    @Override
    public void deleteVolume(String volume, boolean force) {
        delegate.deleteVolume(volume, force);
    }

    @Override
    public ShardWriter createFile(String volume, String path) {
        return delegate.createFile(volume, path);
    }

    @Override
    public InputStream readFileStream(String volume, String path, long offset, long length) {
        return delegate.readFileStream(volume, path, offset, length);
    }

    @Override
    public long fileSize(String volume, String path) {
        return delegate.fileSize(volume, path);
    }

    @Override
    public byte[] readAll(String volume, String path) {
        return delegate.readAll(volume, path);
    }

    @Override
    public void writeAll(String volume, String path, byte[] content) {
        delegate.writeAll(volume, path, content);
    }

    @Override
    public void renameFile(String srcVolume, String srcPath, String dstVolume, String dstPath) {
        delegate.renameFile(srcVolume, srcPath, dstVolume, dstPath);
    }

    @Override
    public void delete(String volume, String path, boolean recursive) {
        delegate.delete(volume, path, recursive);
    }

    @Override
    public List<String> listDir(String volume, String path) {
        return delegate.listDir(volume, path);
    }

    @Override
    public ObjectMeta readMeta(String volume, String path) {
        return delegate.readMeta(volume, path);
    }

    @Override
    public ObjectVersion readVersion(String volume, String path, UUID versionId) {
        return delegate.readVersion(volume, path, versionId);
    }

    @Override
    public RenameResult renameData(String srcVolume, String srcPath, ObjectVersion version, String dstVolume,
                                   String dstPath) {
        return delegate.renameData(srcVolume, srcPath, version, dstVolume, dstPath);
    }

    @Override
    public RenameResult writeVersion(String volume, String path, ObjectVersion version) {
        return delegate.writeVersion(volume, path, version);
    }

    @Override
    public void updateMetadata(String volume, String path, ObjectVersion version) {
        delegate.updateMetadata(volume, path, version);
    }

    @Override
    public void deleteVersion(String volume, String path, UUID versionId) {
        delegate.deleteVersion(volume, path, versionId);
    }

    @Override
    public void restoreMeta(String volume, String path, byte[] previousMeta) {
        delegate.restoreMeta(volume, path, previousMeta);
    }

    @Override
    public Iterator<WalkEntry> walk(String volume, String prefix, String after) {
        return delegate.walk(volume, prefix, after);
    }

    @Override
    public void checkParts(String volume, String path, ObjectVersion version, long[] expectedSizes) {
        delegate.checkParts(volume, path, version, expectedSizes);
    }
}
