package dev.executortools.wire;

import static dev.executortools.wire.Registries.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import dev.executortools.testing.Corpus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stripe's real operations (corpus spec 2020-08-27): form-urlencoded bodies whose {@code encoding}
 * declares {@code deepObject} for nested objects and arrays, as Stripe's own clients send them
 * ({@code metadata[order_id]=6735}, {@code line_items[0][price]=...}).
 */
class StripeWireTest {
  private static Upstream upstream;
  private static ToolRegistry registry;

  @BeforeAll
  static void start() {
    upstream = Upstream.start();
    registry =
        Registries.withSource(
            Corpus.read("stripe.com__2020-08-27.openapi.yaml"),
            Json.object()
                .put("namespace", "stripe")
                .put("baseUrl", upstream.baseUrl())
                .set("headers", Json.object().put("Stripe-Version", "2020-08-27")));
  }

  @AfterAll
  static void stop() {
    registry.close();
    upstream.close();
  }

  @BeforeEach
  void reset() {
    upstream.reset();
  }

  @Test
  void checkoutSessionSendsNestedObjectsAndArraysAsBracketedFormFields() {
    ToolResult result =
        registry.call(
            "stripe.checkout.postCheckoutSessions",
            json(
                """
                {"body": {
                  "success_url": "https://shop.example/ok?session={CHECKOUT_SESSION_ID}",
                  "cancel_url": "https://shop.example/cancel",
                  "mode": "payment",
                  "payment_method_types": ["card", "sepa_debit"],
                  "line_items": [
                    {"price": "price_1HbZ", "quantity": 2},
                    {"price": "price_2Kq", "quantity": 1,
                     "adjustable_quantity": {"enabled": true, "maximum": 5}}
                  ],
                  "metadata": {"order_id": "6735", "note": "gift & wrap"},
                  "allow_promotion_codes": true
                }}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest request = upstream.onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("POST");
    assertThat(request.getUrl()).isEqualTo("/v1/checkout/sessions");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(new String(request.getBody(), StandardCharsets.US_ASCII))
        .isEqualTo(
            "success_url=https%3A%2F%2Fshop.example%2Fok%3Fsession%3D%7BCHECKOUT_SESSION_ID%7D"
                + "&cancel_url=https%3A%2F%2Fshop.example%2Fcancel"
                + "&mode=payment"
                + "&payment_method_types[0]=card&payment_method_types[1]=sepa_debit"
                + "&line_items[0][price]=price_1HbZ&line_items[0][quantity]=2"
                + "&line_items[1][price]=price_2Kq&line_items[1][quantity]=1"
                + "&line_items[1][adjustable_quantity][enabled]=true"
                + "&line_items[1][adjustable_quantity][maximum]=5"
                + "&metadata[order_id]=6735&metadata[note]=gift%20%26%20wrap"
                + "&allow_promotion_codes=true");
    assertThat(request.getHeader("Stripe-Version")).isEqualTo("2020-08-27");
  }

  @Test
  void customerFormBodyEncodesNumbersNestedAddressAndLocales() {
    ToolResult result =
        registry.call(
            "stripe.customers.postCustomers",
            json(
                """
                {"body": {
                  "name": "Jenny Rosen",
                  "email": "jenny.rosen+test@example.com",
                  "balance": -500,
                  "address": {"line1": "1 Rue de l'Été", "city": "Paris", "country": "FR"},
                  "preferred_locales": ["fr", "en"],
                  "metadata": {"order_id": "6735"}
                }}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest request = upstream.onlyRequest();
    assertThat(request.getUrl()).isEqualTo("/v1/customers");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(new String(request.getBody(), StandardCharsets.US_ASCII))
        .isEqualTo(
            "name=Jenny%20Rosen&email=jenny.rosen%2Btest%40example.com&balance=-500"
                + "&address[line1]=1%20Rue%20de%20l%27%C3%89t%C3%A9&address[city]=Paris"
                + "&address[country]=FR"
                + "&preferred_locales[0]=fr&preferred_locales[1]=en"
                + "&metadata[order_id]=6735");
  }

  @Test
  void emptyStringUnsetsMetadataAsAnEmptyField() {
    ToolResult result =
        registry.call("stripe.customers.postCustomers", json("{\"body\": {\"metadata\": \"\"}}"));

    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(upstream.onlyRequest().getBodyAsString()).isEqualTo("metadata=");
  }

  @Test
  void listCustomersSendsDeepObjectQueryWithEncodedBracketsAndNoBody() {
    ToolResult result =
        registry.call(
            "stripe.customers.getCustomers",
            json(
                """
                {"limit": 3, "expand": ["data.default_source"],
                 "created": {"gte": 1600000000}, "email": "jenny@example.com"}
                """));

    assertThat(result.ok()).as("%s", result).isTrue();
    LoggedRequest request = upstream.onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("GET");
    assertThat(request.getUrl())
        .isEqualTo(
            "/v1/customers?created%5Bgte%5D=1600000000&email=jenny%40example.com"
                + "&expand%5B0%5D=data.default_source&limit=3");
    assertThat(request.getBody()).isEmpty();
    assertThat(request.containsHeader("Content-Type")).isFalse();
  }
}
