package dev.executortools.testing;

import java.io.File;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The test class path for a child JVM in a small heap: without the AWS SDK for Java v2 jars that
 * only the differential tests use (the service clients: a service loader opening every jar of the
 * class path keeps their large central directories in the heap). The SDK's {@code profiles}, {@code
 * utils} and {@code annotations}, which the plugin itself uses, stay.
 */
public final class ChildClasspath {
  private static final Set<String> PLUGIN_USES = Set.of("profiles", "utils", "annotations");

  private ChildClasspath() {}

  public static String withoutTestOnlyAwsSdk() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(ChildClasspath::keep)
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static boolean keep(String entry) {
    String path = entry.replace(File.separatorChar, '/');
    int at = path.indexOf("/software/amazon/awssdk/");
    if (at < 0) return true;
    String artifact = path.substring(at + "/software/amazon/awssdk/".length()).split("/")[0];
    return PLUGIN_USES.contains(artifact);
  }
}
