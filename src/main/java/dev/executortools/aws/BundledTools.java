package dev.executortools.aws;

import dev.executortools.compile.CompileOptions;
import dev.executortools.compile.CompiledTool;
import dev.executortools.compile.ToolCompiler;
import dev.executortools.parse.SpecException;
import dev.executortools.parse.SpecReader;
import dev.executortools.store.ToolListFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The bundled SSO-OIDC tools: compiled from {@link SsoOidcProfile#SPEC_RESOURCE} once, at build
 * time ({@code mvn} runs {@link #main} in {@code process-classes}), into {@link #RESOURCE}; read
 * from there at run time. Without the resource (a build that skipped the step) they are compiled
 * from the spec, with the same result.
 */
public final class BundledTools {
  /** The precompiled tools on the classpath. */
  public static final String RESOURCE = "/dev/executortools/aws/sso-oidc.tools.json";

  /**
   * The ids of the tools, known without reading them (a call of any other id leaves them unread).
   */
  public static final Set<String> IDS =
      Set.of(
          "client.registerClient",
          "deviceAuthorization.startDeviceAuthorization",
          "token.createToken");

  private BundledTools() {}

  /** The tools, from the precompiled resource when present. */
  public static List<CompiledTool> load() {
    try (InputStream in = BundledTools.class.getResourceAsStream(RESOURCE)) {
      return in != null ? ToolListFile.read(in) : compile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tools compiled from the bundled spec (what the resource holds). */
  public static List<CompiledTool> compile() {
    SsoOidcProfile profile = SsoOidcProfile.standard();
    try (InputStream in = BundledTools.class.getResourceAsStream(SsoOidcProfile.SPEC_RESOURCE)) {
      if (in == null)
        throw new IllegalStateException(
            "bundled spec missing from the classpath: " + SsoOidcProfile.SPEC_RESOURCE);
      return ToolCompiler.compile(
              SpecReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)),
              null,
              new CompileOptions(
                  SsoOidcProfile.SOURCE_ID, "", profile.hiddenParamKeys(), SsoOidcProfile.SERVERS))
          .tools();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SpecException e) {
      throw new IllegalStateException("bundled spec does not compile: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the precompiled resource: {@code BundledTools OUTPUT_DIRECTORY} (the build's classes).
   */
  public static void main(String[] args) throws IOException {
    Path target = Path.of(args[0], RESOURCE.substring(1));
    Files.createDirectories(target.getParent());
    try (OutputStream out = Files.newOutputStream(target)) {
      ToolListFile.write(compile(), out);
    }
  }
}
