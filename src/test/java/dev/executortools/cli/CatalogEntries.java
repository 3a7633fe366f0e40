package dev.executortools.cli;

import dev.executortools.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Reading what {@code catalog extract} wrote, for the tests. */
final class CatalogEntries {
  private CatalogEntries() {}

  /** {@code catalog extract --out OUT ARGS...} through the command line. */
  static CliRunner.Run extract(Path out, String... args) {
    String[] command = new String[args.length + 4];
    command[0] = "catalog";
    command[1] = "extract";
    command[2] = "--out";
    command[3] = out.toString();
    System.arraycopy(args, 0, command, 4, args.length);
    return CliRunner.runRaw("", command);
  }

  /** The entry {@code out/<slug>.json}, parsed. */
  static JsonNode entry(Path out, String slug) throws IOException {
    return Json.parse(text(out, slug));
  }

  /** The entry's bytes, as text. */
  static String text(Path out, String slug) throws IOException {
    return Files.readString(out.resolve(slug + ".json"));
  }

  static List<String> field(JsonNode entry, String name) {
    List<String> values = new ArrayList<>();
    entry.get("tools").forEach(t -> values.add(t.get(name).stringValue()));
    return values;
  }

  static List<String> ids(JsonNode entry) {
    return field(entry, "id");
  }

  static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.propertyNames().forEach(keys::add);
    return keys;
  }

  /** The file names in {@code out}. */
  static List<String> names(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.sorted((a, b) -> b.compareTo(a)).toList()) Files.delete(f);
    }
  }
}
