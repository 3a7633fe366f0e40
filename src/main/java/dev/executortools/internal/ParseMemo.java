package dev.executortools.internal;

import java.util.function.Function;

/**
 * A parse function remembering, per thread, the last two texts it parsed and their values (null
 * included). Calls of one tool parse the same few texts again and again (a base URL, the full URL
 * at each stage, the response's content type), and OkHttp's parsers cost as much as the rest of a
 * call's own work. Values must be immutable: they are handed out again.
 */
public final class ParseMemo<T> {
  private final Function<String, T> parse;
  private final ThreadLocal<Entries<T>> entries = ThreadLocal.withInitial(Entries::new);

  private ParseMemo(Function<String, T> parse) {
    this.parse = parse;
  }

  public static <T> ParseMemo<T> of(Function<String, T> parse) {
    return new ParseMemo<>(parse);
  }

  public T parse(String text) {
    Entries<T> memo = entries.get();
    if (text.equals(memo.lastText)) return memo.last;
    T value = text.equals(memo.olderText) ? memo.older : parse.apply(text);
    memo.olderText = memo.lastText;
    memo.older = memo.last;
    memo.lastText = text;
    memo.last = value;
    return value;
  }

  private static final class Entries<T> {
    String lastText;
    T last;
    String olderText;
    T older;
  }
}
