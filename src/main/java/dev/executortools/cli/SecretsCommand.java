package dev.executortools.cli;

import dev.executortools.internal.Json;
import dev.executortools.store.FileSecretStore;
import dev.executortools.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code secrets set NAME} (value on stdin) {@code | list | remove NAME}: names only, never values. */
@Command(name = "secrets", mixinStandardHelpOptions = true,
    description = "Store secrets that source headers and query parameters refer to as {\"secretId\": NAME}.",
    subcommands = {SecretsCommand.Set.class, SecretsCommand.ListSecrets.class, SecretsCommand.Remove.class})
final class SecretsCommand {

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Set a secret; its value is read from stdin (one trailing newline is dropped).")
  static final class Set implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "NAME", description = "Secret name: letters, digits, '_', '.', '-'.")
    String name;

    @Override
    public Integer call() throws IOException {
      if (!FileSecretStore.isValidName(name)) {
        Output.error("invalid secret name: use 1 to 128 of [A-Za-z0-9_.-]");
        return 2;
      }
      String value = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      if (value.endsWith("\r\n")) value = value.substring(0, value.length() - 2);
      else if (value.endsWith("\n")) value = value.substring(0, value.length() - 1);
      if (value.isEmpty()) {
        Output.error("no value on stdin: pipe the secret in, e.g. printf %s \"$TOKEN\" | ... secrets set " + name);
        return 1;
      }
      try {
        new FileSecretStore(home.resolve()).set(name, value);
      } catch (StoreException e) {
        Output.error(e.getMessage());
        return 1;
      }
      Output.json(Json.object().put("ok", true).put("secret", name));
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the secrets' names (never their values).")
  static final class ListSecrets implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() {
      ObjectNode out = Json.object();
      ArrayNode names = out.putArray("secrets");
      new FileSecretStore(home.resolve()).names().forEach(names::add);
      Output.json(out);
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a secret.")
  static final class Remove implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      boolean removed = new FileSecretStore(home.resolve()).remove(name);
      Output.json(Json.object().put("ok", removed).put("secret", name));
      if (!removed) Output.error("no secret named " + name);
      return removed ? 0 : 1;
    }
  }
}
