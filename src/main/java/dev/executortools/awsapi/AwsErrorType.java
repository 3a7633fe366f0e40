package dev.executortools.awsapi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error type of an AWS error answer, wherever the protocol puts it: the {@code
 * x-amzn-ErrorType} header, a JSON {@code __type} or {@code code}, or an XML {@code <Code>}; the
 * namespace before {@code #} and the URI after {@code :} are dropped.
 */
public final class AwsErrorType {
  private static final Pattern JSON_TYPE =
      Pattern.compile("\"(?:__type|code|Code)\"\\s*:\\s*\"([^\"]{1,200})\"");
  private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]{1,200})</Code>");

  private AwsErrorType() {}

  /** The type, or null when neither the header nor the body names one. */
  public static String of(String header, String body) {
    String type = header;
    if (type == null || type.isBlank()) {
      Matcher json = JSON_TYPE.matcher(body == null ? "" : body);
      Matcher xml = XML_CODE.matcher(body == null ? "" : body);
      if (json.find()) type = json.group(1);
      else if (xml.find()) type = xml.group(1);
      else return null;
    }
    int colon = type.indexOf(':');
    if (colon >= 0) type = type.substring(0, colon);
    int hash = type.lastIndexOf('#');
    return (hash >= 0 ? type.substring(hash + 1) : type).strip();
  }
}
