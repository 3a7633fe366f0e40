package dev.executortools.sso;

import dev.executortools.ApprovalHandler;
import dev.executortools.ErrorCode;
import dev.executortools.ToolError;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.home.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code aws sso login --use-device-code} as a library: a cached token still valid is kept, an
 * expiring one is refreshed with its refresh token, and otherwise the device authorization flow
 * runs: register a public client (or reuse the cached registration until 15 minutes before its
 * secret expires), start device authorization, show the code ({@link Builder#onCode}), poll {@code
 * token.createToken} every {@code interval} seconds (default 5; 5 more after each SlowDown) until
 * the person approves, denies or the code expires. The token goes to the {@link TokenCache}, where
 * the AWS CLI and SDKs find it.
 *
 * <p>Results are {@link ToolResult}s; their data never carries the token except that of {@link
 * #accessToken}. Every call goes through the bundled SSO-OIDC tools of a {@link ToolRegistry}, so
 * {@code AWS_ENDPOINT_URL_SSO_OIDC} and the other endpoint rules apply.
 */
public final class DeviceLogin implements AutoCloseable {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  public static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

  /** A cached token expiring later than this is used as it is (botocore's expiry window). */
  public static final Duration REUSE_WINDOW = Duration.ofMinutes(15);

  /**
   * {@link #accessToken} hands out an unrefreshable token only while it has this much life left.
   */
  public static final Duration MIN_VALIDITY = Duration.ofMinutes(1);

  private final ToolRegistry registry;
  private final OidcCalls calls;
  private final TokenCache cache;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Consumer<DeviceCode> onCode;
  private final String clientName;

  private DeviceLogin(Builder builder) {
    ToolRegistry.Builder registryBuilder =
        ToolRegistry.builder()
            .approvals(ApprovalHandler.APPROVE_ALL)
            .environment(builder.environment);
    if (builder.httpClient != null) registryBuilder.httpClient(builder.httpClient);
    this.registry = registryBuilder.build();
    this.calls = new OidcCalls(registry);
    this.cache =
        builder.cache != null
            ? builder.cache
            : new TokenCache(TokenCache.defaultDirectory(builder.environment));
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.onCode = builder.onCode;
    this.clientName = builder.clientName;
  }

  public static Builder builder() {
    return new Builder();
  }

  public TokenCache cache() {
    return cache;
  }

  /**
   * A valid token for {@code session}, signing in when needed. {@code data}: {@code startUrl,
   * region, sessionName?, expiresAt, refreshable, obtainedBy ("cache", "refresh" or
   * "device_authorization"), cacheFile}; never the token.
   *
   * @throws InterruptedException when interrupted while waiting for the person; nothing is stored
   */
  public ToolResult login(SsoSession session) throws InterruptedException {
    try {
      Optional<SsoToken> cached = cache.token(session);
      if (cached.isPresent() && !cached.get().expiresWithin(REUSE_WINDOW, clock.instant())) {
        return summary(session, cached.get(), "cache");
      }
      Optional<SsoToken> refreshed = cached.flatMap(token -> refresh(session, token));
      if (refreshed.isPresent()) return summary(session, refreshed.get(), "refresh");
      return summary(session, deviceAuthorization(session), "device_authorization");
    } catch (LoginFailure e) {
      return ToolResult.failure(e.error());
    } catch (StoreException e) {
      return ToolResult.failure(ErrorCode.STORE_FAILED, e.getMessage());
    }
  }

  /**
   * The cached access token of {@code session}, refreshed first when it expires within {@link
   * #REUSE_WINDOW}; never signs in. {@code data}: {@code accessToken, expiresAt, startUrl, region}.
   * Without one, {@code missing_secret} says to run {@code sso login}.
   */
  public ToolResult accessToken(SsoSession session) {
    try {
      Instant now = clock.instant();
      Optional<SsoToken> cached = cache.token(session);
      Optional<SsoToken> usable =
          cached
              .filter(t -> !t.expiresWithin(REUSE_WINDOW, now))
              .or(() -> cached.flatMap(t -> refresh(session, t)))
              .or(() -> cached.filter(t -> !t.expiresWithin(MIN_VALIDITY, now)));
      if (usable.isEmpty()) {
        return ToolResult.failure(
            ErrorCode.MISSING_SECRET,
            "no valid SSO token for "
                + session.label()
                + (cached.isPresent() ? " (the cached one has expired)" : "")
                + ": run sso login first");
      }
      ObjectNode data = usable.get().summary();
      data.put("accessToken", usable.get().accessToken());
      return ToolResult.success(data);
    } catch (LoginFailure e) {
      return ToolResult.failure(e.error());
    } catch (StoreException e) {
      return ToolResult.failure(ErrorCode.STORE_FAILED, e.getMessage());
    }
  }

  /** The refreshed token, stored; empty when it cannot be refreshed or the service refuses. */
  private Optional<SsoToken> refresh(SsoSession session, SsoToken token) {
    Instant now = clock.instant();
    if (!token.refreshable(now)) return Optional.empty();
    SsoSession issuer; // the region the token was issued in, which may not be the one asked for
    try {
      issuer =
          token.region() == null
              ? session
              : new SsoSession(
                  session.startUrl(), token.region(), session.sessionName(), session.scopes());
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a cached region that is no region: sign in anew
    }
    ClientRegistration registration =
        new ClientRegistration(
            token.clientId(),
            token.clientSecret(),
            token.registrationExpiresAt(),
            session.scopes());
    ToolResult result =
        calls.createToken(
            registration,
            OidcCalls.REFRESH_TOKEN_GRANT,
            "refreshToken",
            token.refreshToken(),
            issuer.region());
    if (!result.ok()) return Optional.empty();
    SsoToken refreshed =
        OidcCalls.token(result.data(), issuer, registration, clock.instant(), token.refreshToken());
    cache.store(session, refreshed);
    return Optional.of(refreshed);
  }

  private SsoToken deviceAuthorization(SsoSession session) throws InterruptedException {
    ClientRegistration registration = registration(session, false);
    ToolResult started = calls.startDeviceAuthorization(registration, session);
    if ("InvalidClientException".equals(OidcCalls.errorType(started))) {
      registration = registration(session, true); // revoked or expired early: register once more
      started = calls.startDeviceAuthorization(registration, session);
    }
    OidcCalls.Authorization authorization =
        OidcCalls.authorization(OidcCalls.require(started), clock.instant(), DEFAULT_INTERVAL);
    DeviceCode code = authorization.shown();
    Duration interval = code.interval();
    boolean shown = false;
    while (true) {
      ToolResult polled =
          calls.createToken(
              registration,
              OidcCalls.DEVICE_CODE_GRANT,
              "deviceCode",
              authorization.deviceCode(),
              session.region());
      if (polled.ok()) {
        SsoToken token =
            OidcCalls.token(polled.data(), session, registration, clock.instant(), null);
        cache.store(session, token);
        return token;
      }
      String type = OidcCalls.errorType(polled);
      if ("SlowDownException".equals(type)) {
        interval = interval.plus(SLOW_DOWN_STEP);
      } else if (!"AuthorizationPendingException".equals(type)) {
        throw new LoginFailure(explain(polled.error(), type));
      }
      if (!shown) {
        onCode.accept(code); // after one poll, as botocore: a pre-approved client shows nothing
        shown = true;
      }
      if (clock.instant().plus(interval).isAfter(code.expiresAt())) {
        throw new LoginFailure(
            ErrorCode.TIMEOUT,
            "the sign-in request for "
                + session.label()
                + " expired before it was approved; run sso login again");
      }
      sleeper.sleep(interval);
    }
  }

  private ClientRegistration registration(SsoSession session, boolean forceNew) {
    if (!forceNew) {
      Optional<ClientRegistration> cached =
          cache
              .registration(session)
              .filter(registration -> registration.reusableAt(clock.instant()));
      if (cached.isPresent()) return cached.get();
    }
    ClientRegistration registration = calls.register(clientName, session);
    cache.store(session, registration);
    return registration;
  }

  private static ToolError explain(ToolError error, String type) {
    String why =
        switch (type == null ? "" : type) {
          case "ExpiredTokenException" ->
              "the sign-in request expired before it was approved; run sso login again";
          case "AccessDeniedException" -> "sign-in was denied";
          default -> null;
        };
    if (why == null) return error;
    return new ToolError(
        error.code(), why + " (" + type + ")", error.status(), error.details(), false);
  }

  private ToolResult summary(SsoSession session, SsoToken token, String obtainedBy) {
    ObjectNode data = token.summary();
    if (session.sessionName() != null) data.put("sessionName", session.sessionName());
    data.put("obtainedBy", obtainedBy);
    data.put("cacheFile", cache.tokenFile(session).toString());
    return ToolResult.success(data);
  }

  @Override
  public void close() {
    registry.close();
  }

  /** Every setting is optional. */
  public static final class Builder {
    private Map<String, String> environment = System.getenv();
    private OkHttpClient httpClient;
    private TokenCache cache;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.REAL;
    private Consumer<DeviceCode> onCode = code -> {};
    private String clientName = "executor-tools";

    private Builder() {}

    /**
     * What the SSO-OIDC tools read (AWS_ENDPOINT_URL_SSO_OIDC...) and HOME; default the process's.
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    public Builder httpClient(OkHttpClient client) {
      this.httpClient = client;
      return this;
    }

    /** Default: {@link TokenCache#defaultDirectory} of the environment. */
    public Builder cache(TokenCache cache) {
      this.cache = cache;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Shows the person the code to enter and where; called once per device authorization. */
    public Builder onCode(Consumer<DeviceCode> onCode) {
      this.onCode = Objects.requireNonNull(onCode, "onCode");
      return this;
    }

    /** The registered client's name (default {@code executor-tools}). */
    public Builder clientName(String clientName) {
      this.clientName = Objects.requireNonNull(clientName, "clientName");
      return this;
    }

    public DeviceLogin build() {
      return new DeviceLogin(this);
    }
  }
}
