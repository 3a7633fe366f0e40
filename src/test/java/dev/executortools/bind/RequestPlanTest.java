package dev.executortools.bind;

import static dev.executortools.bind.Bindings.bindFailed;
import static dev.executortools.bind.Bindings.bindOk;
import static dev.executortools.bind.Bindings.content;
import static dev.executortools.bind.Bindings.get;
import static dev.executortools.bind.Bindings.json;
import static dev.executortools.bind.Bindings.param;
import static dev.executortools.bind.Bindings.renamed;
import static dev.executortools.bind.Bindings.reserved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.ErrorCode;
import dev.executortools.bind.HttpRequestSpec.HttpHeader;
import dev.executortools.compile.HttpBinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPlanTest {

  @Test
  void pathParameterWithSlashIsPercentEncodedAsOneSegment() {
    HttpRequestSpec request =
        bindOk(
            get("/repos/{owner}/contents/{path}", param("path", "owner"), param("path", "path")),
            "{\"owner\": \"octo cat\", \"path\": \"docs/a b/é.md\"}");

    assertThat(request.url())
        .isEqualTo("https://api.test/repos/octo%20cat/contents/docs%2Fa%20b%2F%C3%A9.md");
    assertThat(request.method()).isEqualTo("GET");
  }

  @Test
  void pathParameterCannotClimbOutOfTheTemplate() {
    HttpBinding binding = get("/users/{id}/repos", renamed("userId", "path", "id"));

    assertThat(bindFailed(binding, "{\"userId\": \"..\"}"))
        .isEqualTo(
            json(
                """
                {"code": "invalid_arguments",
                 "message": "invalid arguments: /userId: path parameter 'id' must not be '.' or '..'",
                 "details": {"errors": [{"path": "/userId",
                                         "message": "path parameter 'id' must not be '.' or '..'"}]}}
                """));
    assertThat(bindOk(binding, "{\"userId\": \"../admin\"}").url())
        .isEqualTo("https://api.test/users/..%2Fadmin/repos");
  }

  @Test
  void pathParameterSubDelimitersAreEncoded() {
    HttpRequestSpec request =
        bindOk(get("/v1/{name}:cancel", param("path", "name")), "{\"name\": \"a,b;c=d@e\"}");

    assertThat(request.url()).isEqualTo("https://api.test/v1/a%2Cb%3Bc%3Dd%40e:cancel");
  }

  @Test
  void missingPathParameterIsAnInvalidArgument() {
    assertThat(bindFailed(get("/pets/{petId}", param("path", "petId")), "{}").at("/details/errors"))
        .isEqualTo(
            json(
                """
                [{"path": "/petId",
                  "message": "missing path parameter 'petId': path parameters are required"}]\
                """));
  }

  @Test
  void templateVariableWithoutAParameterIsRefused() {
    assertThat(bindFailed(get("/pets/{petId}"), "{}").at("/details/errors"))
        .isEqualTo(
            json(
                """
                [{"path": "", "message": "the path template's {petId} has no declared path parameter"}]\
                """));
  }

  @Test
  void baseUrlPathAndQueryAreKeptAndJoinedWithOneSlash() {
    HttpBinding binding = get("/pets", param("query", "limit"));

    BoundRequest bound =
        RequestPlan.of(binding)
            .bind(json("{\"limit\": 5}"), BindContext.withBaseUrl("https://h.test/api/v3/?key=k1"));

    assertThat(bound.request().url()).isEqualTo("https://h.test/api/v3/pets?key=k1&limit=5");
  }

  @Test
  void queryValuesAreRfc3986EncodedWithSpaceAsPercent20() {
    HttpRequestSpec request =
        bindOk(
            get("/search", param("query", "q"), param("query", "page[size]")),
            "{\"q\": \"a b&c=d+e/ü\", \"page[size]\": 10}");

    assertThat(request.url())
        .isEqualTo("https://api.test/search?q=a%20b%26c%3Dd%2Be%2F%C3%BC&page%5Bsize%5D=10");
  }

  @Test
  void allowReservedLetsReservedCharactersThroughButNotHashOrBrackets() {
    HttpRequestSpec request =
        bindOk(get("/files", reserved("path")), "{\"path\": \"a/b:c?d,e@f%20g[h]#i j\"}");

    assertThat(request.url())
        .isEqualTo("https://api.test/files?path=a/b:c?d,e@f%20g%5Bh%5D%23i%20j");
  }

  @Test
  void deepObjectNestsObjectsAndIndexesArrays() {
    HttpRequestSpec request =
        bindOk(
            get("/events", param("query", "filter", "deepObject", true)),
            "{\"filter\": {\"a\": {\"b\": {\"c\": 1}}, \"ids\": [7, 8], \"open\": true}}");

    assertThat(request.url())
        .isEqualTo(
            "https://api.test/events?filter%5Ba%5D%5Bb%5D%5Bc%5D=1"
                + "&filter%5Bids%5D%5B0%5D=7&filter%5Bids%5D%5B1%5D=8&filter%5Bopen%5D=true");
  }

  @Test
  void deepObjectIndexesATopLevelArray() {
    HttpRequestSpec request =
        bindOk(
            get("/charges", param("query", "expand", "deepObject", true)),
            "{\"expand\": [\"customer\", \"invoice\"]}");

    assertThat(request.url())
        .isEqualTo("https://api.test/charges?expand%5B0%5D=customer&expand%5B1%5D=invoice");
  }

  @Test
  void booleansAndNumbersAreSentAsJsonText() {
    HttpRequestSpec request =
        bindOk(
            get("/n", param("query", "flag"), param("query", "ratio"), param("query", "big")),
            "{\"flag\": false, \"ratio\": 1.5, \"big\": 123456789012345678901234567890}");

    assertThat(request.url())
        .isEqualTo("https://api.test/n?flag=false&ratio=1.5&big=123456789012345678901234567890");
  }

  @Test
  void absentNullAndEmptyArrayParametersAreNotSent() {
    HttpRequestSpec request =
        bindOk(
            get(
                "/n",
                param("query", "a"),
                param("query", "b"),
                param("query", "c"),
                param("header", "X-D"),
                param("cookie", "e")),
            "{\"b\": null, \"c\": [], \"X-D\": []}");

    assertThat(request.url()).isEqualTo("https://api.test/n");
    assertThat(request.headers()).isEmpty();
  }

  @Test
  void contentDescribedParameterIsTheJsonTextOfTheValue() {
    HttpRequestSpec request =
        bindOk(
            get(
                "/near",
                content("query", "coordinates", "application/json"),
                content("header", "X-Filter", "application/json")),
            "{\"coordinates\": {\"lat\": 1.5, \"long\": -2}, \"X-Filter\": {\"a\": [1, \"x\"]}}");

    assertThat(request.url())
        .isEqualTo("https://api.test/near?coordinates=%7B%22lat%22%3A1.5%2C%22long%22%3A-2%7D");
    assertThat(request.headers()).containsExactly(new HttpHeader("X-Filter", "{\"a\":[1,\"x\"]}"));
  }

  @Test
  void headerValueWithCrOrLfIsRefusedAndNothingIsBound() {
    HttpBinding binding =
        get("/pets", renamed("xRequestId", "header", "X-Request-Id"), param("query", "q"));

    assertThat(bindFailed(binding, "{\"xRequestId\": \"abc\\r\\nX-Evil: 1\", \"q\": \"x\"}"))
        .isEqualTo(
            json(
                """
                {"code": "invalid_arguments",
                 "message": "invalid arguments: /xRequestId: header 'X-Request-Id' must not contain CR or LF",
                 "details": {"errors": [{"path": "/xRequestId",
                     "message": "header 'X-Request-Id' must not contain CR or LF"}]}}\
                """));
    assertThat(
            bindFailed(binding, "{\"xRequestId\": [\"a\", \"b\\nc\"]}")
                .at("/details/errors/0/path")
                .asString())
        .isEqualTo("/xRequestId");
  }

  @Test
  void headerValueWithOtherControlCharactersIsRefused() {
    assertThat(
            bindFailed(get("/p", param("header", "X-A")), "{\"X-A\": \"a\\u0000b\"}")
                .at("/details/errors/0/message")
                .asString())
        .isEqualTo("header 'X-A' must not contain control characters");
  }

  @Test
  void cookieValueWithCrOrLfIsRefused() {
    assertThat(
            bindFailed(get("/p", param("cookie", "session")), "{\"session\": \"a\\rb\"}")
                .at("/details/errors"))
        .isEqualTo(
            json(
                "[{\"path\": \"/session\", \"message\": \"cookie 'session' must not contain CR or"
                    + " LF\"}]"));
  }

  @Test
  void allCookiesGoInOneHeaderWithValuesPercentEncoded() {
    HttpRequestSpec request =
        bindOk(
            get("/p", param("header", "X-Trace"), param("cookie", "a"), param("cookie", "b")),
            "{\"a\": 1, \"b\": \"x y;z\", \"X-Trace\": \"t 1\"}");

    assertThat(request.headers())
        .containsExactly(
            new HttpHeader("X-Trace", "t 1"), new HttpHeader("Cookie", "a=1; b=x%20y%3Bz"));
  }

  @Test
  void acceptContentTypeAndAuthorizationHeaderParametersAreIgnored() {
    HttpRequestSpec request =
        bindOk(
            get(
                "/p",
                param("header", "Accept"),
                param("header", "content-type"),
                param("header", "Authorization"),
                param("header", "X-Ok")),
            "{\"Accept\": \"text/html\", \"content-type\": \"a/b\", \"Authorization\": \"x\","
                + " \"X-Ok\": \"1\"}");

    assertThat(request.headers()).containsExactly(new HttpHeader("X-Ok", "1"));
  }

  @Test
  void renamedPropertiesBindToTheirParameters() {
    HttpRequestSpec request =
        bindOk(
            get(
                "/items/{id}",
                renamed("id__path", "path", "id"),
                renamed("id__query", "query", "id")),
            "{\"id__path\": 7, \"id__query\": \"q\"}");

    assertThat(request.url()).isEqualTo("https://api.test/items/7?id=q");
  }

  @Test
  void everyProblemOfACallIsReported() {
    HttpBinding binding = get("/pets/{petId}", param("path", "petId"), param("header", "X-A"));

    assertThat(bindFailed(binding, "{\"X-A\": \"\\n\"}").at("/details/errors").size()).isEqualTo(2);
  }

  @Test
  void bindNeverThrowsForMissingArgumentsOrContext() {
    BoundRequest bound = RequestPlan.of(get("/ping")).bind(null, null);

    assertThat(bound.isOk()).isFalse();
    assertThat(bound.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
    assertThat(bound.error().details().at("/errors/0/path").asString()).isEqualTo("/server");
  }

  @Test
  void okHttpKeepsTheBoundUrlAsIs() {
    HttpRequestSpec request =
        bindOk(
            get(
                "/a/{p}",
                param("path", "p"),
                param("query", "f", "deepObject", true),
                param("query", "c", "pipeDelimited", false),
                reserved("r")),
            "{\"p\": \"x/y z\", \"f\": {\"k\": \"v w\"}, \"c\": [1, 2], \"r\": \"a/b?c=d\"}");

    assertThat(okhttp3.HttpUrl.get(request.url()).toString()).isEqualTo(request.url());
  }

  @Test
  void oddBindingsCompileAndFailPerCallInsteadOfThrowing() {
    HttpBinding odd =
        new HttpBinding(
            null, "/x/{open", List.of(param("querystring", "q")), Bindings.body(false), List.of());

    assertThat(RequestPlan.of(null).bind(json("{}"), BindContext.defaults()).error().message())
        .isEqualTo("the operation has no HTTP method");
    assertThat(RequestPlan.of(odd).bind(json("{}"), BindContext.defaults()).isOk()).isFalse();
    HttpRequestSpec noMediaTypes =
        bindOk(
            new HttpBinding("put", "/x/{open", List.of(), Bindings.body(false), List.of()),
            "{\"body\": {\"a\": 1}}");
    assertThat(noMediaTypes.url()).isEqualTo("https://api.test/x/%7Bopen");
    assertThat(noMediaTypes.contentType()).isEqualTo("application/json");
  }

  @Test
  void planCompiledOnceBindsManyCalls() {
    RequestPlan plan = RequestPlan.of(get("/pets/{id}", param("path", "id")));
    BindContext context = BindContext.withBaseUrl("https://a.test");

    assertThat(
            List.of(1, 2, 3).stream()
                .map(i -> plan.bind(json("{\"id\": " + i + "}"), context).request().url()))
        .containsExactly("https://a.test/pets/1", "https://a.test/pets/2", "https://a.test/pets/3");
  }
}
