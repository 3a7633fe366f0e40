package dev.executortools.mcp;

import java.nio.file.Path;

/**
 * How large an MCP answer may be, and how much of the results cut to fit is kept for {@code
 * read_result}.
 *
 * <p>Hosts cut tool results by tokens (Claude Code: 25,000 by default, {@code
 * MAX_MCP_OUTPUT_TOKENS}); a server cannot count a host's tokens, so it estimates {@value
 * #CHARS_PER_TOKEN} characters a token (OpenAI's rule of thumb for English text, "one token
 * generally corresponds to ~4 characters of text", in its help article "What are tokens and how to
 * count them?"). JSON takes more tokens a character than prose, which the measure makes up for: the
 * budget bounds the whole serialized {@code CallToolResult}, whose result appears twice (as {@code
 * structuredContent} and as escaped JSON text), so a host reading either copy sees at most about
 * half the budget's characters.
 *
 * @param tokens the largest answer, in tokens of {@value #CHARS_PER_TOKEN} characters; 0 turns
 *     shaping off (results are answered whole, as the response cap allows)
 * @param keptResults how many full results are kept for {@code read_result} (the least recently
 *     used go first)
 * @param keptBytes how many bytes of JSON they may take together; a larger result is not kept
 * @param resultsDir where {@code read_result} writes files ({@code <home>/results}), or null for
 *     none
 */
public record ResultBudget(int tokens, int keptResults, long keptBytes, Path resultsDir) {
  public static final int CHARS_PER_TOKEN = 4;
  public static final int DEFAULT_TOKENS = 25_000;

  /** The smallest budget: room for a result's envelope and the note on what was left out. */
  public static final int MIN_TOKENS = 1_000;

  public static final int MAX_TOKENS = 10_000_000;
  public static final int DEFAULT_KEPT_RESULTS = 8;
  public static final long DEFAULT_KEPT_BYTES = 64L << 20;

  public ResultBudget {
    if (tokens != 0 && (tokens < MIN_TOKENS || tokens > MAX_TOKENS)) {
      throw new IllegalArgumentException(
          "the result budget must be 0 (off) or "
              + MIN_TOKENS
              + ".."
              + MAX_TOKENS
              + " tokens, not "
              + tokens);
    }
    if (keptResults < 1 || keptResults > 1000) {
      throw new IllegalArgumentException("kept results must be 1..1000, not " + keptResults);
    }
    if (keptBytes < 1) throw new IllegalArgumentException("keptBytes must be positive");
  }

  /** The default budget, files under {@code home/results} (none when {@code home} is null). */
  public static ResultBudget defaults(Path home) {
    return new ResultBudget(
        DEFAULT_TOKENS,
        DEFAULT_KEPT_RESULTS,
        DEFAULT_KEPT_BYTES,
        home == null ? null : home.resolve("results"));
  }

  public ResultBudget withTokens(int value) {
    return new ResultBudget(value, keptResults, keptBytes, resultsDir);
  }

  public ResultBudget withKeptResults(int value) {
    return new ResultBudget(tokens, value, keptBytes, resultsDir);
  }

  public boolean on() {
    return tokens > 0;
  }

  /** The largest serialized {@code CallToolResult}, in characters. */
  long maxChars() {
    return (long) tokens * CHARS_PER_TOKEN;
  }
}
