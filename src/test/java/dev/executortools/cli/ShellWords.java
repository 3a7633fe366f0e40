package dev.executortools.cli;

import java.util.ArrayList;
import java.util.List;

/** A README command line split into words as sh splits it: blanks apart, '...' kept whole. */
final class ShellWords {
  private ShellWords() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (char c : line.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        inWord = true;
      } else if (!quoted && Character.isWhitespace(c)) {
        if (inWord) words.add(word.toString());
        word.setLength(0);
        inWord = false;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quoted) throw new IllegalArgumentException("unclosed quote in: " + line);
    if (inWord) words.add(word.toString());
    return words;
  }
}
