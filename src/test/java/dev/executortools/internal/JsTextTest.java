package dev.executortools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsTextTest {
  @Test
  void trimStripsExactlyTheCharactersJavaScriptTrimStrips() {
    // node: for c in 0..0xFFFF, String.fromCharCode(c).trim() === "" holds exactly for these.
    List<Integer> expected =
        List.of(
            0x9, 0xA, 0xB, 0xC, 0xD, 0x20, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
            0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
            0xFEFF);
    List<Integer> stripped = new ArrayList<>();
    for (int c = 0; c <= 0xFFFF; c++) {
      if (JsText.trim("x" + (char) c).equals("x") && JsText.trim((char) c + "x").equals("x")) {
        stripped.add(c);
      }
    }
    assertThat(stripped).isEqualTo(expected);
  }

  @Test
  void trimKeepsInnerWhiteSpace() {
    assertThat(JsText.trim("\u00a0 a \t b\u3000")).isEqualTo("a \t b");
  }
}
