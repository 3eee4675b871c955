package dev.cairn.storage.api.xml;

import java.io.InputStream;

/**
 * The optional body of CreateBucket: {@code <CreateBucketConfiguration><LocationConstraint>region</...>}.
 * {@code locationConstraint} is null when the body is empty or names none; checking it against the node's region
 * is the handler's (InvalidLocationConstraint / IllegalLocationConstraintException).
 */
public record CreateBucketConfiguration(String locationConstraint) {

    static final int MAX_BODY_BYTES = 16 * 1024;

    public static CreateBucketConfiguration parse(InputStream body) {
        XmlElement root = XmlReader.parse(body, MAX_BODY_BYTES);
        if (root == null) {
            return new CreateBucketConfiguration(null);
        }
        XmlReader.requireRoot(root, "CreateBucketConfiguration");
        String location = root.childText("LocationConstraint");
        return new CreateBucketConfiguration(location == null || location.isBlank() ? null : location.strip());
    }
}
