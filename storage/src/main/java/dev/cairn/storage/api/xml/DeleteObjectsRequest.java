package dev.cairn.storage.api.xml;

import dev.cairn.storage.object.ObjectToDelete;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of DeleteObjects: {@code <Delete><Quiet>true</Quiet><Object><Key/><VersionId/></Object>...</Delete>}.
 * 1..1000 objects, each with a Key; more, none, or a missing Key is MalformedXML, as S3 answers. An empty
 * VersionId counts as none.
 */
public record DeleteObjectsRequest(boolean quiet, List<ObjectToDelete> objects) {

    public static final int MAX_OBJECTS = 1000;
    /** 1000 keys of 1 KiB with their markup and version ids fit with room to spare. */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    public DeleteObjectsRequest {
        objects = List.copyOf(objects);
    }

    public static DeleteObjectsRequest parse(InputStream body) {
        XmlElement root = XmlReader.parseRequired(body, MAX_BODY_BYTES, "Delete");
        List<XmlElement> entries = root.children("Object");
        if (entries.isEmpty() || entries.size() > MAX_OBJECTS) {
            throw new MalformedXmlException("Delete has " + entries.size() + " objects, allowed 1.." + MAX_OBJECTS);
        }
        List<ObjectToDelete> objects = new ArrayList<>(entries.size());
        for (XmlElement o : entries) {
            String key = o.requiredText("Key");
            if (key.isEmpty()) {
                throw new MalformedXmlException("empty Key");
            }
            String version = o.childText("VersionId");
            objects.add(new ObjectToDelete(key, version == null || version.isBlank() ? null : version.strip()));
        }
        return new DeleteObjectsRequest(root.childBoolean("Quiet", false), objects);
    }
}
