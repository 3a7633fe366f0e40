package dev.executortools.awsapi;

import dev.executortools.internal.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** XML answers of AWS, parsed with no DTD, no external entity and no XInclude. */
public final class AwsXml {
  private AwsXml() {}

  /**
   * @throws IllegalArgumentException when the bytes are not well-formed XML or declare a DTD
   */
  static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new IllegalArgumentException("not well-formed XML", e);
    }
  }

  /**
   * An XML answer as JSON for a model: the root element's content; an element with child elements
   * is an object, one with text only its text; a name repeated among siblings, and the children of
   * an element holding only {@code <member>} or {@code <item>} elements, make an array.
   *
   * @throws IllegalArgumentException when the text is not well-formed XML
   */
  public static JsonNode toJson(String xml) {
    Element root = parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    return value(root);
  }

  private static JsonNode value(Element element) {
    List<Element> children = new ArrayList<>();
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element child) children.add(child);
    }
    if (children.isEmpty()) return StringNode.valueOf(element.getTextContent().strip());
    boolean list =
        children.stream()
            .allMatch(c -> c.getTagName().equals("member") || c.getTagName().equals("item"));
    if (list) {
      ArrayNode array = Json.array();
      children.forEach(child -> array.add(value(child)));
      return array;
    }
    ObjectNode object = Json.object();
    for (Element child : children) {
      String name = child.getTagName();
      JsonNode value = value(child);
      JsonNode present = object.get(name);
      if (present == null) {
        object.set(name, value);
      } else if (present instanceof ArrayNode repeated && repeatedNames(children, name)) {
        repeated.add(value);
      } else {
        ArrayNode array = Json.array();
        array.add(present);
        array.add(value);
        object.set(name, array);
      }
    }
    return object;
  }

  private static boolean repeatedNames(List<Element> children, String name) {
    return children.stream().filter(c -> c.getTagName().equals(name)).count() > 2;
  }

  /** The text of the first element named {@code name}, or null. */
  static String text(Document document, String name) {
    NodeList nodes = document.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
  }
}
