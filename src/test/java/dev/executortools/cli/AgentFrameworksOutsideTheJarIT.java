package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j, Spring AI and Spring are the program's, not ours (provided scope): the runnable jar
 * carries our glue for them (a few classes and the auto-configuration list) but none of their
 * classes, nor the Micrometer and schema generator they bring.
 */
class AgentFrameworksOutsideTheJarIT {
  @Test
  void theRunnableJarHoldsNoClassOfTheFrameworks() throws IOException {
    try (ZipFile jar = new ZipFile("target/executor-tools.jar")) {
      List<String> names = jar.stream().map(ZipEntry::getName).toList();

      assertThat(names)
          .filteredOn(
              n ->
                  n.startsWith("dev/langchain4j/")
                      || n.startsWith("org/springframework/")
                      || n.startsWith("io/micrometer/")
                      || n.startsWith("com/github/victools/"))
          .isEmpty();
      assertThat(names)
          .contains(
              "dev/executortools/langchain4j/ExecutorToolProvider.class",
              "dev/executortools/spring/ExecutorToolsAutoConfiguration.class");
    }
  }
}
