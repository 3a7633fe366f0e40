package dev.executortools.testing;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The class path the command line runs with, for child JVMs that measure it (a small heap holds
 * every jar's central directory it opens): the test class path less the agent frameworks'
 * (LangChain4j, Spring, Spring AI: {@code provided}, so never on the command line's class path) and
 * what they bring.
 */
public final class CommandLineClassPath {
  /** Local-repository folders of the frameworks' jars and of the jars they alone bring. */
  private static final List<String> FRAMEWORKS =
      List.of(
          "/dev/langchain4j/",
          "/org/apache/opennlp/",
          "/org/springframework/",
          "/io/micrometer/",
          "/org/hdrhistogram/",
          "/com/github/victools/",
          "/com/fasterxml/classmate/",
          "/io/swagger/core/v3/swagger-annotations-jakarta/",
          "/com/knuddels/",
          "/org/antlr/",
          // the sentence model of the word vectors' generator (test scope)
          "/com/microsoft/onnxruntime/",
          "/ai/djl/",
          "/org/apache/commons/commons-math3/");

  private CommandLineClassPath() {}

  public static String get() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> FRAMEWORKS.stream().noneMatch(entry.replace('\\', '/')::contains))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
