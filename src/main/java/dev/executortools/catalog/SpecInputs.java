package dev.executortools.catalog;

import dev.executortools.fetch.SpecFetcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The command line's SPEC arguments as a list of {@link SpecInput}s: a folder stands for every
 * {@code .json}, {@code .yaml} and {@code .yml} file below it (hidden ones aside, sorted by path),
 * a file for itself, a URL for itself. Slugs are unique: a slug met again gets {@code _2}, {@code
 * _3}, ... in that order. A folder's walk leaves out the output folder, so that a run never reads
 * the entries of an earlier one as specs.
 */
public final class SpecInputs {
  private SpecInputs() {}

  public static List<SpecInput> expand(List<String> specs, Path outDir) throws IOException {
    Path excluded = outDir.toAbsolutePath().normalize();
    List<SpecInput> inputs = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (String spec : specs) {
      if (SpecFetcher.isUrl(spec)) {
        inputs.add(new SpecInput(spec.strip(), true, unique(Slugs.of(urlSegments(spec)), taken)));
        continue;
      }
      Path path = Path.of(spec);
      if (Files.isDirectory(path)) {
        for (Path file : walk(path, excluded)) {
          List<String> segments = new ArrayList<>();
          path.relativize(file).forEach(p -> segments.add(p.toString()));
          inputs.add(new SpecInput(file.toString(), false, unique(Slugs.of(segments), taken)));
        }
      } else {
        Path name = path.getFileName();
        List<String> segments = name == null ? List.of() : List.of(name.toString());
        if (path.getParent() != null && name != null && isGenericName(name.toString())) {
          segments =
              List.of(
                  String.valueOf(path.toAbsolutePath().getParent().getFileName()), name.toString());
        }
        inputs.add(new SpecInput(path.toString(), false, unique(Slugs.of(segments), taken)));
      }
    }
    return inputs;
  }

  private static List<Path> walk(Path folder, Path excluded) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(f -> !isHidden(folder.relativize(f)))
          .filter(f -> !f.toAbsolutePath().normalize().startsWith(excluded))
          .filter(f -> hasSpecExtension(f) && Files.isRegularFile(f))
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) if (part.toString().startsWith(".")) return true;
    return false;
  }

  private static boolean hasSpecExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static boolean isGenericName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.startsWith("openapi.") || lower.startsWith("swagger.");
  }

  private static List<String> urlSegments(String url) {
    List<String> segments = new ArrayList<>();
    try {
      URI uri = URI.create(url.strip());
      if (uri.getHost() != null) segments.add(uri.getHost());
      if (uri.getPath() != null) segments.addAll(Arrays.asList(uri.getPath().split("/")));
    } catch (IllegalArgumentException e) {
      segments.add(url.strip());
    }
    return segments;
  }

  private static String unique(String slug, Set<String> taken) {
    String candidate = slug;
    for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) candidate = slug + "_" + n;
    return candidate;
  }
}
