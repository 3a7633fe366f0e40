package dev.executortools.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.executortools.internal.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class AwsEndpointResolverTest {

  /** {@code "A=1;B=2"} → map; blank → empty. */
  private static Map<String, String> env(String spec) {
    if (spec == null || spec.isBlank()) return Map.of();
    return Arrays.stream(spec.split(";"))
        .map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
  }

  private static String resolve(String serverArg, String sourceBaseUrl, String environment) {
    JsonNode server = serverArg == null || serverArg.isBlank() ? null : Json.parse(serverArg);
    return AwsEndpointResolver.withEnvironment(env(environment))
        .baseUrl(server, sourceBaseUrl, List.of());
  }

  @ParameterizedTest(name = "{3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // server argument                                   | source base URL         | environment
        //                                                        | expected
        "-                                                     | -                       | -                                                                  | https://oidc.us-east-1.amazonaws.com",
        "-                                                     | -                       | AWS_DEFAULT_REGION=eu-west-1                                       | https://oidc.eu-west-1.amazonaws.com",
        "-                                                     | -                       | AWS_REGION=ap-southeast-2;AWS_DEFAULT_REGION=eu-west-1             | https://oidc.ap-southeast-2.amazonaws.com",
        "-                                                     | -                       | AWS_REGION=cn-north-1                                              | https://oidc.cn-north-1.amazonaws.com.cn",
        "-                                                     | -                       | AWS_REGION=cn-northwest-1                                          | https://oidc.cn-northwest-1.amazonaws.com.cn",
        "-                                                     | -                       | AWS_REGION=us-gov-west-1                                           | https://oidc.us-gov-west-1.amazonaws.com",
        "{\"variables\": {\"region\": \"eu-central-1\"}}       | -                       | AWS_REGION=us-west-2                                               | https://oidc.eu-central-1.amazonaws.com",
        "{\"variables\": {\"region\": \"cn-north-1\"}}         | -                       | -                                                                  | https://oidc.cn-north-1.amazonaws.com.cn",
        "-                                                     | -                       | AWS_ENDPOINT_URL=http://localhost:4566;AWS_REGION=eu-west-1        | http://localhost:4566",
        "-                                                     | -                       | AWS_ENDPOINT_URL_SSO_OIDC=http://oidc.local/;AWS_ENDPOINT_URL=http://all.local | http://oidc.local",
        "{\"variables\": {\"region\": \"eu-central-1\"}}       | -                       | AWS_ENDPOINT_URL_SSO_OIDC=http://oidc.local                        | http://oidc.local",
        "-                                                     | https://proxy.example   | AWS_ENDPOINT_URL_SSO_OIDC=http://oidc.local                        | https://proxy.example",
        "{\"url\": \"http://127.0.0.1:9000/\"}                 | https://proxy.example   | AWS_ENDPOINT_URL_SSO_OIDC=http://oidc.local                        | http://127.0.0.1:9000",
        "{\"url\": \"https://oidc.{region}.amazonaws.com\", \"variables\": {\"region\": \"sa-east-1\"}} | - | -                                                    | https://oidc.sa-east-1.amazonaws.com",
        "{\"url\": \"https://oidc.{region}.amazonaws.com\"}    | -                       | AWS_REGION=me-south-1                                              | https://oidc.me-south-1.amazonaws.com",
        "{\"url\": \"  \"}                                     | -                       | AWS_REGION=eu-north-1                                              | https://oidc.eu-north-1.amazonaws.com",
        "-                                                     | -                       | AWS_ENDPOINT_URL= ;AWS_REGION= ;AWS_DEFAULT_REGION=ca-central-1    | https://oidc.ca-central-1.amazonaws.com",
      })
  void endpointFollowsTheAwsRules(
      String serverArg, String sourceBaseUrl, String environment, String expected) {
    assertThat(resolve(serverArg, sourceBaseUrl, environment)).isEqualTo(expected);
  }

  @Test
  void regionThatIsNotAHostLabelIsRefused() {
    assertThatThrownBy(() -> resolve("{\"variables\": {\"region\": \"evil.com/x#\"}}", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("server.variables.region must be an AWS region name such as us-east-1");
    assertThatThrownBy(() -> resolve(null, null, "AWS_REGION=EU WEST"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void environmentIsReadThroughTheGivenFunction() {
    AwsEndpointResolver resolver =
        new AwsEndpointResolver(name -> name.equals("AWS_REGION") ? "af-south-1" : null);

    assertThat(resolver.baseUrl(null, null, List.of()))
        .isEqualTo("https://oidc.af-south-1.amazonaws.com");
  }
}
