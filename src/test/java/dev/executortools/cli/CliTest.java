package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path home;

  private CliRunner.Run run(String stdin, String... args) {
    return CliRunner.runRaw(stdin, args);
  }

  @Test
  void toolsListWithSchemasPrintsExactlyTheCommittedManifest() throws Exception {
    CliRunner.Run run = run("", "tools", "list", "--schemas", "--home", home.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.json().path("ok").asBoolean()).isTrue();
    String manifest = Files.readString(Path.of("tools-manifest.json"));
    assertThat(Json.parse(manifest).isArray())
        .as("the manifest is a plain array of tools")
        .isTrue();
    assertThat(run.data())
        .as(
            "tools-manifest.json drifted from the code: regenerate it with tools list ... | jq .data (see README)")
        .isEqualTo(Json.parse(manifest));
    assertThat(run.data()).hasSize(5);
  }

  @Test
  void homeIsAcceptedBeforeTheCommandToo() {
    CliRunner.Run run = run("", "--home", home.toString(), "tools", "list");
    assertThat(run.exit()).isZero();
    assertThat(run.data()).hasSize(5);
  }

  @Test
  void describePrintsOneToolAndFailsWithUnknownToolWhenThereIsNone() {
    CliRunner.Run known =
        run("", "tools", "describe", "token.createToken", "--home", home.toString());
    assertThat(known.exit()).isZero();
    assertThat(known.data().path("id").asString()).isEqualTo("token.createToken");
    CliRunner.Run unknown = run("", "tools", "describe", "no.such.tool", "--home", home.toString());
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.errorCode()).isEqualTo("unknown_tool");
    assertThat(unknown.json().path("error").path("message").asString()).contains("no.such.tool");
  }

  @Test
  void callWithYesAddsTheHttpbinSourceFromStdin() {
    String args =
        Json.write(Json.object().put("spec", Corpus.read("httpbin.org__0.9.2.openapi.yaml")));
    CliRunner.Run run =
        run(args, "call", "--yes", "openapi.addSource", "-", "--home", home.toString());
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.json().path("ok").asBoolean()).isTrue();
    assertThat(run.json().path("data").path("tools")).hasSize(78);
  }

  @Test
  void argFileReadsALocalSpecTheUserNames() throws Exception {
    Path spec = home.resolve("httpbin.yaml");
    Files.writeString(spec, Corpus.read("httpbin.org__0.9.2.openapi.yaml"));
    CliRunner.Run run =
        run(
            "",
            "call",
            "--yes",
            "openapi.addSource",
            "--arg-file",
            "spec=" + spec,
            "{\"namespace\": \"bin\"}",
            "--home",
            home.toString());
    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(run.json().path("data").path("sourceId").asString()).isEqualTo("bin");
    assertThat(run.json().path("data").path("toolCount").asInt()).isEqualTo(78);
    CliRunner.Run missing =
        run(
            "",
            "call",
            "--yes",
            "openapi.addSource",
            "--arg-file",
            "spec=" + home.resolve("nope.yaml"),
            "--home",
            home.toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.errorCode()).isEqualTo("invalid_usage");
    assertThat(missing.json().path("error").path("message").asString()).contains("nope.yaml");
  }

  @Test
  void aSpecArgumentThatNamesALocalFileIsNeverRead() throws Exception {
    Path spec = home.resolve("local.yaml");
    Files.writeString(spec, Corpus.read("httpbin.org__0.9.2.openapi.yaml"));
    for (String reference : new String[] {spec.toString(), "file://" + spec}) {
      CliRunner.Run run =
          run(
              "",
              "call",
              "openapi.previewSpec",
              Json.write(Json.object().put("spec", reference)),
              "--home",
              home.toString());
      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.json().path("error").path("code").asString())
          .isEqualTo("openapi_parse_failed");
    }
  }

  @Test
  void callWithoutYesAnswersApprovalRequiredWhenNoOneCanBeAsked() {
    CliRunner.Run run =
        run(
            "",
            "call",
            "openapi.addSource",
            "{\"spec\": \"openapi: 3.0.0\"}",
            "--home",
            home.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.json().path("error").path("code").asString()).isEqualTo("approval_required");
  }

  @Test
  void callPreviewSpecPrintsAResultAndFailuresExitOne() {
    CliRunner.Run ok =
        run(
            "",
            "call",
            "openapi.previewSpec",
            Json.write(Json.object().put("spec", Corpus.read("httpbin.org__0.9.2.openapi.yaml"))),
            "--home",
            home.toString());
    assertThat(ok.exit()).isZero();
    assertThat(ok.json().path("data").path("operationCount").asInt()).isEqualTo(78);
    CliRunner.Run bad =
        run(
            "",
            "call",
            "openapi.previewSpec",
            "{\"spec\": \"not a spec\"}",
            "--home",
            home.toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.json().path("error").path("code").asString()).isEqualTo("openapi_parse_failed");
  }

  @Test
  void malformedJsonArgumentsAreAUsageError() {
    CliRunner.Run run =
        run("", "call", "openapi.previewSpec", "{not json", "--home", home.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.errorCode()).isEqualTo("invalid_usage");
  }

  @Test
  void helpWorksOnEveryLevel() {
    assertThat(run("", "--help").exit()).isZero();
    assertThat(run("", "tools", "--help").exit()).isZero();
    assertThat(run("", "tools", "list", "--help").exit()).isZero();
    assertThat(run("", "call", "--help").out()).contains("--yes");
    assertThat(run("", "--version").out()).contains("executor-tools");
  }

  @Test
  void usageErrorsPrintAnEnvelopeOnStdoutAndTheUsageOnStderr() {
    for (String[] args :
        new String[][] {
          {"frobnicate"},
          {"tools"},
          {"call"},
          {"tools", "list", "--nope"},
          {"policies", "add", "only-a-pattern"}
        }) {
      CliRunner.Run run = run("", args);
      assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.errorCode()).as(String.join(" ", args)).isEqualTo("invalid_usage");
      assertThat(run.err()).contains("Usage:");
    }
  }
}
