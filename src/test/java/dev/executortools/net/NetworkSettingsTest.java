package dev.executortools.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkSettingsTest {
  @TempDir Path home;

  private void settings(String json) throws Exception {
    Files.writeString(home.resolve(NetworkSettings.FILE_NAME), json);
  }

  @Test
  void privateAddressesAreRefusedByDefault() {
    assertThat(NetworkSettings.policy(null, Map.of(), home).allowPrivateNetwork()).isFalse();
    assertThat(NetworkSettings.policy(null, Map.of(), null).allowPrivateNetwork()).isFalse();
  }

  @Test
  void theProgramsChoiceComesFirstThenTheEnvironmentThenTheHome() throws Exception {
    settings("{\"allowPrivateNetwork\": true}");
    Map<String, String> envFalse = Map.of(NetworkSettings.ENV, "false");
    Map<String, String> envTrue = Map.of(NetworkSettings.ENV, "TRUE");

    assertThat(NetworkSettings.policy(null, Map.of(), home).allowPrivateNetwork()).isTrue();
    assertThat(NetworkSettings.policy(null, envFalse, home).allowPrivateNetwork()).isFalse();
    assertThat(NetworkSettings.policy(false, envTrue, home).allowPrivateNetwork()).isFalse();
    assertThat(NetworkSettings.policy(null, envTrue, null).allowPrivateNetwork()).isTrue();
    assertThat(NetworkSettings.policy(true, Map.of(), null).allowPrivateNetwork()).isTrue();
  }

  @Test
  void anythingButTheBooleanTrueInTheHomeKeepsPrivateAddressesRefused() throws Exception {
    for (String json :
        new String[] {
          "{\"allowPrivateNetwork\": \"true\"}", "{\"allowPrivateNetwork\": 1}", "{not json", "[]"
        }) {
      settings(json);
      assertThat(NetworkSettings.policy(null, Map.of(), home).allowPrivateNetwork())
          .as(json)
          .isFalse();
    }
  }
}
