package dev.executortools.invoke;

import dev.executortools.ErrorCode;
import dev.executortools.HttpSettings;
import dev.executortools.ToolResult;
import dev.executortools.bind.HttpRequestSpec;
import dev.executortools.net.NetworkPolicy;
import dev.executortools.net.NetworkPolicyInterceptor;
import dev.executortools.net.PolicyDns;
import dev.executortools.net.ProxyRoutes;
import dev.executortools.net.RedirectGuardInterceptor;
import dev.executortools.result.ErrorModel;
import dev.executortools.result.ResultMapper;
import dev.executortools.result.UpstreamResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import okhttp3.ConnectionSpec;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Sends bound requests with one shared {@link OkHttpClient} and maps whatever happens to a {@link
 * ToolResult}; {@link #send} never throws. One transport serves every source of a registry and is
 * safe to use from many threads.
 *
 * <p>The client's stack: {@link RetryInterceptor} (application level), then {@link
 * RedirectGuardInterceptor}, {@link NetworkPolicyInterceptor#awayFromFirstOrigin} and {@link
 * SourceCredentialsInterceptor} (network level: redirects to another origin go without credentials
 * and under the network policy, and never from https to http). URLs a model chose go through the
 * {@linkplain #guardedClient() guarded client}, which adds the {@link NetworkPolicy} (a {@link
 * PolicyDns} and a {@link NetworkPolicyInterceptor} at both levels, which also judge the host of a
 * request a forward proxy carries, as the client's proxy settings say). Response bodies are read up
 * to {@link HttpSettings#maxResponseBytes()} and no further.
 *
 * <p>Results carry the response headers lower-cased, all of them except {@code set-cookie} (a
 * session secret of the user, of no use to a model). Credential values never appear in a result:
 * see {@link Redactor}.
 */
public final class HttpTransport {
  private static final Set<String> HIDDEN_RESPONSE_HEADERS = Set.of("set-cookie", "set-cookie2");

  private final ClientPair direct;
  private final ClientPair guarded;
  private final HttpSettings settings;

  /**
   * {@code cleartext}: a cleartext-only base client for safe http requests (null: {@code full}
   * serves every request); {@code full}: the base client for everything else, made on first use.
   */
  private HttpTransport(
      OkHttpClient cleartext,
      Supplier<OkHttpClient> full,
      HttpSettings settings,
      NetworkPolicy policy) {
    this.settings = settings;
    OkHttpClient stackedCleartext = cleartext == null ? null : stack(cleartext, settings, policy);
    this.direct = new ClientPair(stackedCleartext, () -> stack(full.get(), settings, policy));
    this.guarded =
        new ClientPair(
            stackedCleartext == null ? null : guard(stackedCleartext, policy),
            () -> guard(direct.full(), policy));
  }

  /** A transport with its own client, built from {@code settings} (timeouts included). */
  public static HttpTransport create(HttpSettings settings) {
    return create(settings, NetworkPolicy.PUBLIC_ONLY);
  }

  /** As {@link #create(HttpSettings)}, with {@code policy} for the guarded client. */
  public static HttpTransport create(HttpSettings settings, NetworkPolicy policy) {
    OkHttpClient cleartext =
        withTimeouts(ProcessClient.CLEARTEXT.newBuilder(), settings)
            .followSslRedirects(false)
            .build();
    return new HttpTransport(
        cleartext,
        () -> withTimeouts(ProcessClient.Full.INSTANCE.newBuilder(), settings).build(),
        settings,
        policy);
  }

  private static OkHttpClient.Builder withTimeouts(
      OkHttpClient.Builder builder, HttpSettings settings) {
    return builder
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.readTimeout())
        .callTimeout(settings.callTimeout());
  }

  /**
   * Builds, once per process, the TLS-capable client every transport {@linkplain #create created
   * here} derives its own from (OkHttp's advice: one connection pool, one dispatcher, and the
   * platform's TLS set-up done once). Start-up calls this on a second thread, so that a call to an
   * https URL finds it ready.
   */
  public static void prepare() {
    ProcessClient.Full.INSTANCE.hashCode();
  }

  /** The process's clients, each initialized by the JVM on first use, exactly once. */
  private static final class ProcessClient {
    /** Cleartext only: building it loads no TLS. */
    static final OkHttpClient CLEARTEXT =
        new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();

    private static final class Full {
      static final OkHttpClient INSTANCE =
          CLEARTEXT
              .newBuilder()
              .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
              .build();
    }
  }

  /**
   * A transport over a caller's client: its timeouts, proxy, TLS and connection pool are kept;
   * {@code settings} gives the body cap and the retry policy (its timeouts are not applied).
   */
  public static HttpTransport using(OkHttpClient client, HttpSettings settings) {
    return using(client, settings, NetworkPolicy.PUBLIC_ONLY);
  }

  /** As {@link #using(OkHttpClient, HttpSettings)}, with {@code policy} for the guarded client. */
  public static HttpTransport using(
      OkHttpClient client, HttpSettings settings, NetworkPolicy policy) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(settings, "settings");
    return new HttpTransport(null, () -> client, settings, policy);
  }

  /**
   * {@code base} with this transport's stack: cancellation ({@link CallCancellation}), retries,
   * redirect guard, network policy, credentials.
   */
  private static OkHttpClient stack(
      OkHttpClient base, HttpSettings settings, NetworkPolicy policy) {
    return base.newBuilder()
        .addInterceptor(CallCancellation.INTERCEPTOR)
        .addInterceptor(
            new RetryInterceptor(
                settings.maxRetries(), settings.maxRetryAfter(), Clock.systemUTC()))
        .addNetworkInterceptor(new RedirectGuardInterceptor())
        .addNetworkInterceptor(
            NetworkPolicyInterceptor.awayFromFirstOrigin(policy, ProxyRoutes.of(base)))
        .addNetworkInterceptor(new SourceCredentialsInterceptor())
        .build();
  }

  /** {@code client} under the network policy (URLs a model chose). */
  private static OkHttpClient guard(OkHttpClient client, NetworkPolicy policy) {
    NetworkPolicyInterceptor check = new NetworkPolicyInterceptor(policy, ProxyRoutes.of(client));
    return client
        .newBuilder()
        .dns(new PolicyDns(client.dns(), policy))
        .addInterceptor(check)
        .addNetworkInterceptor(check)
        .build();
  }

  /**
   * The client with this transport's stack, for other HTTP work of the registry (fetching specs):
   * same pool, timeouts and retry policy; without a credentials scope nothing is added to requests.
   */
  public OkHttpClient client() {
    return direct.full();
  }

  /**
   * {@link #client()} under the transport's {@link NetworkPolicy}: for URLs a model chose (spec
   * URLs, a per-call server). Its own connections, so none opened for a user-configured URL is
   * reused past the check.
   */
  public OkHttpClient guardedClient() {
    return guarded.full();
  }

  /** Closes the idle pooled connections (when a registry that made this transport closes). */
  public void evictIdleConnections() {
    direct.evictIdle();
  }

  public HttpSettings settings() {
    return settings;
  }

  /**
   * Sends {@code request} with the source's {@code credentials}; non-2xx replies go through {@code
   * errorModel}. Never throws for anything the network or the server does: every outcome is a
   * result (null arguments are a caller bug and throw).
   */
  public ToolResult send(
      HttpRequestSpec request, SourceCredentials credentials, ErrorModel errorModel) {
    return send(request, credentials, errorModel, false);
  }

  /**
   * As {@link #send(HttpRequestSpec, SourceCredentials, ErrorModel)}; {@code modelChosen} sends
   * through the {@linkplain #guardedClient() guarded client}, where a refused address answers
   * {@code blocked_address} and nothing is sent.
   */
  public ToolResult send(
      HttpRequestSpec request,
      SourceCredentials credentials,
      ErrorModel errorModel,
      boolean modelChosen) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(credentials, "credentials (use SourceCredentials.NONE)");
    Objects.requireNonNull(errorModel, "errorModel (use ErrorModel.GENERIC)");
    Redactor redactor = Redactor.of(credentials);
    String method = request.method().toUpperCase(Locale.ROOT);
    String shownUrl = redactor.text(request.url());
    Request okRequest;
    try {
      OkHttpRequests.checkCredentials(credentials);
      okRequest = OkHttpRequests.toRequest(request, credentials);
    } catch (IllegalArgumentException e) {
      String message = "Cannot send " + method + " " + shownUrl + ": " + e.getMessage();
      return redactor.apply(ToolResult.failure(ErrorCode.INVALID_ARGUMENTS, message));
    }
    ClientPair sender = modelChosen ? guarded : direct;
    try (Response response = sender.execute(okRequest)) {
      return redactor.apply(ResultMapper.toResult(read(response, method, shownUrl), errorModel));
    } catch (IOException e) {
      return redactor.apply(ToolResult.failure(NetworkFailures.toError(e, method, shownUrl)));
    } catch (RuntimeException e) {
      return redactor.apply(
          ToolResult.failure(
              ErrorCode.INTERNAL_ERROR,
              method + " " + shownUrl + " failed unexpectedly: " + e.getClass().getSimpleName()));
    }
  }

  private UpstreamResponse read(Response response, String method, String url) throws IOException {
    long limit = settings.maxResponseBytes();
    byte[] body = boundedBody(response.body(), limit);
    return new UpstreamResponse(method, url, response.code(), headers(response), body, limit);
  }

  /** At most {@code limit} bytes; null (and nothing more read) when the body is longer. */
  private static byte[] boundedBody(ResponseBody body, long limit) throws IOException {
    if (body.contentLength() > limit) return null;
    BufferedSource source = body.source();
    if (source.request(limit + 1)) return null;
    return source.readByteArray();
  }

  private static Map<String, String> headers(Response response) {
    Headers all = response.headers();
    Map<String, String> headers = new TreeMap<>();
    for (int i = 0; i < all.size(); i++) {
      String lower = all.name(i).toLowerCase(Locale.ROOT);
      if (!HIDDEN_RESPONSE_HEADERS.contains(lower))
        headers.merge(lower, all.value(i), (a, b) -> a + ", " + b);
    }
    return headers;
  }
}
