package dev.executortools.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The file names of the AWS CLI's SSO cache ({@code botocore.utils.SSOTokenFetcher}), so that this
 * plugin, the AWS CLI and the AWS SDKs find each other's files:
 *
 * <ul>
 *   <li>token: sha1 hex of the session name, else of the start URL;
 *   <li>client registration: sha1 hex of Python's {@code json.dumps({"tool": "botocore",
 *       "startUrl", "region", "scopes", "session_name"}, sort_keys=True)}, whose exact text (the
 *       {@code ", "} and {@code ": "} separators, {@code null}, {@code \}u escapes of non-ASCII) is
 *       reproduced here.
 * </ul>
 */
final class CacheKeys {
  private CacheKeys() {}

  static String token(SsoSession session) {
    return sha1(session.sessionName() != null ? session.sessionName() : session.startUrl());
  }

  static String registration(SsoSession session) {
    // Keys in sorted order, as sort_keys=True writes them.
    String json =
        "{\"region\": "
            + string(session.region())
            + ", \"scopes\": "
            + list(session.scopes())
            + ", \"session_name\": "
            + string(session.sessionName())
            + ", \"startUrl\": "
            + string(session.startUrl())
            + ", \"tool\": \"botocore\"}";
    return sha1(json);
  }

  static String sha1(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java platform", e);
    }
  }

  private static String list(List<String> values) {
    if (values == null) return "null";
    return values.stream().map(CacheKeys::string).collect(Collectors.joining(", ", "[", "]"));
  }

  /** A string as Python's json.dumps writes it with its default ensure_ascii=True. */
  static String string(String value) {
    if (value == null) return "null";
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }
}
