package dev.cairn.storage.api.xml;

import dev.cairn.storage.object.BucketInfo;
import dev.cairn.storage.object.Versioning;
import java.util.List;

/** Response documents about buckets: ListAllMyBucketsResult, LocationConstraint, VersioningConfiguration. */
public final class BucketXml {

    /** The region whose LocationConstraint S3 writes as empty. */
    public static final String US_EAST_1 = "us-east-1";

    private BucketXml() {
    }

    /**
     * ListBuckets: the owner, the buckets in the order given (S3 sorts by name), then the token that continues a
     * truncated page and the prefix asked for (each only when there is one).
     */
    public static byte[] listAllMyBuckets(Owner owner, List<BucketInfo> buckets, String continuationToken,
                                          String prefix) {
        XmlWriter w = XmlWriter.s3Document("ListAllMyBucketsResult");
        owner.write(w, "Owner");
        w.start("Buckets");
        for (BucketInfo b : buckets) {
            w.start("Bucket").element("Name", b.name()).element("CreationDate", b.created()).end();
        }
        return w.end().optional("ContinuationToken", continuationToken).optional("Prefix", prefix).finish();
    }

    /** GetBucketLocation: the region, empty for us-east-1 (or null), as S3 answers. */
    public static byte[] locationConstraint(String region) {
        boolean empty = region == null || region.isEmpty() || region.equals(US_EAST_1);
        XmlWriter w = XmlWriter.s3Document("LocationConstraint");
        if (!empty) {
            w.text(region);
        }
        return w.finish();
    }

    /** GetBucketVersioning: no Status for a bucket that never had versioning, else Enabled or Suspended. */
    public static byte[] versioningConfiguration(Versioning versioning) {
        XmlWriter w = XmlWriter.s3Document("VersioningConfiguration");
        switch (versioning) {
            case UNVERSIONED -> {
            }
            case ENABLED -> w.element("Status", "Enabled");
            case SUSPENDED -> w.element("Status", "Suspended");
        }
        return w.finish();
    }
}
