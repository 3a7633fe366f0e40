package dev.executortools.registry;

import dev.executortools.CredentialValue;
import dev.executortools.auth.AccessTokens;
import dev.executortools.auth.SchemeAuth;
import dev.executortools.auth.SignInException;
import dev.executortools.auth.SourceAuth;
import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import dev.executortools.extract.SecurityRequirement;
import dev.executortools.invoke.SourceCredentials;
import dev.executortools.store.CredentialResolver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The credentials one call sends: the source's own headers and query parameters, and what its
 * operation's security requirement asks of the source's sign-in settings ({@link
 * SourceAuth#choose}), each placed where its scheme says. A scheme's header replaces a source
 * header of the same name.
 */
final class CallCredentials {
  /** A scheme whose access token the call sends. */
  private record TokenUse(String scheme, SchemeAuth.OAuth auth, String token) {}

  /** A scheme of the call has no usable sign-in. */
  static final class SignInNeeded extends Exception {
    final String scheme;
    final SignInException cause;

    SignInNeeded(String scheme, SignInException cause) {
      super(cause.getMessage(), null, false, false);
      this.scheme = scheme;
      this.cause = cause;
    }
  }

  private final SourceRuntime source;
  private final SecurityRequirement requirement;
  private final SourceCredentials credentials;
  private final List<TokenUse> tokens;

  private CallCredentials(
      SourceRuntime source,
      SecurityRequirement requirement,
      SourceCredentials credentials,
      List<TokenUse> tokens) {
    this.source = source;
    this.requirement = requirement;
    this.credentials = credentials;
    this.tokens = tokens;
  }

  SourceCredentials credentials() {
    return credentials;
  }

  /** Whether it sends an OAuth 2.0 access token, which a 401 may ask to renew. */
  boolean sendsTokens() {
    return !tokens.isEmpty();
  }

  /**
   * @throws dev.executortools.store.MissingSecretException naming a secret that is not set
   * @throws SignInNeeded naming the scheme whose sign-in is missing or lost
   */
  static CallCredentials resolve(
      SourceRuntime source,
      SecurityRequirement requirement,
      CredentialResolver resolver,
      AccessTokens accessTokens)
      throws SignInNeeded {
    List<TokenUse> tokens = new ArrayList<>();
    for (SourceAuth.Use use : source.auth().choose(requirement)) {
      if (use.auth() instanceof SchemeAuth.OAuth oauth) {
        try {
          String token = accessTokens.accessToken(source.id(), use.scheme(), oauth);
          tokens.add(new TokenUse(use.scheme(), oauth, token));
        } catch (SignInException e) {
          throw new SignInNeeded(use.scheme(), e);
        }
      }
    }
    return new CallCredentials(
        source, requirement, build(source, requirement, resolver, tokens), tokens);
  }

  /**
   * The same credentials with every access token renewed after the API refused it (a 401); another
   * caller's renewal is used when there was one.
   */
  CallCredentials renewed(CredentialResolver resolver, AccessTokens accessTokens)
      throws SignInNeeded {
    List<TokenUse> renewed = new ArrayList<>();
    for (TokenUse use : tokens) {
      try {
        renewed.add(
            new TokenUse(
                use.scheme(),
                use.auth(),
                accessTokens.afterRejection(source.id(), use.scheme(), use.auth(), use.token())));
      } catch (SignInException e) {
        throw new SignInNeeded(use.scheme(), e);
      }
    }
    return new CallCredentials(
        source, requirement, build(source, requirement, resolver, renewed), renewed);
  }

  private static SourceCredentials build(
      SourceRuntime source,
      SecurityRequirement requirement,
      CredentialResolver resolver,
      List<TokenUse> tokens) {
    Map<String, HttpHeader> headers = new LinkedHashMap<>();
    resolver
        .resolve(source.headers())
        .forEach((name, value) -> put(headers, new HttpHeader(name, value)));
    Map<String, String> query = new LinkedHashMap<>(resolver.resolve(source.queryParams()));
    Map<String, String> cookies = new LinkedHashMap<>();
    for (SourceAuth.Use use : source.auth().choose(requirement)) {
      SchemeAuth auth = use.auth();
      if (auth instanceof SchemeAuth.ApiKey key) {
        String value = resolver.resolve(key.value());
        switch (key.in()) {
          case "query" -> query.put(key.name(), value);
          case "cookie" -> cookies.put(key.name(), value);
          default -> put(headers, new HttpHeader(key.name(), value));
        }
      } else if (auth instanceof SchemeAuth.Bearer bearer) {
        put(headers, authorization("Bearer " + resolver.resolve(bearer.token())));
      } else if (auth instanceof SchemeAuth.Basic basic) {
        String pair = resolver.resolve(basic.username()) + ":" + resolver.resolve(basic.password());
        byte[] bytes = pair.getBytes(StandardCharsets.UTF_8);
        put(headers, authorization("Basic " + Base64.getEncoder().encodeToString(bytes)));
      } else {
        for (TokenUse token : tokens) {
          if (token.scheme().equals(use.scheme()))
            put(headers, authorization("Bearer " + token.token()));
        }
      }
    }
    return new SourceCredentials(
        List.copyOf(headers.values()), query, cookies, publicValues(source));
  }

  private static HttpHeader authorization(String value) {
    return new HttpHeader("Authorization", value);
  }

  private static void put(Map<String, HttpHeader> headers, HttpHeader header) {
    headers.put(header.name().toLowerCase(Locale.ROOT), header);
  }

  /**
   * Literal settings under names that carry no secret ({@code Accept}, {@code api-version}): an API
   * may return them, and masking them would garble its data. Secret references, names such as
   * {@code Authorization} or {@code api_key}, and every sign-in value stay masked everywhere.
   */
  private static Set<String> publicValues(SourceRuntime source) {
    Set<String> values = new HashSet<>();
    for (Map<String, CredentialValue> map : List.of(source.headers(), source.queryParams())) {
      map.forEach(
          (name, value) -> {
            if (value instanceof CredentialValue.Literal literal
                && !SourceCredentials.looksSecret(name)) {
              values.add(literal.value());
            }
          });
    }
    return values;
  }
}
