package dev.commentmoderation.data.control;

import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX cursor over an XML source file, secured and with the position named in every error. No DTD
 * is read and no entity resolved, so a file cannot make the service read its own files or a URL
 * (XXE) or expand entities without end: a DOCTYPE is refused outright. The JDK's own StAX parser is
 * used (not whatever the container puts first on the class path), so the settings mean what they
 * say. Records are read one element at a time into a small map of relative paths.
 */
final class XmlSource implements AutoCloseable {

  /** The longest text kept of one element; a comment is far shorter, the rest is dropped. */
  static final int MAX_TEXT = 64 * 1024;

  private final XMLStreamReader xml;

  XmlSource(InputStream in) {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver(
        (publicId, systemId, base, namespace) -> {
          throw new XMLStreamException("external resources are not read: " + systemId);
        });
    try {
      this.xml = factory.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw new MalformedSource(1, null, "not XML: " + e.getMessage(), e);
    }
  }

  int line() {
    return xml.getLocation() == null ? -1 : xml.getLocation().getLineNumber();
  }

  /**
   * Moves to the next start tag at any depth, or the end of the document (false).
   *
   * @return the start tag's depth relative to the document (the root is 1), or 0 at the end
   */
  int nextStart(int[] depth) {
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT:
            depth[0]++;
            return depth[0];
          case XMLStreamConstants.END_ELEMENT:
            depth[0]--;
            break;
          case XMLStreamConstants.DTD:
            throw new MalformedSource(line(), null, "a DOCTYPE is not accepted");
          case XMLStreamConstants.ENTITY_REFERENCE:
            throw new MalformedSource(
                line(), null, "entity reference &" + xml.getLocalName() + "; is not accepted");
          default:
            break;
        }
      }
      return 0;
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  String localName() {
    return xml.getLocalName();
  }

  String prefixedName() {
    String prefix = xml.getPrefix();
    return prefix == null || prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + localName();
  }

  /** An attribute of the current start tag by local name (any namespace). */
  String attribute(String localName) {
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      if (xml.getAttributeLocalName(i).equals(localName)) return xml.getAttributeValue(i);
    }
    return null;
  }

  /**
   * Reads the current element to its end tag: the text of every descendant element by its path of
   * local names below this one ("author/name"), and attributes as "path@name" ("thread@id"). The
   * element's own text is under "".
   */
  Map<String, String> record() {
    Map<String, String> values = new HashMap<>();
    StringBuilder path = new StringBuilder();
    StringBuilder text = new StringBuilder();
    java.util.ArrayDeque<Integer> starts = new java.util.ArrayDeque<>();
    attributes(values, "");
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            starts.push(path.length());
            if (path.length() > 0) path.append('/');
            path.append(xml.getLocalName());
            text.setLength(0);
            attributes(values, path.toString());
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (text.length() < MAX_TEXT) {
              int room = MAX_TEXT - text.length();
              int length = Math.min(room, xml.getTextLength());
              text.append(xml.getTextCharacters(), xml.getTextStart(), length);
            }
          }
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new MalformedSource(
                  line(), xml.getLocalName(), "entity references are not accepted");
          case XMLStreamConstants.END_ELEMENT -> {
            if (starts.isEmpty()) {
              values.putIfAbsent("", text.toString());
              return values;
            }
            values.putIfAbsent(path.toString(), text.toString());
            text.setLength(0);
            path.setLength(starts.pop());
          }
          default -> {}
        }
      }
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
    throw new MalformedSource(line(), null, "the file ends inside an element");
  }

  private void attributes(Map<String, String> values, String path) {
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      values.put(path + "@" + xml.getAttributeLocalName(i), xml.getAttributeValue(i));
    }
  }

  private MalformedSource malformed(XMLStreamException e) {
    int line = e.getLocation() == null ? line() : e.getLocation().getLineNumber();
    String element;
    try {
      element = xml.hasName() ? xml.getLocalName() : null;
    } catch (IllegalStateException notThere) {
      element = null;
    }
    String message = e.getMessage() == null ? "not well-formed" : e.getMessage();
    // the JDK prefixes "ParseError at [row,col]:[..]\nMessage: "; the line is named already
    int at = message.indexOf("Message: ");
    return new MalformedSource(line, element, at >= 0 ? message.substring(at + 9) : message, e);
  }

  /** ISO-8601 with an offset, or without one read as UTC ("2024-03-01T10:05:00", WordPress'). */
  static OffsetDateTime time(String value) {
    if (value == null || value.isBlank()) return null;
    String v = value.strip();
    try {
      return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(v.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  @Override
  public void close() {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // nothing left to release that matters
    }
  }
}
