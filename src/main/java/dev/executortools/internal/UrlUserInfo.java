package dev.executortools.internal;

import java.util.regex.Pattern;

/** The {@code user:password@} part of a URL, hidden wherever a URL is shown. */
public final class UrlUserInfo {
  private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/?#@]*@");

  private UrlUserInfo() {}

  /** {@code url} with its user info, if any, replaced by {@code mask}. */
  public static String mask(String url, String mask) {
    return USER_INFO
        .matcher(url)
        .replaceFirst(java.util.regex.Matcher.quoteReplacement(mask) + "@");
  }
}
