package dev.executortools.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.SignInPrompt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * A browser on this machine as a sign-in meets it: follows the authorization URL, redirects and
 * all, to the loopback redirect, and expects the page that says it is done.
 */
public final class FollowingBrowser implements SignInPrompt {
  private final OkHttpClient http =
      new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
  public final List<String> opened = new ArrayList<>();

  @Override
  public void openUrl(String url) {
    opened.add(url);
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code())
          .as(response.request().url() + ": " + response.body().string())
          .isEqualTo(200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void showCode(String uri, String code, @Nullable String complete) {
    throw new AssertionError("no device code expected");
  }
}
