package dev.cairn.storage.api;

import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.ObjectStream;
import dev.cairn.storage.object.RangeSpec;

/** GET/HEAD with {@code partNumber}: the byte range of one part of a multipart object. */
final class PartRanges {
    private PartRanges() {
    }

    static int parsePartNumber(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > 10_000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Part number must be an integer between 1 and 10000, inclusive");
        }
    }

    /** Opens part {@code partNumber} of the object {@code info} describes. */
    static ObjectStream openPart(S3Call call, ObjectInfo info, String partNumber, String versionId) {
        int n = parsePartNumber(partNumber);
        if (n > info.partCount()) {
            // what S3 answers for a part the object does not have (a plain object has only part 1)
            throw new S3Exception(S3Error.INVALID_PART, "The requested partnumber is not satisfiable");
        }
        long offset = 0;
        for (int i = 0; i < n - 1; i++) {
            offset += info.partSizes().get(i);
        }
        long size = info.partSizes().get(n - 1);
        RangeSpec range = size == 0 ? null : new RangeSpec(offset, offset + size - 1);
        // the version is pinned: the part must come from the version whose sizes were read
        return call.layer.getObject(call.bucket(), call.key(), versionId != null ? versionId : info.versionId(), range);
    }
}
