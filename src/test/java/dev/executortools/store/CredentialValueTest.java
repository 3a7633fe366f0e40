package dev.executortools.store;

import static dev.executortools.store.StoreFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.executortools.CredentialValue;
import dev.executortools.internal.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialValueTest {

  @Test
  void aStringIsALiteralAndAnObjectIsASecretReference() {
    assertThat(CredentialValue.fromJson(json("\"abc\"")))
        .isEqualTo(new CredentialValue.Literal("abc"));
    assertThat(CredentialValue.fromJson(json("{\"secretId\":\"gh\"}")))
        .isEqualTo(CredentialValue.SecretRef.of("gh"));
    assertThat(CredentialValue.fromJson(json("{\"secretId\":\"gh\",\"prefix\":\"Bearer \"}")))
        .isEqualTo(new CredentialValue.SecretRef("gh", "Bearer "));
  }

  @Test
  void theStoredFormReadsBackToTheSameValue() {
    for (CredentialValue value :
        List.of(
            new CredentialValue.Literal("x"),
            CredentialValue.SecretRef.of("a"),
            new CredentialValue.SecretRef("a", "token "))) {
      assertThat(CredentialValue.fromJson(json(Json.write(value.toJson())))).isEqualTo(value);
    }
  }

  @Test
  void malformedValuesAreRejectedWithAMessageThatNamesTheProblemButNotTheValue() {
    assertThatThrownBy(() -> CredentialValue.fromJson(json("12345")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a credential value must be a string or an object {\"secretId\": \"...\", \"prefix\"?:"
                + " \"...\"}, not number");
    assertThatThrownBy(() -> CredentialValue.fromJson(json("{\"prefix\":\"Bearer \"}")))
        .hasMessageContaining("needs \"secretId\"");
    assertThatThrownBy(
            () -> CredentialValue.fromJson(json("{\"secretId\":\"a\",\"value\":\"hunter2\"}")))
        .hasMessageContaining("not \"value\"")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> CredentialValue.fromJson(json("{\"secretId\":\"a\",\"prefix\":3}")))
        .hasMessageContaining("\"prefix\"");
    assertThatThrownBy(() -> CredentialValue.fromJson(null)).hasMessageContaining("not missing");
  }

  @Test
  void aMapOfValuesKeepsOrderAndNamesTheEntryThatIsWrong() {
    Map<String, CredentialValue> values =
        CredentialValue.mapFromJson(json("{\"b\":\"1\",\"a\":{\"secretId\":\"s\"}}"));

    assertThat(values.keySet()).containsExactly("b", "a");
    assertThat(CredentialValue.mapFromJson(null)).isEmpty();
    assertThatThrownBy(() -> CredentialValue.mapFromJson(json("{\"X-Key\":[\"secret-in-array\"]}")))
        .hasMessageStartingWith("\"X-Key\": a credential value must be")
        .hasMessageNotContaining("secret-in-array");
    assertThatThrownBy(() -> CredentialValue.mapFromJson(json("\"x\"")))
        .hasMessageContaining("object of names");
  }

  @Test
  void literalValuesNeverShowInToStringOrRedactedJson() {
    CredentialValue literal = new CredentialValue.Literal("sk_live_abcdef");

    assertThat(literal.toString()).doesNotContain("sk_live_abcdef").contains("<redacted>");
    assertThat(Json.write(literal.toRedactedJson())).isEqualTo("\"<redacted>\"");
    assertThat(Json.write(literal.toJson())).isEqualTo("\"sk_live_abcdef\"");
  }

  @Test
  void secretReferencesShowTheirIdAndPrefixWhichAreNotSecret() {
    CredentialValue ref = new CredentialValue.SecretRef("gh_token", "Bearer ");

    assertThat(Json.write(ref.toRedactedJson()))
        .isEqualTo("{\"secretId\":\"gh_token\",\"prefix\":\"Bearer \"}");
    assertThat(ref.toString()).contains("gh_token");
  }

  @Test
  void aBlankSecretIdIsRejected() {
    assertThatThrownBy(() -> CredentialValue.SecretRef.of(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
