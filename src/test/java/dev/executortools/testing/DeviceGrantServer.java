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
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.Transient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2DeviceAuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2DeviceAuthorizationResponseHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
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
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

/**
 * A real OAuth 2.0 authorization server that offers the device authorization grant (RFC 8628):
 * Spring Authorization Server on embedded Tomcat, listening on 127.0.0.1 at a free port, its issuer
 * that origin. It publishes its metadata (RFC 8414, {@code device_authorization_endpoint} and
 * {@code revocation_endpoint} included) and knows two clients with scope {@code read}, whose user
 * must consent: the confidential {@link #CLIENT_ID} (secret {@link #CLIENT_SECRET}, sent as HTTP
 * basic), allowed the device code, refresh token, authorization code and client credentials grants,
 * and the public {@link #PUBLIC_CLIENT_ID}, allowed the device code grant alone (the framework
 * refreshes only for clients that authenticate); and one user, {@link #USER} with password {@link
 * #PASSWORD}, who signs in with the server's own login form.
 *
 * <p>Its additions to the framework are those it leaves to each deployment, as in Spring's device
 * grant guide: public clients at the device endpoints ({@link PublicDeviceClients}), and the
 * user-code entry page ({@code /activate}, the verification URI: a form that sends the code to the
 * framework's verification endpoint). Its device authorization answer says {@code interval: 1}, so
 * that a client polls every second, not every five. {@link #tokenRequests()} tells the grant types
 * of the requests the token endpoint received.
 */
public final class DeviceGrantServer implements AutoCloseable {
  public static final String CLIENT_ID = "device-client";
  public static final String CLIENT_SECRET = "device-client-secret-0123456789";
  public static final String PUBLIC_CLIENT_ID = "device-cli";
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

  /**
   * Public clients (no secret, {@code client_id} in the form) at the device authorization endpoint
   * and for the device code grant: the framework authenticates public clients by PKCE only and
   * leaves this to the deployment, as Spring's device grant guide does here.
   */
  private static final class PublicDeviceClients
      implements AuthenticationConverter, AuthenticationProvider {
    private final RegisteredClientRepository clients;

    PublicDeviceClients(RegisteredClientRepository clients) {
      this.clients = clients;
    }

    @Override
    public @Nullable Authentication convert(HttpServletRequest request) {
      boolean device =
          request.getRequestURI().equals("/oauth2/device_authorization")
              || AuthorizationGrantType.DEVICE_CODE
                  .getValue()
                  .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
      String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
      if (!device
          || !request.getMethod().equals("POST")
          || clientId == null
          || request.getHeader("Authorization") != null
          || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null) return null;
      return new PublicClient(clientId);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
      RegisteredClient client = clients.findByClientId((String) authentication.getPrincipal());
      if (client == null
          || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
        throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
      }
      return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return PublicClient.class.isAssignableFrom(authentication);
    }
  }

  @Transient
  private static final class PublicClient extends OAuth2ClientAuthenticationToken {
    PublicClient(String clientId) {
      super(clientId, ClientAuthenticationMethod.NONE, null, null);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableWebSecurity
  static class Config {
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients)
        throws Exception {
      PublicDeviceClients publicClients = new PublicDeviceClients(clients);
      http.oauth2AuthorizationServer(
              server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server
                    .clientAuthentication(
                        authentication ->
                            authentication
                                .authenticationConverter(publicClients)
                                .authenticationProvider(publicClients))
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
        HttpServletRequest request, HttpServletResponse response, Authentication authentication)
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
      RegisteredClient publicClient =
          RegisteredClient.withId(UUID.randomUUID().toString())
              .clientId(PUBLIC_CLIENT_ID)
              .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
              .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
              .scope("read")
              .clientSettings(ClientSettings.builder().requireAuthorizationConsent(true).build())
              .build();
      return new InMemoryRegisteredClientRepository(client, publicClient);
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
