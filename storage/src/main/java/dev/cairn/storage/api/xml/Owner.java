package dev.cairn.storage.api.xml;

import java.util.Objects;

/** An account as listings show it ({@code <Owner>}, {@code <Initiator>}): its canonical id and display name. */
public record Owner(String id, String displayName) {

    public Owner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }

    void write(XmlWriter w, String element) {
        w.start(element).element("ID", id).element("DisplayName", displayName).end();
    }
}
