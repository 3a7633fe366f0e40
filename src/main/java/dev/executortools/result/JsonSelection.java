package dev.executortools.result;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.TypeRef;
import com.jayway.jsonpath.spi.mapper.MappingProvider;
import dev.executortools.internal.Json;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * A JSONPath (Jayway JsonPath, e.g. {@code $.data[0:10].name}, {@code $.data[?(@.state ==
 * 'open')].id}) applied to a tree, bounded for paths a model writes: at most {@link
 * #MAX_PATH_LENGTH} characters, no regular expressions ({@code =~}, whose matching cannot be
 * stopped), and at most {@link #MAX_STEPS} steps and {@link #MAX_TIME} of evaluation. The selection
 * shares the tree's nodes (an indefinite path answers an array of them).
 */
public final class JsonSelection {
  public static final int MAX_PATH_LENGTH = 1000;
  public static final long MAX_STEPS = 20_000_000;
  public static final Duration MAX_TIME = Duration.ofSeconds(5);

  private JsonSelection() {}

  /** Why a path selects nothing: said in words a model can act on. */
  public static final class SelectionException extends Exception {
    public SelectionException(String message) {
      super(message, null, false, false);
    }
  }

  /** What {@code path} selects in {@code root}. */
  public static JsonNode select(JsonNode root, String path) throws SelectionException {
    if (path.length() > MAX_PATH_LENGTH) {
      throw new SelectionException(
          "the JSONPath is longer than " + MAX_PATH_LENGTH + " characters");
    }
    if (path.contains("=~")) {
      throw new SelectionException(
          "regular expressions (=~) are not supported in a JSONPath here;"
              + " compare with ==, in, contains or anyof instead");
    }
    JsonPath compiled;
    try {
      compiled = JsonPath.compile(path);
    } catch (RuntimeException e) {
      throw new SelectionException("not a valid JSONPath: " + message(e));
    }
    TreeJsonProvider.Budget budget = new TreeJsonProvider.Budget(MAX_STEPS, MAX_TIME.toNanos());
    Configuration configuration =
        Configuration.builder()
            .jsonProvider(new TreeJsonProvider(budget))
            .mappingProvider(new TreeMapping())
            .build();
    try {
      Object selected = compiled.read(root, configuration);
      if (budget.spent()) throw tooLong();
      return TreeJsonProvider.node(selected);
    } catch (PathNotFoundException e) {
      if (budget.spent()) throw tooLong();
      throw new SelectionException("nothing at " + path + ": " + e.getMessage());
    } catch (TreeJsonProvider.SpentException e) {
      throw tooLong();
    } catch (StackOverflowError e) {
      throw new SelectionException(
          "the JSONPath goes too deep into this result; select a part nearer the top");
    } catch (RuntimeException | LinkageError e) {
      if (budget.spent()) throw tooLong();
      throw new SelectionException("the JSONPath cannot be applied: " + message(e));
    }
  }

  private static SelectionException tooLong() {
    return new SelectionException(
        "the JSONPath took more than "
            + MAX_STEPS
            + " steps or "
            + MAX_TIME.toSeconds()
            + " s; select less at once (e.g. a slice such as $.data[0:100])");
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Typed reads ({@code @.x} in a filter) converted by Jackson. */
  private static final class TreeMapping implements MappingProvider {
    @Override
    public <T> T map(Object source, Class<T> type, Configuration configuration) {
      if (source == null || type.isInstance(source)) return type.cast(source);
      return Json.MAPPER.convertValue(TreeJsonProvider.node(source), type);
    }

    @Override
    public <T> T map(Object source, TypeRef<T> type, Configuration configuration) {
      throw new UnsupportedOperationException("typed reads are not used here");
    }
  }
}
