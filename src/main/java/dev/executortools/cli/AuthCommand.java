package dev.executortools.cli;

import dev.executortools.SignInPrompt;
import dev.executortools.ToolRegistry;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code auth login SOURCE [--scheme NAME] [--no-browser] | status [SOURCE] | logout SOURCE}: OAuth
 * 2.0 sign-in to an added source's schemes. URLs and codes go to stderr, the summary to stdout,
 * never a token.
 */
@Command(
    name = "auth",
    mixinStandardHelpOptions = true,
    description = "Sign in to a source's OAuth 2.0 schemes, see where each stands, sign out.",
    subcommands = {AuthCommand.Login.class, AuthCommand.Status.class, AuthCommand.Logout.class})
final class AuthCommand {

  @Command(
      name = "login",
      mixinStandardHelpOptions = true,
      description =
          "Sign in as the source's auth says: authorization code with PKCE through a loopback"
              + " redirect (the URL is printed and opened in a browser), the device code where the"
              + " server offers it, or client credentials. data: the scheme's status, never a token.")
  static final class Login implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "SOURCE", description = "The source's namespace.")
    String source;

    @Option(
        names = "--scheme",
        paramLabel = "NAME",
        description = "The security scheme to sign in to (needed when the source has several).")
    String scheme;

    @Option(
        names = "--no-browser",
        description =
            "Open no browser: sign in with the device code where the server offers it, else only print the URL.")
    boolean noBrowser;

    @Override
    public Integer call() {
      PrintStream err = System.err;
      Map<String, String> environment = home.environment();
      try (ToolRegistry registry = home.open(null)) {
        return Output.result(registry.signIn(source, scheme, prompt(err, environment)));
      }
    }

    private SignInPrompt prompt(PrintStream err, Map<String, String> environment) {
      return new SignInPrompt() {
        @Override
        public void openUrl(String url) {
          boolean opened = !noBrowser && Browser.open(url, environment);
          err.println(
              opened
                  ? "A browser was opened to sign in to " + source + ". If it did not, open"
                  : "To sign in to " + source + ", open this URL in a browser on this machine:");
          err.println();
          err.println("  " + SsoCommand.printable(url));
          err.println();
          err.println("Waiting for the browser to come back...");
        }

        @Override
        public void showCode(
            String verificationUri, String userCode, @Nullable String verificationUriComplete) {
          boolean opened =
              !noBrowser
                  && Browser.open(
                      verificationUriComplete != null ? verificationUriComplete : verificationUri,
                      environment);
          err.println(
              opened
                  ? "A browser was opened to approve this sign-in. If it did not, or to use another device, open"
                  : "To approve this sign-in, open");
          err.println();
          err.println("  " + SsoCommand.printable(verificationUri));
          err.println();
          err.println("and enter the code");
          err.println();
          err.println("  " + SsoCommand.printable(userCode));
          err.println();
          if (verificationUriComplete != null)
            err.println("or open " + SsoCommand.printable(verificationUriComplete));
          err.println("Waiting for approval...");
        }

        @Override
        public boolean hasBrowser() {
          return !noBrowser;
        }
      };
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Per source and scheme: configured, signed in, flow, expiry, scopes; never a token.")
  static final class Status implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "SOURCE", arity = "0..1", description = "One source (default: all).")
    String source;

    @Mixin AwsProfileOption awsProfile;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null, awsProfile.name)) {
        return Output.result(registry.signInStatus(source));
      }
    }
  }

  @Command(
      name = "logout",
      mixinStandardHelpOptions = true,
      description =
          "Revoke the source's tokens where the server offers revocation, and delete them.")
  static final class Logout implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(paramLabel = "SOURCE", description = "The source's namespace.")
    String source;

    @Override
    public Integer call() {
      try (ToolRegistry registry = home.open(null)) {
        return Output.result(registry.signOut(source));
      }
    }
  }
}
