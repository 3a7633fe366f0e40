package dev.executortools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown file. A block is marked as not run by an HTML comment on the
 * nearest non-blank line before its fence: {@code <!-- not run: why -->}.
 */
final class ReadmeBlocks {
  private static final Pattern FENCE_OPEN = Pattern.compile("^```(\\w*)\\s*$");
  private static final Pattern FENCE_CLOSE = Pattern.compile("^```\\s*$");
  private static final Pattern NOT_RUN = Pattern.compile("^<!--\\s*not run:\\s*(.+?)\\s*-->\\s*$");

  /**
   * @param language the fence's info string ({@code sh}, {@code java}, ...), empty when none
   * @param line the 1-based line of the opening fence
   * @param notRun the reason given for not running it, or null
   */
  record Block(String language, int line, String text, String notRun) {
    @Override
    public String toString() {
      return "README.md:" + line + " (" + language + ")";
    }
  }

  private ReadmeBlocks() {}

  static List<Block> read(Path markdown) throws IOException {
    List<String> lines = Files.readAllLines(markdown);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE_OPEN.matcher(lines.get(i));
      if (!open.matches()) continue;
      int start = i;
      StringBuilder text = new StringBuilder();
      for (i++; i < lines.size() && !FENCE_CLOSE.matcher(lines.get(i)).matches(); i++) {
        text.append(lines.get(i)).append('\n');
      }
      if (i == lines.size())
        throw new IllegalStateException("README.md:" + (start + 1) + ": fence never closed");
      blocks.add(new Block(open.group(1), start + 1, text.toString(), notRunReason(lines, start)));
    }
    return blocks;
  }

  private static String notRunReason(List<String> lines, int fence) {
    for (int j = fence - 1; j >= 0; j--) {
      if (lines.get(j).isBlank()) continue;
      Matcher marker = NOT_RUN.matcher(lines.get(j).strip());
      return marker.matches() ? marker.group(1) : null;
    }
    return null;
  }

  /**
   * Lines of a shell block that start a {@code java -jar} command (at the start, or after | && ;
   * ||).
   */
  static long javaJarCommands(String shell) {
    return shell
        .lines()
        .filter(line -> !line.strip().startsWith("#"))
        .mapToLong(
            line -> Pattern.compile("(^|[|&;])\\s*java -jar ").matcher(line).results().count())
        .sum();
  }
}
