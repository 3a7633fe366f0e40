package dev.executortools.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsConfigFileTest {
  @TempDir Path dir;
  Path file;

  @BeforeEach
  void write() throws Exception {
    file = dir.resolve("config");
    Files.writeString(
        file,
        """
        [default]
        sso_session = my-sso
        region = eu-west-1

        [profile dev]
        sso_session = my-sso
        sso_account_id = 111122223333
        sso_role_name = ReadOnly

        [profile legacy]
        sso_start_url = https://legacy.awsapps.com/start
        sso_region = us-west-2

        [profile keys]
        aws_access_key_id = AKIAIOSFODNN7EXAMPLE

        [sso-session my-sso]
        sso_start_url = https://d-9067642ac7.awsapps.com/start
        sso_region = eu-west-1
        sso_registration_scopes = sso:account:access, ,codewhisperer:completions
        """);
  }

  @Test
  void aProfileNamingAnSsoSessionTakesTheSessionsSettings() {
    SsoSession session = AwsConfigFile.read(file).profile("dev");
    assertThat(session)
        .isEqualTo(
            new SsoSession(
                "https://d-9067642ac7.awsapps.com/start",
                "eu-west-1",
                "my-sso",
                List.of("sso:account:access", "codewhisperer:completions")));
    assertThat(AwsConfigFile.read(file).profile("default")).isEqualTo(session);
    assertThat(AwsConfigFile.read(file).ssoSession("my-sso")).isEqualTo(session);
  }

  @Test
  void aLegacyProfileHasNoSessionName() {
    assertThat(AwsConfigFile.read(file).profile("legacy"))
        .isEqualTo(SsoSession.of("https://legacy.awsapps.com/start", "us-west-2"));
  }

  @Test
  void whatIsMissingIsNamed() {
    AwsConfigFile config = AwsConfigFile.read(file);
    assertThatThrownBy(() -> config.profile("keys"))
        .hasMessage("profile keys in " + file + " has neither sso_session nor sso_start_url");
    assertThatThrownBy(() -> config.profile("nope")).hasMessage("no profile nope in " + file);
    assertThatThrownBy(() -> config.ssoSession("other"))
        .hasMessage("no [sso-session other] in " + file);
    assertThatThrownBy(() -> AwsConfigFile.read(dir.resolve("absent")))
        .hasMessage("no AWS config file at " + dir.resolve("absent"));
  }

  @Test
  void theFileIsAwsConfigFileElseUnderHome() {
    assertThat(AwsConfigFile.defaultPath(Map.of("AWS_CONFIG_FILE", file.toString())))
        .isEqualTo(file);
    assertThat(AwsConfigFile.defaultPath(Map.of("HOME", "/home/ana")))
        .isEqualTo(Path.of("/home/ana/.aws/config"));
    assertThat(AwsConfigFile.defaultPath(Map.of("HOME", "/home/ana", "AWS_CONFIG_FILE", "~/cfg")))
        .isEqualTo(Path.of("/home/ana/cfg"));
    assertThat(TokenCache.defaultDirectory(Map.of("HOME", "/home/ana")))
        .isEqualTo(Path.of("/home/ana/.aws/sso/cache"));
  }
}
