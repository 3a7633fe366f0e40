package dev.executortools.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * A test's browser: a {@link LoginPrompt} that follows the authorization URL (redirects and all) to
 * the loopback callback, remembering what it saw.
 */
final class Browser implements LoginPrompt {
  private final OkHttpClient http = MockAuthorizationServer.http();
  final List<String> opened = new ArrayList<>();
  int lastStatus;
  String lastPage = "";
  @Nullable String lastUrl;

  @Override
  public void openAuthorizationUrl(String url) {
    opened.add(url);
    visit(url);
  }

  /** A GET of {@code url}, redirects followed. */
  void visit(String url) {
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      lastStatus = response.code();
      lastPage = response.body().string();
      lastUrl = response.request().url().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void showUserCode(
      String verificationUri, String userCode, @Nullable String verificationUriComplete) {
    throw new AssertionError("no user code expected");
  }
}
