package dev.executortools.compile;

import java.util.Locale;

/**
 * One tool of a document as a catalog lists it: named and ordered as {@link ToolCompiler#compile}
 * names and orders it, with what its operation says about itself, and no schema.
 *
 * @param description the operation's own {@code description}, untouched (null when it has none)
 * @param summary the operation's own {@code summary}, untouched (null when it has none)
 */
public record ToolListing(
    String id,
    String name,
    String method,
    String pathTemplate,
    String summary,
    String description) {

  /**
   * executor's description of the tool, as the integrations.sh catalog shows it: {@code description
   * ?? summary ?? "METHOD /path"}. An empty text is kept and nothing is cut (what a model reads is
   * {@link dev.executortools.Tool#description()}, which fills in and cuts).
   */
  public String catalogDescription() {
    if (description != null) return description;
    if (summary != null) return summary;
    return method.toUpperCase(Locale.ROOT) + " " + pathTemplate;
  }
}
