package dev.executortools;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.executortools.registry.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The package map of README "Layout", checked on the compiled classes with ArchUnit: a new import
 * that the map does not allow fails here, naming the classes. {@link ReadmeLayoutTest} checks that
 * the README's table is this map.
 */
class ArchitectureTest {
  static final String ROOT = "(root)";

  /**
   * The one package the root may use besides {@code internal}: the machinery, through its bridge.
   */
  static final String BRIDGE = "registry";

  /**
   * Each package, bottom up, with the packages it may use; each named in a row above it but the
   * bridge.
   */
  static final Map<String, Set<String>> MAY_USE =
      map(
          "internal",
          Set.of(),
          "home",
          Set.of("internal"),
          ROOT,
          Set.of("internal", BRIDGE),
          "parse",
          Set.of(ROOT, "internal"),
          "extract",
          Set.of("internal", "parse"),
          "auth",
          Set.of(ROOT, "extract", "internal"),
          "naming",
          Set.of("extract", "internal"),
          "schema",
          Set.of(ROOT, "extract", "internal", "parse"),
          "compile",
          Set.of(ROOT, "extract", "internal", "naming", "parse", "schema"),
          "bind",
          Set.of(ROOT, "compile", "extract", "internal"),
          "result",
          Set.of(ROOT, "internal"),
          "net",
          Set.of("home"),
          "oauth",
          Set.of("internal"),
          "awsapi",
          Set.of("bind", "compile", "extract", "home", "internal"),
          "invoke",
          Set.of(ROOT, "bind", "internal", "net", "result"),
          "fetch",
          Set.of(ROOT, "internal", "invoke", "net", "parse", "result"),
          "store",
          Set.of(ROOT, "auth", "compile", "extract", "home", "internal"),
          "policy",
          Set.of(ROOT, "home", "internal"),
          "aws",
          Set.of(ROOT, "bind", "compile", "extract", "internal", "parse", "result", "store"),
          "tools",
          Set.of(ROOT, "extract", "fetch", "internal", "naming", "parse", "schema"),
          "search",
          Set.of(ROOT, "naming"),
          BRIDGE,
          Set.of(
              ROOT,
              "auth",
              "aws",
              "awsapi",
              "bind",
              "compile",
              "extract",
              "fetch",
              "home",
              "internal",
              "invoke",
              "naming",
              "net",
              "oauth",
              "parse",
              "policy",
              "result",
              "schema",
              "search",
              "store",
              "tools"),
          "sso",
          Set.of(ROOT, "home", "internal"),
          "catalog",
          Set.of(ROOT, "compile", "fetch", "internal", "parse", "tools"),
          "agent",
          Set.of(ROOT, "internal", "schema"),
          "langchain4j",
          Set.of(ROOT, "agent", "internal"),
          "spring",
          Set.of(ROOT, "agent"),
          "mcp",
          Set.of(ROOT, "agent", "home", "internal", "invoke", "result", "schema"),
          "cli",
          Set.of(
              ROOT,
              "agent",
              "aws",
              "catalog",
              "home",
              "internal",
              "invoke",
              "mcp",
              "parse",
              "policy",
              "schema",
              "sso",
              "store"));

  /** The shells on top: nothing else may use them. */
  static final List<String> SHELLS =
      List.of("cli", "mcp", "catalog", "agent", "langchain4j", "spring");

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.executortools");

  @Test
  void noPackagesImportEachOtherInACycle() {
    slices().matching("dev.executortools.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void everyPackageUsesOnlyWhatItsLayoutRowNames() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String name : MAY_USE.keySet()) {
      layers = layers.layer(name).definedBy(packageOf(name));
    }
    for (Map.Entry<String, Set<String>> row : MAY_USE.entrySet()) {
      layers =
          row.getValue().isEmpty()
              ? layers.whereLayer(row.getKey()).mayNotAccessAnyLayer()
              : layers
                  .whereLayer(row.getKey())
                  .mayOnlyAccessLayers(row.getValue().toArray(String[]::new));
    }
    layers.check(CLASSES);
  }

  @Test
  void theRootReachesTheMachineryOnlyThroughToolRegistryAndTheBridge() {
    noClasses()
        .that()
        .resideInAPackage("dev.executortools")
        .and(not(belongToAnyOf(ToolRegistry.class)))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.executortools." + BRIDGE + "..")
        .check(CLASSES);
    classes()
        .that()
        .belongToAnyOf(ToolRegistry.class)
        .should()
        .onlyDependOnClassesThat(
            resideOutsideOfPackage("dev.executortools." + BRIDGE + "..")
                .or(belongToAnyOf(Registry.class)))
        .check(CLASSES);
  }

  @Test
  void theMachineryIsPackagePrivateButTheBridge() {
    classes()
        .that()
        .resideInAPackage("dev.executortools." + BRIDGE + "..")
        .and()
        .arePublic()
        .should(
            new ArchCondition<JavaClass>("be the bridge Registry or one of its nested classes") {
              @Override
              public void check(JavaClass type, ConditionEvents events) {
                if (!belongToAnyOf(Registry.class).test(type))
                  events.add(
                      SimpleConditionEvent.violated(
                          type,
                          type.getName()
                              + " is public: the machinery is package-private but the bridge"));
              }
            })
        .check(CLASSES);
  }

  @Test
  void onlyTheShellsAndSsoOpenARegistry() {
    List<String> users = new ArrayList<>(SHELLS);
    users.add("sso");
    noClasses()
        .that(not(resideInAPackage("dev.executortools")))
        .and(not(resideInAPackage("dev.executortools.(" + String.join("|", users) + ")..")))
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(ToolRegistry.class, ToolPlugin.class, ExecutorToolsPlugin.class)
        .check(CLASSES);
  }

  @Test
  void theMapIsOneWayAndTheShellsAreOnTop() {
    List<String> above = new ArrayList<>();
    for (Map.Entry<String, Set<String>> row : MAY_USE.entrySet()) {
      for (String used : row.getValue()) {
        if (row.getKey().equals(ROOT) && used.equals(BRIDGE)) continue;
        assertThat(above)
            .as(row.getKey() + " may use only packages of rows above it")
            .contains(used);
      }
      above.add(row.getKey());
    }
    assertThat(MAY_USE.get("internal")).as("internal depends on nothing of ours").isEmpty();
    for (Map.Entry<String, Set<String>> row : MAY_USE.entrySet()) {
      if (!SHELLS.contains(row.getKey())) {
        assertThat(row.getValue())
            .as(row.getKey() + " uses no shell")
            .doesNotContainAnyElementsOf(SHELLS);
      }
    }
  }

  @Test
  void theMapNamesEveryPackageThereIs() {
    Set<String> packages = new java.util.TreeSet<>();
    CLASSES.forEach(c -> packages.add(layerOf(c.getPackageName())));
    assertThat(packages).containsExactlyInAnyOrderElementsOf(MAY_USE.keySet());
  }

  private static String packageOf(String layer) {
    return layer.equals(ROOT) ? "dev.executortools" : "dev.executortools." + layer + "..";
  }

  private static String layerOf(String packageName) {
    if (packageName.equals("dev.executortools")) return ROOT;
    String rest = packageName.substring("dev.executortools.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static Map<String, Set<String>> map(Object... rows) {
    Map<String, Set<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < rows.length; i += 2) {
      @SuppressWarnings("unchecked")
      Set<String> uses = (Set<String>) rows[i + 1];
      map.put((String) rows[i], uses);
    }
    return map;
  }
}
