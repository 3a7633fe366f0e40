package dev.executortools.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A person approving a device sign-in in a browser, with {@link DeviceGrantServer}'s own pages:
 * opens the verification URI, is sent to the login form and fills it in (its CSRF token included),
 * types the user code into the activation page, and submits the consent form with every scope it
 * offers (when the server asks: it remembers a consent). Cookies are kept as a browser keeps them;
 * redirects are followed. Each step checks that it landed where a person would expect, so a page
 * that changes fails the test here, with the page shown.
 */
public final class DeviceApprover {
  private static final Pattern FORM =
      Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern INPUT =
      Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)=\"([^\"]*)\"");

  private final String user;
  private final String password;
  private final OkHttpClient browser;

  public DeviceApprover(String user, String password) {
    this.user = user;
    this.password = password;
    Map<String, Cookie> cookies = new HashMap<>();
    this.browser =
        new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(10))
            .cookieJar(
                new CookieJar() {
                  @Override
                  public synchronized void saveFromResponse(HttpUrl url, List<Cookie> list) {
                    list.forEach(c -> cookies.put(c.name(), c));
                  }

                  @Override
                  public synchronized List<Cookie> loadForRequest(HttpUrl url) {
                    return new ArrayList<>(cookies.values());
                  }
                })
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header("Accept", "text/html,application/xhtml+xml")
                            .build()))
            .build();
  }

  /** Approves the sign-in that shows {@code userCode}, entered at {@code verificationUri}. */
  public void approve(String verificationUri, String userCode) {
    Page login = get(HttpUrl.get(verificationUri));
    login.expectPath("/login");
    Form loginForm = login.form("password");
    loginForm.set("username", user);
    loginForm.set("password", password);
    Page activate = submit(login, loginForm);
    activate.expectPath("/activate");

    Form codeForm = activate.form("user_code");
    codeForm.set("user_code", userCode);
    Page consent = submit(activate, codeForm);
    Page done = consent;
    if (!consent.url.encodedPath().equals("/activated")) {
      // no consent page when this user already consented to this client's scopes
      if (!consent.body.contains(userCode)) {
        throw new AssertionError("the consent page does not show the code " + userCode + consent);
      }
      done = submit(consent, consent.form("client_id"));
    }
    done.expectPath("/activated");
  }

  private Page get(HttpUrl url) {
    return send(new Request.Builder().url(url).build());
  }

  private Page submit(Page page, Form form) {
    HttpUrl action = page.url.resolve(form.action);
    if (action == null) throw new AssertionError("no form action " + form.action + page);
    if (form.method.equalsIgnoreCase("get")) {
      HttpUrl.Builder url = action.newBuilder();
      form.values.forEach(v -> url.addQueryParameter(v[0], v[1]));
      return get(url.build());
    }
    FormBody.Builder body = new FormBody.Builder();
    form.values.forEach(v -> body.add(v[0], v[1]));
    return send(new Request.Builder().url(action).post(body.build()).build());
  }

  private Page send(Request request) {
    try (Response response = browser.newCall(request).execute()) {
      Page page = new Page(response.request().url(), response.code(), response.body().string());
      if (page.status != 200) throw new AssertionError("HTTP " + page.status + page);
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Page(HttpUrl url, int status, String body) {
    void expectPath(String path) {
      if (!url.encodedPath().equals(path))
        throw new AssertionError("expected the page " + path + this);
    }

    /** The page's form that has a field named {@code field}. */
    Form form(String field) {
      Matcher forms = FORM.matcher(body);
      while (forms.find()) {
        Map<String, String> attributes = attributes(forms.group(1));
        Form form =
            new Form(
                attributes.getOrDefault("action", url.encodedPath()),
                attributes.getOrDefault("method", "get"));
        Matcher inputs = INPUT.matcher(forms.group(2));
        while (inputs.find()) {
          Map<String, String> input = attributes(inputs.group(1));
          String name = input.get("name");
          if (name == null || input.containsKey("disabled")) continue;
          // a person ticks every box offered (each scope on a consent page)
          form.values.add(new String[] {name, input.getOrDefault("value", "on")});
        }
        if (form.has(field)) return form;
      }
      throw new AssertionError("no form with a field " + field + this);
    }

    @Override
    public String toString() {
      return " (at " + url + "):\n" + body;
    }
  }

  /** A form as a browser would send it: its fields in order, a ticked box as one more field. */
  private static final class Form {
    final String action;
    final String method;
    final List<String[]> values = new ArrayList<>();

    Form(String action, String method) {
      this.action = unescape(action);
      this.method = method;
    }

    boolean has(String name) {
      return values.stream().anyMatch(v -> v[0].equals(name));
    }

    void set(String name, String value) {
      values.removeIf(v -> v[0].equals(name));
      values.add(new String[] {name, value});
    }
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(tag);
    while (m.find()) attributes.put(m.group(1).toLowerCase(), unescape(m.group(2)));
    // bare attributes such as `disabled` or `checked`
    for (String word : tag.replaceAll("\"[^\"]*\"", "").split("\\s+")) {
      if (word.matches("[a-zA-Z-]+")) attributes.putIfAbsent(word.toLowerCase(), "");
    }
    return attributes;
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
