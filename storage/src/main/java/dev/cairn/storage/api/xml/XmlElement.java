package dev.cairn.storage.api.xml;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of a parsed request body: its local name (namespaces are ignored, as S3 accepts documents with and
 * without its namespace), its text (the concatenated character data directly inside it, untrimmed: keys may start
 * or end with spaces), its child elements in document order, and its attributes by local name (an ACL's
 * {@code xsi:type} is {@code type}; namespace declarations are not attributes).
 */
public record XmlElement(String name, String text, List<XmlElement> children,
                         java.util.Map<String, String> attributes) {

    public XmlElement {
        children = List.copyOf(children);
        attributes = java.util.Map.copyOf(attributes);
    }

    public XmlElement(String name, String text, List<XmlElement> children) {
        this(name, text, children, java.util.Map.of());
    }

    /** The attribute with local name {@code name}, or null. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /** The children named {@code name}, in order. */
    public List<XmlElement> children(String name) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(name)) {
                found.add(c);
            }
        }
        return found;
    }

    /** The single child named {@code name}, or null; MalformedXML when it appears more than once. */
    public XmlElement child(String name) {
        XmlElement found = null;
        for (XmlElement c : children) {
            if (c.name.equals(name)) {
                if (found != null) {
                    throw new MalformedXmlException(name + " repeated in " + this.name);
                }
                found = c;
            }
        }
        return found;
    }

    /** The text of the single child {@code name}, or null when absent. */
    public String childText(String name) {
        XmlElement c = child(name);
        return c == null ? null : c.text;
    }

    /** The text of the single child {@code name}; MalformedXML when absent. */
    public String requiredText(String name) {
        XmlElement c = child(name);
        if (c == null) {
            throw new MalformedXmlException(this.name + " lacks " + name);
        }
        return c.text;
    }

    /** The child {@code name} as a decimal int (surrounding whitespace allowed), or {@code absent}. */
    public int childInt(String name, int absent) {
        String s = childText(name);
        if (s == null) {
            return absent;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new MalformedXmlException(name + " is not a number: " + s);
        }
    }

    /** The child {@code name} as {@code true}/{@code false} (any case), or {@code absent}. */
    public boolean childBoolean(String name, boolean absent) {
        String s = childText(name);
        if (s == null) {
            return absent;
        }
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new MalformedXmlException(name + " is not a boolean: " + s);
        };
    }
}
