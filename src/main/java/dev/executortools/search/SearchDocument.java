package dev.executortools.search;

import dev.executortools.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text of one tool that search reads: its id, the operation's summary (or what a long
 * description says first, {@link #LEAD_AFTER_CHARS}) and description, the HTTP method and path
 * template (null for tools that are not HTTP operations), the names of its parameters, what it
 * answers on success ({@link Answer}: many things or one) and what its parameters' descriptions say
 * first ({@code parameterText}: Zoom's meeting status update takes an {@code action} that ends a
 * meeting for all its participants, which is how "end the meeting for everyone" finds it).
 */
public record SearchDocument(
    String id,
    String source,
    String summary,
    String description,
    String method,
    String path,
    List<String> parameterNames,
    Answer answer,
    String parameterText) {

  /**
   * How much of each parameter's description (and of a long description, for its summary) is read:
   * its first sentence, at most this long.
   */
  static final int SENTENCE_CHARS = 150;

  /**
   * How long a description must be for its first sentence to be read as the summary of an operation
   * that has none: BM25's length normalization dilutes what a long description says first
   * (Bitbucket's "Creates a new pull request..." before a curl example), as it does not a spec's
   * own summary. 300, 400 and 600 gain alike on the task sets; 0 (every description) and
   * descriptions of more than one sentence gain less (BENCHMARKS.md, "Tenth session").
   */
  static final int LEAD_AFTER_CHARS = 400;

  public SearchDocument {
    Objects.requireNonNull(id, "id");
    source = source == null ? "" : source;
    summary = summary == null ? "" : summary;
    description = description == null ? "" : description;
    parameterNames = List.copyOf(parameterNames);
    answer = answer == null ? Answer.UNKNOWN : answer;
    parameterText = parameterText == null ? "" : parameterText;
  }

  /** A tool whose answer is not known ({@link Answer#UNKNOWN}) and parameters not described. */
  public SearchDocument(
      String id,
      String source,
      String summary,
      String description,
      String method,
      String path,
      List<String> parameterNames) {
    this(id, source, summary, description, method, path, parameterNames, Answer.UNKNOWN, "");
  }

  /**
   * The id as search reads it: without the HTTP method its leaf starts with when the name was made
   * from the method and path ({@code bitbucket.pullrequests.postRepositories...Pullrequests}): the
   * method says what the tool does through its verb ({@code post} of a collection creates), not as
   * a word ({@code post} is not sending).
   */
  public String searchableId() {
    if (method == null) return id;
    int dot = id.lastIndexOf('.');
    String leaf = id.substring(dot + 1);
    String verb = method.toLowerCase(java.util.Locale.ROOT);
    if (leaf.length() > verb.length()
        && leaf.startsWith(verb)
        && Character.isUpperCase(leaf.charAt(verb.length()))
        && namesPathEnd(leaf.substring(verb.length()))) {
      return id.substring(0, dot + 1) + leaf.substring(verb.length());
    }
    return id;
  }

  /**
   * Whether {@code rest} spells the last words of the path ({@code RepositoriesWorkspaceRepoSlug}
   * for {@code /repositories/{workspace}/{repo_slug}}): a name made from the path, not one a spec
   * gave ({@code deleteComment} of {@code /issues/comments/{comment_id}} is the spec's own).
   */
  private boolean namesPathEnd(String rest) {
    if (path == null) return false;
    String wanted = rest.toLowerCase(java.util.Locale.ROOT);
    String[] words = path.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+");
    StringBuilder suffix = new StringBuilder();
    for (int i = words.length - 1; i >= 0 && suffix.length() < wanted.length(); i--) {
      suffix.insert(0, words[i]);
      if (suffix.toString().equals(wanted)) return true;
    }
    return false;
  }

  /**
   * The search text of a tool: its parameters are the input schema's properties (except the {@code
   * server} and {@code contentType} plumbing) and, for {@code body}, the body's own properties,
   * read from {@code inputSchema}: the tool's own schema, uncopied; what it answers is read from
   * {@code outputSchema} (likewise uncopied; null when it has none). An operation with no {@code
   * summary} and a description of more than {@value #LEAD_AFTER_CHARS} characters is summarized by
   * the description's first sentence.
   */
  public static SearchDocument of(
      Tool tool, ObjectNode inputSchema, ObjectNode outputSchema, String summary) {
    List<String> names = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    JsonNode properties = inputSchema.path("properties");
    for (String name : properties.propertyNames()) {
      if (name.equals("server") || name.equals("contentType")) continue;
      if (name.equals("body")) {
        JsonNode body = Defs.follow(inputSchema, properties.get(name)).path("properties");
        for (String property : body.propertyNames()) {
          names.add(property);
          appendFirstSentence(text, body.get(property));
        }
      } else {
        names.add(name);
        appendFirstSentence(text, properties.get(name));
      }
    }
    return new SearchDocument(
        tool.id(),
        tool.source(),
        summary == null || summary.isBlank() ? lead(tool.description()) : summary,
        tool.description(),
        tool.annotations().method(),
        tool.annotations().pathTemplate(),
        names,
        Answer.of(outputSchema),
        text.toString());
  }

  /** The first sentence of a description longer than {@link #LEAD_AFTER_CHARS}, else none. */
  private static String lead(String description) {
    if (description == null || description.length() <= LEAD_AFTER_CHARS) return null;
    StringBuilder lead = new StringBuilder();
    appendFirstSentence(lead, description);
    return lead.toString();
  }

  /** The first sentence of {@code parameter}'s description, at most {@link #SENTENCE_CHARS}. */
  private static void appendFirstSentence(StringBuilder text, JsonNode parameter) {
    appendFirstSentence(text, parameter.path("description").asString(""));
  }

  /** The first sentence of {@code description}, at most {@link #SENTENCE_CHARS}. */
  private static void appendFirstSentence(StringBuilder text, String description) {
    if (description.isEmpty()) return;
    int end = Math.min(description.length(), SENTENCE_CHARS);
    int stop = description.indexOf(". ");
    if (stop >= 0 && stop < end) end = stop;
    if (!text.isEmpty()) text.append(' ');
    text.append(description, 0, end);
  }
}
