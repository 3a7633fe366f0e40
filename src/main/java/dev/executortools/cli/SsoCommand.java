package dev.executortools.cli;

import dev.executortools.ErrorCode;
import dev.executortools.ToolResult;
import dev.executortools.aws.AwsEndpointResolver;
import dev.executortools.home.StoreException;
import dev.executortools.internal.Json;
import dev.executortools.sso.AwsConfigFile;
import dev.executortools.sso.DeviceCode;
import dev.executortools.sso.DeviceLogin;
import dev.executortools.sso.SsoSession;
import dev.executortools.sso.TokenCache;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sso login | token | logout}: the AWS IAM Identity Center device flow ({@code aws sso login
 * --use-device-code}) over the bundled SSO-OIDC tools, sharing the AWS CLI's token cache.
 */
@Command(
    name = "sso",
    mixinStandardHelpOptions = true,
    description = "Sign in to AWS IAM Identity Center with the device flow, as aws sso login does.",
    subcommands = {SsoCommand.Login.class, SsoCommand.Token.class, SsoCommand.Logout.class})
final class SsoCommand {

  /** Where the cache is and what the commands see of the environment. */
  static final class CacheOption {
    @Option(
        names = "--cache-dir",
        paramLabel = "DIR",
        description = "The SSO token cache (default: ~/.aws/sso/cache, shared with the AWS CLI).")
    Path cacheDir;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    Map<String, String> environment() {
      return Main.environmentOf(mixee);
    }

    TokenCache cache() {
      return new TokenCache(
          cacheDir != null ? cacheDir : TokenCache.defaultDirectory(environment()));
    }
  }

  /** Which session: a start URL given here, or a profile / sso-session of the AWS config file. */
  static final class SessionOptions {
    @Option(
        names = "--start-url",
        paramLabel = "URL",
        description = "IAM Identity Center start URL.")
    String startUrl;

    @Option(
        names = "--region",
        paramLabel = "REGION",
        description =
            "Region of the start URL (default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1).")
    String region;

    @Option(
        names = "--session-name",
        paramLabel = "NAME",
        description =
            "Cache the token under this sso-session name instead of the start URL;"
                + " alone, find the cached token of that name.")
    String sessionName;

    @Option(
        names = "--scopes",
        paramLabel = "SCOPE",
        split = ",",
        description = "Registration scopes, e.g. sso:account:access.")
    List<String> scopes;

    @Option(
        names = "--profile",
        paramLabel = "NAME",
        description =
            "Read the session from this profile of AWS_CONFIG_FILE (default ~/.aws/config).")
    String profile;

    @Option(
        names = "--sso-session",
        paramLabel = "NAME",
        description = "Read the session from [sso-session NAME] of the AWS config file.")
    String ssoSession;

    /**
     * @throws IllegalArgumentException for conflicting options or missing configuration
     */
    SsoSession resolve(
        Map<String, String> environment, Function<String, Optional<SsoSession>> byName) {
      if (startUrl != null) {
        if (profile != null || ssoSession != null) {
          throw new IllegalArgumentException(
              "give --start-url or --profile/--sso-session, not both");
        }
        String inEffect =
            region != null ? region : new AwsEndpointResolver(environment::get).region(null);
        return new SsoSession(startUrl, inEffect, sessionName, scopes);
      }
      if (region != null || scopes != null) {
        throw new IllegalArgumentException("--region and --scopes go with --start-url");
      }
      if (sessionName != null) {
        if (profile != null || ssoSession != null) {
          throw new IllegalArgumentException("give --session-name with --start-url, or alone");
        }
        return byName
            .apply(sessionName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no cached token for session "
                            + sessionName
                            + ": sign in with --start-url and --session-name"));
      }
      AwsConfigFile config = AwsConfigFile.read(AwsConfigFile.defaultPath(environment));
      if (ssoSession != null) return config.ssoSession(ssoSession);
      String name = profile != null ? profile : environment.getOrDefault("AWS_PROFILE", "default");
      return config.profile(name);
    }
  }

  @Command(
      name = "login",
      mixinStandardHelpOptions = true,
      description =
          "Sign in (device flow) unless a valid token is cached; prints where and until when, never the token.")
  static final class Login implements Callable<Integer> {
    @Mixin CacheOption cache;
    @Mixin SessionOptions session;

    @Option(
        names = "--no-browser",
        description = "Do not open a browser; only print the URL and code.")
    boolean noBrowser;

    @Override
    public Integer call() throws InterruptedException {
      return withSession(cache, session, this::login);
    }

    private int login(SsoSession target) throws InterruptedException {
      Map<String, String> environment = cache.environment();
      AtomicBoolean done = new AtomicBoolean();
      PrintStream err = System.err;
      Thread onCtrlC =
          new Thread(
              () -> {
                if (!done.get())
                  err.println("executor-tools: sso login cancelled; nothing was stored");
              });
      Runtime.getRuntime().addShutdownHook(onCtrlC);
      try (DeviceLogin login =
          DeviceLogin.builder()
              .environment(environment)
              .cache(cache.cache())
              .onCode(code -> show(code, err, environment))
              .build()) {
        return Output.result(login.login(target));
      } finally {
        done.set(true);
        removeHook(onCtrlC);
      }
    }

    /**
     * Prints the code; what the service sent is stripped of control characters (no terminal
     * escapes).
     */
    private void show(DeviceCode code, PrintStream err, Map<String, String> environment) {
      String complete = code.verificationUriComplete();
      boolean opened =
          !noBrowser
              && Browser.open(complete != null ? complete : code.verificationUri(), environment);
      err.println(
          opened
              ? "A browser was opened to approve this sign-in. If it did not, or to use another device, open"
              : "To approve this sign-in, open");
      err.println();
      err.println("  " + printable(code.verificationUri()));
      err.println();
      err.println("and enter the code");
      err.println();
      err.println("  " + printable(code.userCode()));
      err.println();
      if (complete != null) err.println("or open " + printable(complete));
      err.println("Waiting for approval (the code expires at " + code.expiresAt() + ")...");
    }
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description =
          "Print a valid cached access token (refreshed if needed) for scripts; never signs in.")
  static final class Token implements Callable<Integer> {
    @Mixin CacheOption cache;
    @Mixin SessionOptions session;

    @Override
    public Integer call() throws InterruptedException {
      return withSession(
          cache,
          session,
          target -> {
            try (DeviceLogin login =
                DeviceLogin.builder()
                    .environment(cache.environment())
                    .cache(cache.cache())
                    .build()) {
              return Output.result(login.accessToken(target));
            }
          });
    }
  }

  @Command(
      name = "logout",
      mixinStandardHelpOptions = true,
      description =
          "Remove every cached SSO token, as aws sso logout does (client registrations stay).")
  static final class Logout implements Callable<Integer> {
    @Mixin CacheOption cache;

    @Override
    public Integer call() {
      TokenCache tokens = cache.cache();
      try {
        int removed = tokens.removeTokens();
        return Output.result(
            ToolResult.success(
                Json.object()
                    .put("removed", removed)
                    .put("cacheDir", tokens.directory().toString())));
      } catch (StoreException e) {
        return Output.result(ToolResult.failure(ErrorCode.STORE_FAILED, e.getMessage()));
      }
    }
  }

  /** What a command does once it knows the session. */
  private interface SessionCommand {
    int run(SsoSession session) throws InterruptedException;
  }

  /** Runs {@code command} on the session the options name; usage errors exit 2, cache faults 1. */
  private static int withSession(CacheOption cache, SessionOptions options, SessionCommand command)
      throws InterruptedException {
    SsoSession session;
    try {
      session = options.resolve(cache.environment(), cache.cache()::sessionOf);
    } catch (IllegalArgumentException e) {
      return usageError(e);
    } catch (StoreException e) {
      return Output.result(ToolResult.failure(ErrorCode.STORE_FAILED, e.getMessage()));
    }
    return command.run(session);
  }

  private static int usageError(IllegalArgumentException e) {
    return Output.usage(e.getMessage());
  }

  static String printable(String text) {
    return text.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (Ctrl-C): the hook runs.
    }
  }
}
