package dev.executortools.catalog;

import dev.executortools.fetch.SpecFetcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The command line's SPEC arguments as a list of {@link SpecInput}s: a folder stands for every
 * {@code .json}, {@code .yaml} and {@code .yml} file below it (hidden ones aside, sorted by path),
 * a file for itself, a URL for itself. Each gets a unique slug ({@link SlugAssigner}): from the
 * explicit mapping, else from the APIs.guru entry its file names ({@link ApisGuruKey}), else from
 * its path. A folder's walk leaves out the output folder, so that a run never reads the entries of
 * an earlier one as specs.
 */
public final class SpecInputs {
  /** A spec found, before it has a slug. */
  private record Found(String location, boolean url, SlugAssigner.Spec naming) {}

  private SpecInputs() {}

  /**
   * @param slugMap slugs chosen by the caller, by APIs.guru key ({@code github.com}) or by the
   *     spec's path (below the folder given, or as given)
   * @throws IllegalArgumentException when a slug of {@code slugMap} is not a plain file name
   */
  public static List<SpecInput> expand(List<String> specs, Path outDir, Map<String, String> slugMap)
      throws IOException {
    Path excluded = outDir.toAbsolutePath().normalize();
    List<Found> found = new ArrayList<>();
    for (String spec : specs) {
      if (SpecFetcher.isUrl(spec)) {
        String url = spec.strip();
        found.add(
            new Found(url, true, new SlugAssigner.Spec(List.of(url), null, urlSegments(url))));
        continue;
      }
      Path path = Path.of(spec);
      if (Files.isDirectory(path)) {
        for (Path file : walk(path, excluded)) {
          List<String> segments = new ArrayList<>();
          path.relativize(file).forEach(p -> segments.add(p.toString()));
          found.add(local(file, String.join("/", segments), segments));
        }
      } else {
        found.add(local(path, spec, fileSegments(path)));
      }
    }
    List<String> slugs =
        new SlugAssigner(slugMap).assign(found.stream().map(Found::naming).toList());
    List<SpecInput> inputs = new ArrayList<>(slugs.size());
    for (int i = 0; i < slugs.size(); i++) {
      inputs.add(new SpecInput(found.get(i).location(), found.get(i).url(), slugs.get(i)));
    }
    return inputs;
  }

  private static Found local(Path file, String name, List<String> segments) {
    ApisGuruKey key = ApisGuruKey.read(file);
    List<String> names = key == null ? List.of(name) : List.of(name, key.key());
    return new Found(file.toString(), false, new SlugAssigner.Spec(names, key, segments));
  }

  /** A file given directly: its own name, its folder's too when it is {@code openapi.*}. */
  private static List<String> fileSegments(Path path) {
    Path name = path.getFileName();
    if (name == null) return List.of();
    if (path.getParent() != null && isGenericName(name.toString())) {
      return List.of(
          String.valueOf(path.toAbsolutePath().getParent().getFileName()), name.toString());
    }
    return List.of(name.toString());
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
}
