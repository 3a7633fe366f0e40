package dev.executortools.schema;

import com.networknt.schema.regex.RegularExpressions;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An ECMA-262 pattern (the syntax JSON Schema's {@code pattern} is written in) in RE2/J syntax, or
 * null when RE2 cannot run it as ECMA-262 means it: backreferences, lookaround, or a pattern so
 * long, or a program so large (nested counted repetitions such as {@code ((a{999}){999}){999}}),
 * that compiling it would take seconds or exhaust memory. What ECMA-262 writes differently is
 * rewritten: the escapes backslash-u XXXX and backslash-u {X...} become {@code \x{...}}, {@code
 * \cX} a control character, {@code .} excludes every line terminator, {@code \s} is ECMA-262's
 * white space, {@code [\b]} is a backspace, {@code []} matches nothing and {@code [^]} anything,
 * and {@code [} inside a class is a literal.
 */
final class Re2Syntax {
  /** Estimated instructions of the compiled program; a larger one is left to the JDK engine. */
  static final long MAX_PROGRAM = 50_000;

  /** Longest pattern given to RE2/J, whose parser takes time quadratic in a run of literals. */
  static final int MAX_LENGTH = 4_000;

  private static final String SPACE_MEMBERS =
      "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";
  private static final String DOT = "[^\\n\\r\\x{2028}\\x{2029}]";
  private static final String NOTHING = "[^\\x{0}-\\x{10FFFF}]";
  private static final String ANYTHING = "[\\x{0}-\\x{10FFFF}]";

  private final String in;
  private final StringBuilder out = new StringBuilder();
  private int at;

  /** Estimated program size of each open group, the outermost first. */
  private final Deque<long[]> groups = new ArrayDeque<>();

  /** Size of the last complete item (what a following quantifier repeats). */
  private long last;

  private Re2Syntax(String in) {
    this.in = RegularExpressions.replaceLongformCharacterProperties(in);
  }

  /** The RE2/J form of an ECMA-262 pattern, or null when RE2 is not the engine for it. */
  static String translate(String ecma) {
    if (ecma.length() > MAX_LENGTH) return null;
    try {
      return new Re2Syntax(ecma).run();
    } catch (Unsupported e) {
      return null;
    }
  }

  private String run() {
    groups.push(new long[] {0});
    while (at < in.length()) {
      char c = in.charAt(at++);
      switch (c) {
        case '\\' -> item(escape(false));
        case '.' -> item(DOT);
        case '[' -> item(charClass());
        case '(' -> open();
        case ')' -> close();
        case '{' -> brace();
        case '*', '+', '?' -> {
          out.append(c);
          repeat(2);
        }
        default -> item(String.valueOf(c));
      }
    }
    if (groups.size() != 1) throw new Unsupported();
    return out.toString();
  }

  private void item(String text) {
    out.append(text);
    last = 1;
    add(1);
  }

  private void add(long size) {
    long[] group = groups.peek();
    group[0] = Math.min(group[0] + size, MAX_PROGRAM + 1);
    if (group[0] > MAX_PROGRAM) throw new Unsupported();
  }

  /** The last item now counts {@code times} over. */
  private void repeat(long times) {
    long extra = Math.min(last, MAX_PROGRAM + 1) * (times - 1);
    last = Math.min(last * times, MAX_PROGRAM + 1);
    add(Math.max(0, extra));
  }

  private void open() {
    if (in.startsWith("?=", at)
        || in.startsWith("?!", at)
        || in.startsWith("?<=", at)
        || in.startsWith("?<!", at)) {
      throw new Unsupported(); // lookaround
    }
    out.append('(');
    groups.push(new long[] {0});
  }

  private void close() {
    if (groups.size() == 1) throw new Unsupported();
    out.append(')');
    long size = groups.pop()[0];
    last = size;
    add(size);
  }

  /**
   * {@code {n}}, {@code {n,}} or {@code {n,m}} repeat; any other brace is a literal, as in both
   * engines.
   */
  private void brace() {
    int end = closing(20);
    String body = end < 0 ? "" : in.substring(at, end);
    if (!body.matches("[0-9]{1,9}(,[0-9]{0,9})?")) {
      item("\\{");
      return;
    }
    String[] bounds = body.split(",", -1);
    long times = Long.parseLong(bounds[bounds.length == 2 && !bounds[1].isEmpty() ? 1 : 0]);
    out.append('{').append(body).append('}');
    at = end + 1;
    repeat(Math.max(times, 1));
  }

  private String charClass() {
    if (in.startsWith("]", at)) {
      at++;
      return NOTHING;
    }
    if (in.startsWith("^]", at)) {
      at += 2;
      return ANYTHING;
    }
    StringBuilder set = new StringBuilder("[");
    if (in.startsWith("^", at)) {
      set.append('^');
      at++;
    }
    while (at < in.length()) {
      char c = in.charAt(at++);
      if (c == ']') return set.append(']').toString();
      if (c == '\\') set.append(escape(true));
      else if (c == '[') set.append("\\[");
      else set.append(c);
    }
    throw new Unsupported(); // no closing bracket
  }

  /** The escape after a backslash, in or outside a class. */
  private String escape(boolean inClass) {
    if (at >= in.length()) throw new Unsupported();
    char c = in.charAt(at++);
    switch (c) {
      case 'u' -> {
        return unicodeEscape();
      }
      case 'c' -> {
        if (at < in.length() && Character.isLetter(in.charAt(at)) && in.charAt(at) < 128) {
          return codePoint(in.charAt(at++) % 32);
        }
        return "\\\\c";
      }
      case 's' -> {
        return inClass ? SPACE_MEMBERS : "[" + SPACE_MEMBERS + "]";
      }
      case 'S' -> {
        if (inClass) throw new Unsupported(); // a negated set inside a set: RE2 has no such thing
        return "[^" + SPACE_MEMBERS + "]";
      }
      case 'b' -> {
        return inClass ? codePoint(8) : "\\b";
      }
      case '0' -> {
        if (at < in.length() && Character.isDigit(in.charAt(at))) throw new Unsupported();
        return codePoint(0);
      }
      case 'k', '1', '2', '3', '4', '5', '6', '7', '8', '9' ->
          throw new Unsupported(); // backreference
      case 'p', 'P' -> {
        return property(c);
      }
      default -> {
        if (c <= 127) return "\\" + c;
        at--;
        int identity = in.codePointAt(at);
        at += Character.charCount(identity);
        return codePoint(identity);
      }
    }
  }

  private String unicodeEscape() {
    if (in.startsWith("{", at)) {
      int end = closing(10);
      String hex = end < 0 ? "" : in.substring(at + 1, end);
      if (!hex.matches("[0-9A-Fa-f]{1,6}")) throw new Unsupported();
      at = end + 1;
      return "\\x{" + hex + "}";
    }
    if (at + 4 > in.length() || !in.substring(at, at + 4).matches("[0-9A-Fa-f]{4}"))
      throw new Unsupported();
    String hex = in.substring(at, at + 4);
    at += 4;
    return "\\x{" + hex + "}";
  }

  /**
   * {@code \p{...}}: {@code Script=}, {@code sc=} and {@code General_Category=} prefixes dropped.
   */
  private String property(char p) {
    if (!in.startsWith("{", at)) return "\\" + p;
    int end = closing(100);
    if (end < 0) throw new Unsupported();
    String name = in.substring(at + 1, end);
    at = end + 1;
    int equals = name.indexOf('=');
    if (equals >= 0) {
      String key = name.substring(0, equals);
      if (!key.matches("Script|sc|General_Category|gc")) throw new Unsupported();
      name = name.substring(equals + 1);
    }
    return "\\" + p + "{" + name + "}";
  }

  /**
   * The index of the closing brace of the brace at {@link #at}, within {@code window} characters,
   * else -1: braces are short, and a bounded look keeps a pattern of many braces linear.
   */
  private int closing(int window) {
    int limit = Math.min(in.length(), at + window);
    for (int i = at; i < limit; i++) {
      if (in.charAt(i) == '}') return i;
    }
    return -1;
  }

  private static String codePoint(int value) {
    return "\\x{" + Integer.toHexString(value) + "}";
  }

  /** The pattern is not one RE2 runs as ECMA-262 means it. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }
}
