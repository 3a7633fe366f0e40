package dev.executortools.catalog;

import dev.executortools.internal.Json;
import dev.executortools.internal.Limits;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * The APIs.guru entry a spec of the directory belongs to, as the spec itself says: {@code
 * info.x-providerName} and {@code info.x-serviceName} ({@code ably.io} and {@code platform}: the
 * entry {@code ably.io:platform}).
 *
 * @param service null when the entry has none ({@code xkcd.com})
 */
record ApisGuruKey(String provider, String service) {
  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .loadSettings(
              LoadSettings.builder().setCodePointLimit((int) Limits.MAX_DOCUMENT_BYTES).build())
          .streamReadConstraints(Limits.readConstraints())
          .build();

  /** How far the first character that tells JSON from YAML is looked for. */
  private static final int LOOK_AHEAD = 4096;

  /** {@code provider:service}, or {@code provider} alone. */
  String key() {
    return service == null ? provider : provider + ":" + service;
  }

  /** The entry's integrations.sh slug. */
  String slug() {
    return Slugs.ofApisGuru(provider, service);
  }

  /**
   * The key of the spec in {@code file}, read as far as its {@code info} object and no further;
   * null when it names no provider or cannot be read (its extraction will say why).
   */
  static ApisGuruKey read(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
        JsonParser p = parser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return null;
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        JsonToken token = p.nextToken();
        if (name.equals("info")) return token == JsonToken.START_OBJECT ? fromInfo(p) : null;
        p.skipChildren();
      }
      return null;
    } catch (IOException | RuntimeException e) { // a parse failure (JacksonException) included
      return null;
    }
  }

  private static JsonParser parser(InputStream in) throws IOException {
    in.mark(LOOK_AHEAD);
    int c = in.read();
    for (int n = 1; n < LOOK_AHEAD && isSpaceOrBom(c); n++) c = in.read();
    in.reset();
    return c == '{'
        ? Json.MAPPER.createParser(in)
        : YAML.createParser(ObjectReadContext.empty(), in);
  }

  private static boolean isSpaceOrBom(int c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF;
  }

  private static ApisGuruKey fromInfo(JsonParser p) {
    String provider = null;
    String service = null;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken token = p.nextToken();
      if (token == JsonToken.VALUE_STRING && name.equals("x-providerName")) {
        provider = p.getValueAsString();
      } else if (token == JsonToken.VALUE_STRING && name.equals("x-serviceName")) {
        service = p.getValueAsString();
      } else {
        p.skipChildren();
      }
    }
    if (provider == null || provider.isBlank()) return null;
    return new ApisGuruKey(provider, service == null || service.isEmpty() ? null : service);
  }
}
