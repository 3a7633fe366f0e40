package dev.executortools.testing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2DeviceAuthorizationResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2DeviceAuthorizationResponseHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

/**
 * A real OAuth 2.0 authorization server that offers the device authorization grant (RFC 8628):
 * Spring Authorization Server on embedded Tomcat, listening on 127.0.0.1 at a free port, its issuer
 * that origin. It publishes its metadata (RFC 8414, {@code device_authorization_endpoint} and
 * {@code revocation_endpoint} included), and knows one confidential client, {@link #CLIENT_ID}
 * (secret {@link #CLIENT_SECRET}, sent as HTTP basic), allowed the device code, refresh token,
 * authorization code and client credentials grants with scope {@code read}, whose user must
 * consent, and one user, {@link #USER} with password {@link #PASSWORD}, who signs in with the
 * server's own login form.
 *
 * <p>Its one addition to the framework's pages is the user-code entry page that the framework
 * leaves to each deployment ({@code /activate}, the verification URI: a form that sends the code to
 * the framework's verification endpoint, as in Spring's device grant guide), and its device
 * authorization answer says {@code interval: 1} so that a client polls every second, not every
 * five. {@link #tokenRequests()} tells the grant types of the requests the token endpoint received.
 */
public final class DeviceGrantServer implements AutoCloseable {
  public static final String CLIENT_ID = "device-client";
  public static final String CLIENT_SECRET = "device-client-secret-0123456789";
  public static final String USER = "alice";
  public static final String PASSWORD = "correct horse battery staple";

  private final Queue<String> tokenGrants = new ConcurrentLinkedQueue<>();
  private final Path base;
  private final Tomcat tomcat = new Tomcat();
  private final AnnotationConfigWebApplicationContext spring =
      new AnnotationConfigWebApplicationContext();
  private final String issuer;

  public DeviceGrantServer() {
    try {
      base = Files.createTempDirectory("device-grant-server");
      tomcat.setBaseDir(base.toString());
      Connector connector = new Connector();
      connector.setPort(0);
      connector.setProperty("address", "127.0.0.1");
      tomcat.setConnector(connector);
      Context context = tomcat.addContext("", base.toString());
      DelegatingFilter security = new DelegatingFilter();
      addFilter(context, "record", recordTokenRequests());
      addFilter(context, "security", security);
      addServlet(context, "activate", "/activate", new ActivatePage());
      addServlet(context, "activated", "/activated", new ActivatedPage());
      addServlet(context, "none", "/", new NotFound());
      tomcat.start();
      issuer = "http://127.0.0.1:" + connector.getLocalPort();

      spring.setServletContext(context.getServletContext());
      spring.addBeanFactoryPostProcessor(
          beans ->
              beans.registerSingleton(
                  "authorizationServerSettings",
                  AuthorizationServerSettings.builder().issuer(issuer).build()));
      spring.register(Config.class);
      spring.refresh();
      security.delegate = spring.getBean("springSecurityFilterChain", Filter.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code http://127.0.0.1:PORT}: the issuer, and the origin of every endpoint. */
  public String issuer() {
    return issuer;
  }

  public String tokenUrl() {
    return issuer + "/oauth2/token";
  }

  public String deviceAuthorizationUrl() {
    return issuer + "/oauth2/device_authorization";
  }

  public String authorizationUrl() {
    return issuer + "/oauth2/authorize";
  }

  public String introspectionUrl() {
    return issuer + "/oauth2/introspect";
  }

  /** The {@code grant_type} of each request the token endpoint received since the last look. */
  public List<String> tokenRequests() {
    List<String> grants = new java.util.ArrayList<>();
    for (String grant; (grant = tokenGrants.poll()) != null; ) grants.add(grant);
    return grants;
  }

  @Override
  public void close() {
    try {
      spring.close();
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  private Filter recordTokenRequests() {
    return (request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      if (http.getMethod().equals("POST") && http.getRequestURI().equals("/oauth2/token")) {
        tokenGrants.add(String.valueOf(http.getParameter("grant_type")));
      }
      chain.doFilter(request, response);
    };
  }

  private static void addFilter(Context context, String name, Filter filter) {
    FilterDef def = new FilterDef();
    def.setFilterName(name);
    def.setFilter(filter);
    context.addFilterDef(def);
    FilterMap map = new FilterMap();
    map.setFilterName(name);
    map.addURLPattern("/*");
    context.addFilterMap(map);
  }

  private static void addServlet(Context context, String name, String path, HttpServlet servlet) {
    Tomcat.addServlet(context, name, servlet);
    context.addServletMappingDecoded(path, name, false);
  }

  /** The Spring Security filter chain, set once the Spring context is up (after Tomcat's port). */
  private static final class DelegatingFilter implements Filter {
    volatile Filter delegate;

    @Override
    public void doFilter(
        jakarta.servlet.ServletRequest request,
        jakarta.servlet.ServletResponse response,
        jakarta.servlet.FilterChain chain)
        throws IOException, jakarta.servlet.ServletException {
      delegate.doFilter(request, response, chain);
    }
  }

  /** The verification URI: the person types the user code into this form. */
  private static final class ActivatePage extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType("text/html;charset=utf-8");
      response
          .getWriter()
          .write(
              """
              <!DOCTYPE html>
              <html><head><title>Device activation</title></head><body>
              <h1>Enter the code shown on your device</h1>
              <form method="get" action="/oauth2/device_verification">
                <input type="text" name="user_code" placeholder="XXXX-XXXX">
                <button type="submit">Submit</button>
              </form>
              </body></html>
              """);
    }
  }

  /** Where the framework's verification endpoint sends the person once the device is approved. */
  private static final class ActivatedPage extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType("text/html;charset=utf-8");
      response.getWriter().write("<p>Device approved. You may return to your device.</p>");
    }
  }

  private static final class NotFound extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.sendError(404);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableWebSecurity
  static class Config {
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
      http.oauth2AuthorizationServer(
              server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server
                    .deviceAuthorizationEndpoint(
                        device -> device.deviceAuthorizationResponseHandler(Config::everySecond))
                    .deviceVerificationEndpoint(
                        verification ->
                            verification.deviceVerificationResponseHandler(
                                (request, response, authentication) ->
                                    response.sendRedirect("/activated")));
              })
          .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
          .exceptionHandling(
              exceptions ->
                  exceptions.defaultAuthenticationEntryPointFor(
                      new LoginUrlAuthenticationEntryPoint("/login"),
                      new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
      return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
      http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
          .formLogin(Customizer.withDefaults());
      return http.build();
    }

    /** The framework's own device authorization answer, with {@code interval: 1}. */
    private static void everySecond(
        HttpServletRequest request,
        HttpServletResponse response,
        org.springframework.security.core.Authentication authentication)
        throws IOException {
      var device = (OAuth2DeviceAuthorizationRequestAuthenticationToken) authentication;
      String verificationUri =
          AuthorizationServerContextHolder.getContext().getIssuer() + "/activate";
      OAuth2DeviceAuthorizationResponse answer =
          OAuth2DeviceAuthorizationResponse.with(device.getDeviceCode(), device.getUserCode())
              .verificationUri(verificationUri)
              .verificationUriComplete(
                  verificationUri + "?user_code=" + device.getUserCode().getTokenValue())
              .interval(1)
              .build();
      new OAuth2DeviceAuthorizationResponseHttpMessageConverter()
          .write(answer, null, new ServletServerHttpResponse(response));
    }

    @Bean
    UserDetailsService users() {
      return new InMemoryUserDetailsManager(
          User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build());
    }

    @Bean
    RegisteredClientRepository clients() {
      RegisteredClient client =
          RegisteredClient.withId(UUID.randomUUID().toString())
              .clientId(CLIENT_ID)
              .clientSecret("{noop}" + CLIENT_SECRET)
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
              .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
              .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
              .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
              .redirectUri("http://127.0.0.1/callback")
              .scope("read")
              .clientSettings(
                  ClientSettings.builder()
                      .requireAuthorizationConsent(true)
                      .requireProofKey(true)
                      .build())
              .tokenSettings(
                  TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(5)).build())
              .build();
      return new InMemoryRegisteredClientRepository(client);
    }

    @Bean
    JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAKey key =
          new RSAKey.Builder((RSAPublicKey) pair.getPublic())
              .privateKey((RSAPrivateKey) pair.getPrivate())
              .keyID(UUID.randomUUID().toString())
              .build();
      return new ImmutableJWKSet<>(new JWKSet(key));
    }
  }
}
