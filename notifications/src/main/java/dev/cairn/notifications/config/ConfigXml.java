package dev.cairn.notifications.config;

import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The small XML documents of notification configuration as trees of element names and texts (namespaces
 * ignored, as S3 accepts documents with or without its xmlns). No DTDs, no external entities.
 */
final class ConfigXml {
    private ConfigXml() {
    }

    /** An element: its local name, its trimmed text (for leaves), its child elements. */
    record Tree(String name, String text, List<Tree> children) {
        String childText(String child) {
            for (Tree c : children) {
                if (c.name.equals(child)) {
                    return c.text;
                }
            }
            return null;
        }
    }

    static Tree parse(byte[] xml) {
        if (xml.length == 0) {
            throw NotificationConfigException.malformed("The request body is empty");
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return tree(b.parse(new ByteArrayInputStream(xml)).getDocumentElement());
        } catch (SAXException | IOException e) {
            throw NotificationConfigException.malformed("The XML you provided was not well-formed: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses secure processing", e);
        }
    }

    private static Tree tree(Element e) {
        List<Tree> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                children.add(tree(child));
            } else if (c.getNodeType() == org.w3c.dom.Node.TEXT_NODE
                    || c.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                text.append(c.getNodeValue());
            }
        }
        String name = e.getLocalName() != null ? e.getLocalName() : e.getTagName();
        return new Tree(name, text.toString().trim(), children);
    }

    static void element(StringBuilder x, String name, String value) {
        x.append('<').append(name).append('>');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                case '&' -> x.append("&amp;");
                case '"' -> x.append("&quot;");
                case '\'' -> x.append("&apos;");
                default -> x.append(c);
            }
        }
        x.append("</").append(name).append('>');
    }
}
