package dev.executortools.sso;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The cache's instants: written as {@code 2026-01-01T00:00:00Z} (what the AWS CLI writes and the
 * SDKs' {@code Instant.parse} reads); read also in the forms older AWS CLIs and other tools wrote
 * ({@code ...UTC}, {@code +00:00} offsets, fractions of a second).
 */
final class Timestamps {
  private Timestamps() {}

  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * @throws IllegalArgumentException naming the text when it is no timestamp
   */
  static Instant parse(String text) {
    String value = text.strip();
    if (value.endsWith("UTC")) value = value.substring(0, value.length() - 3) + "Z";
    try {
      return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 timestamp: " + abbreviate(text));
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
