package dev.executortools.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Where a term was found, how much it counts there, and how much length dilutes it (b). */
enum Field {
  ID(3.0, 0.3, 1),
  SUMMARY(2.0, 0.5, 1),
  PATH(1.0, 0.3, 1),
  VERB(0.7, 0, 0.5),
  PARAMETERS(0.4, 0.5, 0.5),
  DESCRIPTION(1.0, 0.75, 0.5),
  /**
   * The first sentence of each parameter's description ({@link SearchDocument#parameterText}),
   * counted as the description is: 0.2 to 1.5 were measured (BENCHMARKS.md), each better than none
   * on the blind and hard task sets; 1 gains on the fresh held-out set too.
   */
  PARAMETER_TEXT(1.0, 0.75, 0.5);

  private static final java.util.regex.Pattern PARAMETER =
      java.util.regex.Pattern.compile("\\{[^}]*}");

  /** How much of a long description is read. */
  private static final int DESCRIPTION_CHARS = 2_000;

  final double weight;
  final double b;

  /** How much a query word found here (only) counts towards covering the query. */
  final float strength;

  Field(double weight, double b, double strength) {
    this.weight = weight;
    this.b = b;
    this.strength = (float) strength;
  }

  static Map<Field, Terms.Analysed> termsOf(
      SearchDocument doc, Function<String, Terms.Analysed> analyse) {
    Map<Field, Terms.Analysed> terms = new EnumMap<>(Field.class);
    terms.put(ID, analyse.apply(doc.searchableId()));
    terms.put(SUMMARY, analyse.apply(doc.summary()));
    String path = doc.path() == null ? "" : PARAMETER.matcher(doc.path()).replaceAll(" ");
    terms.put(PATH, analyse.apply(path));
    terms.put(VERB, new Terms.Analysed(verb(doc), List.of()));
    terms.put(PARAMETERS, analyse.apply(String.join(" ", doc.parameterNames())));
    String description = doc.description();
    if (description.length() > DESCRIPTION_CHARS)
      description = description.substring(0, DESCRIPTION_CHARS);
    terms.put(DESCRIPTION, analyse.apply(description));
    terms.put(PARAMETER_TEXT, analyse.apply(doc.parameterText()));
    return terms;
  }

  /** What the method says a caller does: GET of a collection lists, of an item gets... */
  static List<String> verb(SearchDocument doc) {
    if (doc.method() == null) return List.of();
    String word =
        switch (doc.method().toLowerCase(Locale.ROOT)) {
          case "get" -> reads(doc);
          case "post" -> isAction(doc.path()) ? null : "create";
          case "put", "patch" -> "update";
          case "delete" -> "delete";
          default -> null;
        };
    return word == null ? List.of() : Terms.of(word);
  }

  /**
   * Whether a GET lists or gets. Where its path ends in a plural ({@code /projects/{id}/members})
   * it lists, whatever a spec says it answers; elsewhere the path leaves it open and what it
   * answers ({@link Answer}) decides: the path of an item may name an owner whose things it lists
   * ({@code GET /repositories/{workspace}} answers a page of repositories), and one that ends in
   * another word may read one thing ({@code /rate_limit}, {@code /Calls/{Sid}.json}) or many
   * ({@code /conversations.history}). Without an answer, a path that ends in a parameter gets, any
   * other lists.
   */
  private static String reads(SearchDocument doc) {
    String path = doc.path();
    Answer answer = doc.answer();
    if (path != null && path.endsWith("}")) return answer == Answer.MANY ? "list" : "get";
    if (IdTerms.namesMany(path)) return "list";
    return answer == Answer.ONE ? "get" : "list";
  }

  /**
   * Whether a POST to {@code path} does something to one item ({@code /pulls/{id}/merge}, {@code
   * /invoices/{invoice}/send}) rather than adding to a collection ({@code /pulls}, {@code
   * /charges/{charge}/refunds}): its last segment follows a parameter and is not a plural.
   */
  private static boolean isAction(String path) {
    if (path == null) return false;
    String[] segments = path.replaceAll("/+$", "").split("/");
    if (segments.length < 2) return false;
    String last = segments[segments.length - 1];
    String before = segments[segments.length - 2];
    return before.startsWith("{") && !last.startsWith("{") && !last.endsWith("s");
  }
}
