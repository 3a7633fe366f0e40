package dev.executortools.awsapi;

import dev.executortools.internal.Json;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/**
 * Run in a child JVM whose HOME (and {@code AWS_*} variables) a test chose: the AWS SDK for Java
 * v2's own {@code ProfileCredentialsProvider} resolves profile {@code args[0]} from the shared
 * files under that HOME (with {@code --default}: its {@code DefaultCredentialsProvider}, the
 * environment's and the container's credentials included) and prints the credentials as JSON
 * ({@code accessKeyId}, {@code secretAccessKey}, {@code sessionToken}): test credentials of a
 * loopback stand-in, compared with ours by the parent.
 */
public final class SdkProfileCredentialsMain {
  private SdkProfileCredentialsMain() {}

  public static void main(String[] args) {
    AwsCredentialsProvider provider =
        args[0].equals("--default")
            ? DefaultCredentialsProvider.builder().build()
            : ProfileCredentialsProvider.builder().profileName(args[0]).build();
    AwsCredentials credentials = provider.resolveCredentials();
    var json =
        Json.object()
            .put("accessKeyId", credentials.accessKeyId())
            .put("secretAccessKey", credentials.secretAccessKey());
    if (credentials instanceof AwsSessionCredentials session) {
      json.put("sessionToken", session.sessionToken());
    }
    System.out.println(Json.write(json));
    System.exit(0); // the SDK's credential refreshers may keep threads alive
  }

  /** Starts the SDK on {@code profile} in a JVM with {@code env} ({@code AWS_*} of ours gone). */
  public static Process start(
      String profile, java.util.Map<String, String> env, java.nio.file.Path log)
      throws java.io.IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            SdkProfileCredentialsMain.class.getName(),
            profile);
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
    builder.environment().putAll(env);
    return builder.redirectError(log.toFile()).start();
  }
}
