/**
 * The XML documents of the S3 API, with the JDK only: responses are written by a small forward-only
 * {@link dev.cairn.storage.api.xml.XmlWriter} (S3 namespace on the root, XML 1.0 escaping), one class per family of
 * documents taking ObjectLayer records; request bodies are read by {@link dev.cairn.storage.api.xml.XmlReader}
 * (StAX, no DTDs or entities, bounded size and depth) into records that validate themselves. A body that is not
 * the expected document is a {@link dev.cairn.storage.api.xml.MalformedXmlException} (S3 MalformedXML); other
 * violations are the S3 errors S3 answers (InvalidTag, InvalidRequest, MaxMessageLengthExceeded...).
 */
package dev.cairn.storage.api.xml;
