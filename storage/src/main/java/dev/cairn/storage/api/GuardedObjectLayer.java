package dev.cairn.storage.api;

import dev.cairn.storage.object.ForwardingObjectLayer;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.ObjectLayer;
import dev.cairn.storage.object.ObjectStream;
import dev.cairn.storage.object.RangeSpec;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The ObjectLayer a handler gets when whether its caller may read an object is known only once the object is
 * read: an object's ACL lives in its version's metadata, so the check happens on the read the handler makes
 * anyway, not on an extra one before it. Every {@code getObjectInfo} and {@code getObject} of a guarded key checks
 * the version it returns and answers AccessDenied (closing the stream) when the caller may not have it.
 *
 * <p>A key that does not exist is NoSuchKey only to callers who may list the bucket; others get AccessDenied, as
 * in S3, so that a caller without list permission cannot probe for names.
 */
final class GuardedObjectLayer extends ForwardingObjectLayer {

    /**
     * One guarded key.
     *
     * @param allowed   whether the caller may have a version (always true when a policy or ownership already
     *                  allowed the request; then only the missing-key rule applies)
     * @param mayList   whether the caller may learn that the key does not exist; asked only then
     */
    record Target(String bucket, String key, Predicate<ObjectInfo> allowed, BooleanSupplier mayList) {
    }

    private final List<Target> targets;

    GuardedObjectLayer(ObjectLayer delegate, List<Target> targets) {
        super(delegate);
        this.targets = List.copyOf(targets);
    }

    @Override
    public ObjectInfo getObjectInfo(String bucket, String key, String versionId) {
        Target t = target(bucket, key);
        if (t == null) {
            return delegate.getObjectInfo(bucket, key, versionId);
        }
        ObjectInfo info;
        try {
            info = delegate.getObjectInfo(bucket, key, versionId);
        } catch (ObjectException e) {
            throw hideMissing(t, e);
        }
        if (!t.allowed().test(info)) {
            throw AccessControl.denied();
        }
        return info;
    }

    @Override
    public ObjectStream getObject(String bucket, String key, String versionId, RangeSpec range) {
        Target t = target(bucket, key);
        if (t == null) {
            return delegate.getObject(bucket, key, versionId, range);
        }
        ObjectStream s;
        try {
            s = delegate.getObject(bucket, key, versionId, range);
        } catch (ObjectException e) {
            throw hideMissing(t, e);
        }
        if (!t.allowed().test(s.info())) {
            try {
                s.close();
            } catch (java.io.IOException e) {
                // nothing was sent: closing only releases the version's lock and files
            }
            throw AccessControl.denied();
        }
        return s;
    }

    private Target target(String bucket, String key) {
        for (Target t : targets) {
            if (t.bucket().equals(bucket) && t.key().equals(key)) {
                return t;
            }
        }
        return null;
    }

    private static RuntimeException hideMissing(Target t, ObjectException e) {
        boolean missing = e.error() == ObjectError.OBJECT_NOT_FOUND || e.error() == ObjectError.VERSION_NOT_FOUND;
        return missing && !t.mayList().getAsBoolean() ? AccessControl.denied() : e;
    }
}
