package dev.executortools.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.testing.Corpus;
import org.junit.jupiter.api.Test;

class SpecLintTest {
  @Test
  void reportsWhatTheOpenApiReaderFindsWrong() throws Exception {
    SpecDocument doc =
        SpecReader.read(
            """
        openapi: 3.0.3
        info: {title: Lint}
        paths:
          /a:
            get:
              responses:
                '200': {content: {application/json: {schema: {type: object}}}}
              bogus: 1
        """);
    assertThat(String.join("\\n", SpecLint.messages(doc)))
        .contains("info.version is missing")
        .contains("bogus");
  }

  @Test
  void aCleanDocumentHasNoMessages() throws Exception {
    assertThat(SpecLint.messages(SpecReader.read(Corpus.read("httpbin.org__0.9.2.openapi.yaml"))))
        .isEmpty();
  }
}
