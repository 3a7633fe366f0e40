package dev.executortools.schema;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;
import java.util.regex.PatternSyntaxException;

/**
 * A spec's regular expression ({@code pattern}, {@code patternProperties}), matched as JSON Schema
 * says: ECMA-262 syntax, unanchored (found anywhere in the value). Patterns RE2 can run ({@link
 * Re2Syntax}) run on RE2/J, in time linear in the value. The rest (backreferences, lookaround, a
 * program too large for RE2) run on the JDK's backtracking engine, as networknt's own JDK engine
 * would; every match, on either engine, ends with {@link PatternTimeoutException} once {@link
 * PatternBudget} is spent, so no pattern holds up a call.
 */
final class SpecRegex implements RegularExpression {
  /** The factory networknt compiles every pattern of a schema with. */
  static final RegularExpressionFactory FACTORY = SpecRegex::compile;

  private final String source;
  private final com.google.re2j.Pattern re2;
  private final java.util.regex.Pattern jdk;

  private SpecRegex(String source, com.google.re2j.Pattern re2, java.util.regex.Pattern jdk) {
    this.source = source;
    this.re2 = re2;
    this.jdk = jdk;
  }

  /**
   * The pattern compiled for the engine that can run it.
   *
   * @throws PatternSyntaxException when neither engine accepts it
   */
  static SpecRegex compile(String pattern) {
    String translated = Re2Syntax.translate(pattern);
    if (translated != null) {
      try {
        return new SpecRegex(pattern, com.google.re2j.Pattern.compile(translated), null);
      } catch (com.google.re2j.PatternSyntaxException | StackOverflowError notForRe2) {
        // an escape or construct RE2 lacks (\Z, possessive quantifiers, ...): the JDK's reading
      }
    }
    String jdkSyntax =
        RegularExpressions.replaceLongformCharacterProperties(
            RegularExpressions.replaceDollarAnchors(pattern));
    try {
      return new SpecRegex(pattern, null, java.util.regex.Pattern.compile(jdkSyntax));
    } catch (StackOverflowError tooDeep) {
      throw new PatternSyntaxException("nested too deeply", pattern, -1);
    }
  }

  /** True when {@code pattern} compiles on one of the engines. */
  static boolean accepts(String pattern) {
    try {
      compile(pattern);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  /** True when the pattern runs on RE2 (linear time). */
  boolean linear() {
    return re2 != null;
  }

  @Override
  public boolean matches(String value) {
    CharSequence text = PatternBudget.text(value, source);
    try {
      return re2 != null ? re2.matcher(text).find() : jdk.matcher(text).find();
    } catch (StackOverflowError tooDeep) {
      throw new PatternTimeoutException(source, value);
    }
  }
}
