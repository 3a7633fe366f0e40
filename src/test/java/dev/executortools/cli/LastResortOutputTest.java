package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * The envelope printed without the JSON library (when the heap ran out while a class of it was
 * being initialized) is the same document the library prints.
 */
class LastResortOutputTest {
  @Test
  void theLastResortEnvelopeIsTheSameDocumentAsTheLibrarys() {
    String message = "out of memory in call \"x\" \\ (OutOfMemoryError)\u0001: give the JVM more";
    String byHand = printed(() -> Output.lastResort(ErrorCode.INTERNAL_ERROR, message));
    String byLibrary = printed(() -> Output.fail(ToolError.of(ErrorCode.INTERNAL_ERROR, message)));
    assertThat(Json.parse(byHand)).isEqualTo(Json.parse(byLibrary));
    assertThat(Json.parse(byHand).path("error").path("message").asString()).isEqualTo(message);
    assertThat(byHand).isEqualTo(byLibrary);
  }

  private static String printed(IntSupplier print) {
    PrintStream before = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      assertThat(print.getAsInt()).isEqualTo(Output.FAILED);
    } finally {
      System.setOut(before);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
