package dev.executortools.bind;

import static dev.executortools.bind.Bindings.bindOk;
import static dev.executortools.bind.Bindings.get;
import static dev.executortools.bind.Bindings.param;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OpenAPI 3.1 "Style Examples" table, row by row, for every location that uses the style:
 * {@code color} = "blue", ["blue","black","brown"] or {"R":100,"G":200,"B":150}. Expected strings
 * are the table's, percent-encoded as OpenAPI 3.1.1 prints them.
 */
class RequestPlanStyleExamplesTest {
  private static final String STRING = "\"blue\"";
  private static final String ARRAY = "[\"blue\",\"black\",\"brown\"]";
  private static final String OBJECT = "{\"R\":100,\"G\":200,\"B\":150}";

  private static String value(String type) {
    return switch (type) {
      case "string" -> STRING;
      case "array" -> ARRAY;
      case "object" -> OBJECT;
      case "empty" -> "\"\"";
      default -> throw new IllegalArgumentException(type);
    };
  }

  @ParameterizedTest(name = "path {0} explode={1} {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          simple | false | string | blue
          simple | false | array  | blue,black,brown
          simple | false | object | R,100,G,200,B,150
          simple | true  | string | blue
          simple | true  | array  | blue,black,brown
          simple | true  | object | R=100,G=200,B=150
          label  | false | string | .blue
          label  | false | array  | .blue,black,brown
          label  | false | object | .R,100,G,200,B,150
          label  | true  | string | .blue
          label  | true  | array  | .blue.black.brown
          label  | true  | object | .R=100.G=200.B=150
          matrix | false | empty  | ;color
          matrix | false | string | ;color=blue
          matrix | false | array  | ;color=blue,black,brown
          matrix | false | object | ;color=R,100,G,200,B,150
          matrix | true  | empty  | ;color
          matrix | true  | string | ;color=blue
          matrix | true  | array  | ;color=blue;color=black;color=brown
          matrix | true  | object | ;R=100;G=200;B=150
          """)
  void pathParametersFollowTheStyleTable(
      String style, boolean explode, String type, String expected) {
    HttpRequestSpec request =
        bindOk(
            get("/items/{color}/x", param("path", "color", style, explode)),
            "{\"color\": " + value(type) + "}");

    assertThat(request.url()).isEqualTo("https://api.test/items/" + expected + "/x");
  }

  @ParameterizedTest(name = "label explode={0} of the empty string")
  @CsvSource({"false", "true"})
  void labelOfTheEmptyStringIsADot(boolean explode) {
    HttpRequestSpec request =
        bindOk(
            get("/items/v{color}", param("path", "color", "label", explode)), "{\"color\": \"\"}");

    assertThat(request.url()).isEqualTo("https://api.test/items/v.");
  }

  @ParameterizedTest(name = "query {0} explode={1} {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          form           | false | empty  | color=
          form           | false | string | color=blue
          form           | false | array  | color=blue,black,brown
          form           | false | object | color=R,100,G,200,B,150
          form           | true  | empty  | color=
          form           | true  | string | color=blue
          form           | true  | array  | color=blue&color=black&color=brown
          form           | true  | object | R=100&G=200&B=150
          spaceDelimited | false | array  | color=blue%20black%20brown
          spaceDelimited | false | object | color=R%20100%20G%20200%20B%20150
          pipeDelimited  | false | array  | color=blue%7Cblack%7Cbrown
          pipeDelimited  | false | object | color=R%7C100%7CG%7C200%7CB%7C150
          deepObject     | true  | object | color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150
          """)
  void queryParametersFollowTheStyleTable(
      String style, boolean explode, String type, String expected) {
    HttpRequestSpec request =
        bindOk(
            get("/items", param("query", "color", style, explode)),
            "{\"color\": " + value(type) + "}");

    assertThat(request.url()).isEqualTo("https://api.test/items?" + expected);
  }

  @ParameterizedTest(name = "header simple explode={0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          false | string | blue
          false | array  | blue,black,brown
          false | object | R,100,G,200,B,150
          true  | string | blue
          true  | array  | blue,black,brown
          true  | object | R=100,G=200,B=150
          """)
  void headerParametersFollowTheSimpleStyle(boolean explode, String type, String expected) {
    HttpRequestSpec request =
        bindOk(
            get("/items", param("header", "X-Color", "simple", explode)),
            "{\"X-Color\": " + value(type) + "}");

    assertThat(request.headers()).containsExactly(new HttpHeader("X-Color", expected));
  }

  @ParameterizedTest(name = "cookie form explode={0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          false | empty  | color=
          false | string | color=blue
          false | array  | color=blue,black,brown
          false | object | color=R,100,G,200,B,150
          true  | string | color=blue
          true  | array  | color=blue; color=black; color=brown
          true  | object | R=100; G=200; B=150
          """)
  void cookieParametersFollowTheFormStyleInOneCookieHeader(
      boolean explode, String type, String expected) {
    HttpRequestSpec request =
        bindOk(
            get("/items", param("cookie", "color", "form", explode)),
            "{\"color\": " + value(type) + "}");

    assertThat(request.headers()).containsExactly(new HttpHeader("Cookie", expected));
  }

  @ParameterizedTest(name = "default style of {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          path   | https://api.test/items/blue,black,brown
          query  | https://api.test/items?color=blue&color=black&color=brown
          """)
  void locationsDefaultToTheirOpenApiStyle(String location, String expected) {
    String template = location.equals("path") ? "/items/{color}" : "/items";
    HttpRequestSpec request =
        bindOk(get(template, param(location, "color")), "{\"color\": " + ARRAY + "}");

    assertThat(request.url()).isEqualTo(expected);
  }
}
