package dev.executortools.bind;

/**
 * Classifies declared media types ({@code application/vnd.github+json; charset=utf-8} and such).
 */
final class MediaTypes {
  private MediaTypes() {}

  /** {@code type/subtype} in lower case, parameters dropped. */
  static String essence(String mediaType) {
    return dev.executortools.internal.MediaTypes.essence(mediaType);
  }

  static boolean isJson(String mediaType) {
    return dev.executortools.internal.MediaTypes.isJson(mediaType);
  }

  static boolean isForm(String mediaType) {
    return essence(mediaType).equals("application/x-www-form-urlencoded");
  }

  static boolean isMultipart(String mediaType) {
    return essence(mediaType).startsWith("multipart/");
  }

  /** {@code text/*}, XML ({@code application/xml}, {@code +xml}): sent as the string's UTF-8. */
  static boolean isText(String mediaType) {
    String essence = essence(mediaType);
    return essence.startsWith("text/") || essence.endsWith("/xml") || essence.endsWith("+xml");
  }

  /** A range such as {@code *}{@code /*} or {@code image/*}: not sendable as a Content-Type. */
  static boolean isRange(String mediaType) {
    return essence(mediaType).contains("*");
  }

  /**
   * Types whose content is bytes, not text: octet-stream, ranges, images, audio, video, archives.
   */
  static boolean isBinary(String mediaType) {
    String essence = essence(mediaType);
    if (isJson(essence) || isText(essence)) return false;
    return isRange(essence)
        || essence.equals("application/octet-stream")
        || essence.equals("application/pdf")
        || essence.equals("application/zip")
        || essence.equals("application/gzip")
        || essence.startsWith("image/")
        || essence.startsWith("audio/")
        || essence.startsWith("video/")
        || essence.startsWith("font/");
  }
}
