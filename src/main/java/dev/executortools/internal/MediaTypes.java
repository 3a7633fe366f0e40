package dev.executortools.internal;

import java.util.Locale;

/** The one definition of a JSON media type, shared by every stage that must recognise one. */
public final class MediaTypes {
  private MediaTypes() {}

  /** The media type without parameters, lower-cased: {@code application/json}. */
  public static String essence(String mediaType) {
    if (mediaType == null) return "";
    int semicolon = mediaType.indexOf(';');
    String essence = semicolon >= 0 ? mediaType.substring(0, semicolon) : mediaType;
    return essence.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * JSON: a {@code json} or {@code x-json} subtype ({@code application/json}, {@code text/json}) or
   * any {@code +json} suffix ({@code application/vnd.github+json}, {@code
   * application/merge-patch+json}, {@code application/problem+json}).
   */
  public static boolean isJson(String mediaType) {
    String essence = essence(mediaType);
    return essence.endsWith("/json") || essence.endsWith("/x-json") || essence.endsWith("+json");
  }
}
