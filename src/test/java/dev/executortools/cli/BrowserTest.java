package dev.executortools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only the cases that launch nothing: a browser is never started by a test. */
class BrowserTest {
  @Test
  void onlyHttpsUrlsAreEverOpened() {
    Map<String, String> display = Map.of("DISPLAY", ":0");
    assertThat(Browser.open("file:///etc/passwd", display)).isFalse();
    assertThat(Browser.open("http://device.sso.us-east-1.amazonaws.com/", display)).isFalse();
    assertThat(Browser.open("javascript:alert(1)", display)).isFalse();
    assertThat(Browser.open("https:///no-host", display)).isFalse();
    assertThat(Browser.open("not a url", display)).isFalse();
  }

  @Test
  void withoutADisplayOnLinuxNoBrowserIsStarted() {
    assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"));
    assertThat(Browser.open("https://device.sso.us-east-1.amazonaws.com/", Map.of())).isFalse();
  }
}
