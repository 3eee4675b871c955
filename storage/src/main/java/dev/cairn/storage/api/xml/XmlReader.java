package dev.cairn.storage.api.xml;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a request body into a small {@link XmlElement} tree with the JDK's StAX parser, safely:
 * <ul>
 *   <li>at most {@code maxBytes} are read; a longer body is MaxMessageLengthExceeded and is not parsed;
 *   <li>DTDs are not supported: a document with a DOCTYPE (and so with any entity declaration, internal or
 *       external) is MalformedXML, and no external resource is ever resolved (XXE-safe);
 *   <li>nesting deeper than {@value #MAX_DEPTH} is MalformedXML;
 *   <li>anything not well-formed is MalformedXML ({@link MalformedXmlException}).
 * </ul>
 * The caller closes {@code body}. Namespaces are ignored: elements are matched by local name.
 */
public final class XmlReader {

    /** Deeper than any S3 request document; bounds the tree a hostile body can build. */
    static final int MAX_DEPTH = 16;

    private XmlReader() {
    }

    /**
     * The root element of {@code body}, or null when the body is empty or only whitespace (some requests allow
     * that, e.g. CreateBucket without a configuration).
     */
    public static XmlElement parse(InputStream body, int maxBytes) {
        byte[] bytes = readBounded(body, maxBytes);
        if (isBlank(bytes)) {
            return null;
        }
        try {
            XMLStreamReader reader = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                return readTree(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new MalformedXmlException("not well-formed: " + e.getMessage(), e);
        } catch (MalformedXmlException e) {
            throw e;
        } catch (RuntimeException e) {
            // The JDK parser reports a few malformations as unchecked exceptions.
            throw new MalformedXmlException("not well-formed: " + e, e);
        }
    }

    /** Like {@link #parse} but the body must be present and have the root {@code rootName}. */
    public static XmlElement parseRequired(InputStream body, int maxBytes, String rootName) {
        XmlElement root = parse(body, maxBytes);
        if (root == null) {
            throw new S3Exception(S3Error.MISSING_REQUEST_BODY);
        }
        return requireRoot(root, rootName);
    }

    public static XmlElement requireRoot(XmlElement root, String rootName) {
        if (!root.name().equals(rootName)) {
            throw new MalformedXmlException("root is " + root.name() + ", expected " + rootName);
        }
        return root;
    }

    private static XmlElement readTree(XMLStreamReader r) throws XMLStreamException {
        Deque<Builder> open = new ArrayDeque<>();
        XmlElement root = null;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() == MAX_DEPTH) {
                        throw new MalformedXmlException("nested deeper than " + MAX_DEPTH);
                    }
                    Builder b = new Builder(r.getLocalName());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        b.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                    }
                    open.push(b);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(r.getText());
                    }
                }
                case XMLStreamConstants.DTD -> throw new MalformedXmlException("DOCTYPE not allowed");
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                        throw new MalformedXmlException("entities not allowed");
                default -> {
                    // comments, processing instructions, document start and end
                }
            }
        }
        if (root == null) {
            throw new MalformedXmlException("no root element");
        }
        return root;
    }

    private static XMLInputFactory factory() {
        // A new factory per body: configuring a shared one is not thread-safe, and this one is cheap (no lookup).
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    private static byte[] readBounded(InputStream body, int maxBytes) {
        try {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new S3Exception(S3Error.MAX_MESSAGE_LENGTH_EXCEEDED,
                        "Your request was too big: the limit for this document is " + maxBytes + " bytes.");
            }
            return bytes;
        } catch (IOException e) {
            throw new S3Exception(S3Error.INCOMPLETE_BODY, null, e);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static final class Builder {
        final String name;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();
        final java.util.Map<String, String> attributes = new java.util.HashMap<>();

        Builder(String name) {
            this.name = name;
        }

        XmlElement build() {
            return new XmlElement(name, text.toString(), children, attributes);
        }
    }
}
