package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.KeyPaths;
import dev.cairn.storage.object.ListUploadsResult;
import dev.cairn.storage.object.MultipartUpload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One page of ListMultipartUploads: key order, then initiation order; markers, delimiter, max-uploads. */
final class UploadListing {
    private UploadListing() {
    }

    static ListUploadsResult page(List<MultipartUpload> uploads, String prefix, String delimiter, String keyMarker,
                                  String uploadIdMarker, int max) {
        String pfx = prefix == null ? "" : prefix;
        List<MultipartUpload> sorted = new ArrayList<>(uploads);
        sorted.sort(Comparator.<MultipartUpload, String>comparing(MultipartUpload::key, KeyPaths::compareKeys)
                .thenComparing(MultipartUpload::initiated).thenComparing(MultipartUpload::uploadId));
        List<MultipartUpload> page = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        boolean markerPassed = uploadIdMarker == null;
        String lastKey = null;
        String lastUpload = null;
        for (MultipartUpload u : sorted) {
            if (keyMarker != null) {
                int c = KeyPaths.compareKeys(u.key(), keyMarker);
                if (c < 0 || c == 0 && uploadIdMarker == null) {
                    continue;
                }
                if (c == 0 && !markerPassed) {
                    markerPassed = u.uploadId().equals(uploadIdMarker);
                    continue;
                }
            }
            String common = null;
            if (delimiter != null && !delimiter.isEmpty()) {
                int at = u.key().indexOf(delimiter, pfx.length());
                common = at < 0 ? null : u.key().substring(0, at + delimiter.length());
            }
            if (common != null && (prefixes.contains(common)
                    || keyMarker != null && KeyPaths.compareKeys(common, keyMarker) <= 0)) {
                continue;
            }
            if (page.size() + prefixes.size() >= max) {
                return new ListUploadsResult(page, prefixes, true, lastKey, lastUpload);
            }
            if (common != null) {
                prefixes.add(common);
                lastKey = common;
                lastUpload = null;
            } else {
                page.add(u);
                lastKey = u.key();
                lastUpload = u.uploadId();
            }
        }
        return new ListUploadsResult(page, prefixes, false, null, null);
    }
}
