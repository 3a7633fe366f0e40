package dev.executortools.cli;

import picocli.CommandLine.Option;

/** {@code --profile NAME}: the AWS profile of the commands that call or report AWS sources. */
final class AwsProfileOption {
  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "The AWS profile AWS sources sign with, over their awsProfile, AWS_PROFILE and the environment's keys.")
  String name;
}
