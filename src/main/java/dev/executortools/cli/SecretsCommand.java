package dev.executortools.cli;

import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Json;
import dev.executortools.store.FileSecretStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code secrets set NAME} (value on stdin) {@code | list | remove NAME}: names only, never values.
 */
@Command(
    name = "secrets",
    mixinStandardHelpOptions = true,
    description =
        "Store secrets that source headers and query parameters refer to as {\"secretId\": NAME}.",
    subcommands = {
      SecretsCommand.Set.class,
      SecretsCommand.ListSecrets.class,
      SecretsCommand.Remove.class
    })
final class SecretsCommand {

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description =
          "Set a secret; its value is read from stdin (one trailing newline is dropped). data: {\"secretId\"}.")
  static final class Set implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "NAME", description = "Secret name: letters, digits, '_', '.', '-'.")
    String name;

    @Override
    public Integer call() throws IOException {
      if (!FileSecretStore.isValidName(name))
        return Output.usage("invalid secret name: use 1 to 128 of [A-Za-z0-9_.-]");
      String value = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      if (value.endsWith("\r\n")) value = value.substring(0, value.length() - 2);
      else if (value.endsWith("\n")) value = value.substring(0, value.length() - 1);
      if (value.isEmpty()) {
        return Output.usage(
            "no value on stdin: pipe the secret in, e.g. printf %s \"$TOKEN\" | ... secrets set "
                + name);
      }
      try {
        new FileSecretStore(home.resolve()).set(name, value);
      } catch (StoreException e) {
        return Output.fail(ToolError.of(ErrorCode.STORE_FAILED, e.getMessage()));
      }
      return Output.ok(Json.object().put("secretId", name));
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Print the secrets' names, never their values (data: an array of names).")
  static final class ListSecrets implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() {
      ArrayNode names = Json.array();
      try {
        new FileSecretStore(home.resolve()).names().forEach(names::add);
      } catch (StoreException e) {
        return Output.fail(ToolError.of(ErrorCode.STORE_FAILED, e.getMessage()));
      }
      return Output.ok(names);
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove a secret. data: {\"secretId\"}.")
  static final class Remove implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      boolean removed;
      try {
        removed = new FileSecretStore(home.resolve()).remove(name);
      } catch (StoreException e) {
        return Output.fail(ToolError.of(ErrorCode.STORE_FAILED, e.getMessage()));
      }
      if (!removed) {
        return Output.fail(
            ToolError.of(ErrorCode.MISSING_SECRET, "no secret named '" + name + "'")
                .withDetails(Json.object().put("secretId", name)));
      }
      return Output.ok(Json.object().put("secretId", name));
    }
  }
}
