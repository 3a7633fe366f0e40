package dev.executortools.naming;

import static dev.executortools.naming.Operations.op;
import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.extract.OperationExtractor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolPathNamerTest {
  /**
   * executor's code prepends "_" to a path that already starts with "/", so a doubled underscore
   * follows the method: get /users/{id} gives get__users_id (DESIGN.md's get_users_id example is
   * not what the code does). Checked against reference-naming.js under node.
   */
  @ParameterizedTest(name = "{0} ''{1}'' -> {2}")
  @CsvSource({
    "get, /users/{id}, get__users_id",
    "post, /client/register, post__client_register",
    "get, users/{id}/, get_users_id",
    "get, /, get",
    "get, '', get",
    "get, ///, get",
    "delete, /a-b.c~d, delete__a_b_c_d",
    "'', /, _operation",
    "'', '', _operation",
  })
  void fallbackOperationIdJoinsMethodAndPathWithUnderscores(
      String method, String path, String expected) {
    assertThat(OperationExtractor.fallbackOperationId(method, path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "tag ''{0}'', path {1} -> {2}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "Pet Store, /anything, petStore",
        "HTTPServer, /x, httpServer",
        "'  users  ', /x, users",
        "!!!, /x, tool",
        "NULL, /users/{id}, users",
        "'', /users/{id}, users",
        "'   ', /users/{id}, users",
        "NULL, /v1/users, users",
        "NULL, /V2/users, users",
        "NULL, /v1.2/users, users",
        "NULL, /v2_1/users, users",
        "NULL, /v3-0/users, users",
        "NULL, /api/users, users",
        "NULL, /API/V1/users, users",
        "NULL, /{tenant}/users, users",
        "NULL, /v1.2.3/users, v123",
        "NULL, /apis/users, apis",
        "NULL, /device_authorization, deviceAuthorization",
        "NULL, /api/v1/{id}, root",
        "NULL, /, root",
        "NULL, '', root",
        "NULL, /--/x, tool",
      })
  void groupIsTheFirstTagElseTheFirstNamingPathSegment(String tag, String path, String expected) {
    assertThat(ToolPathNamer.group(tag, path)).isEqualTo(expected);
  }

  @Test
  void groupTrimsTagsAndSegmentsLikeJavaScript() {
    // JavaScript's trim strips NBSP and U+3000 but not U+001F; Java's String.trim is the opposite.
    assertThat(ToolPathNamer.group("\u00a0", "/users")).isEqualTo("users");
    assertThat(ToolPathNamer.group("\u001f", "/users")).isEqualTo("tool");
    assertThat(ToolPathNamer.group(null, "/\u00a0/\u3000items")).isEqualTo("items");
  }

  @Test
  void blankTagsAreThoseJavaScriptTrimEmpties() {
    assertThat(OperationExtractor.isBlankTag("")).isTrue();
    assertThat(OperationExtractor.isBlankTag(" \t\u00a0\u3000")).isTrue();
    assertThat(OperationExtractor.isBlankTag("\u001f")).isFalse();
    assertThat(OperationExtractor.isBlankTag(" pets ")).isFalse();
  }

  @ParameterizedTest(name = "{0} in group {3} -> {4}")
  @CsvSource({
    "users.get, get, /users/{id}, users, get",
    "users/get, get, /users/{id}, users, get",
    "Users//Get, get, /users/{id}, users, get",
    "' users . get-one ', get, /users/{id}, users, getOne",
    "repos/list-for-org, get, /orgs/{org}/repos, repos, listForOrg",
    "issues/list-for-repo, get, /repos/{o}/{r}/issues, issues, listForRepo",
    "a.b.c, get, /users, users, aBC",
    "users, get, /users, other, users",
    "getV2Users, get, /v2/users, users, getV2Users",
  })
  void leafIsTheOperationIdWithoutAGroupPrefix(
      String operationId, String method, String path, String group, String expected) {
    assertThat(ToolPathNamer.leaf(operationId, method, path, group)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} {2} in group {3} -> {4}")
  @CsvSource({
    "users, get, /users/list, users, getList",
    "USERS, delete, /api/v1/users/{id}/Roles, users, deleteRoles",
    "users.users, get, /users/v1/{id}, users, getOperation",
    "/users/, get, /users/users, users, getOperation",
    "--, get, /tool, tool, getOperation",
    "., get, /users/dots, tool, getUsersDots",
    "things, post, /things/sub-items/x, things, postSubItemsX",
  })
  void leafEqualToTheGroupFallsBackToMethodAndPathSegments(
      String operationId, String method, String path, String group, String expected) {
    assertThat(ToolPathNamer.leaf(operationId, method, path, group)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "/v1/users, v1",
        "/api/V2/users, v2",
        "/x/v1.2/y/v3, v1.2",
        "/v2_1, v2_1",
        "/V10-20/x, v10-20",
        "/v1.2.3/users, NULL",
        "/version1/v/users, NULL",
        "/users, NULL",
      })
  void versionSegmentIsTheFirstOneLowerCased(String path, String expected) {
    assertThat(ToolPathNamer.versionSegment(path)).isEqualTo(expected);
  }

  @Test
  void ssoOidcOperationsKeepTheirPlainNames() {
    assertThat(
            ToolPathNamer.toolPaths(
                List.of(
                    op("post", "/client/register", "RegisterClient"),
                    op("post", "/device_authorization", "StartDeviceAuthorization"),
                    op("post", "/token", "CreateToken"))))
        .containsExactly(
            "client.registerClient",
            "deviceAuthorization.startDeviceAuthorization",
            "token.createToken");
  }

  @Test
  void missingOperationIdFallsBackToTheDerivedOne() {
    assertThat(ToolPathNamer.toolPaths(List.of(op("get", "/users/{id}", null))))
        .containsExactly("users.getUsersId");
  }

  @Test
  void roundOneSeparatesVersionsAndLeavesUnversionedMembersAlone() {
    assertThat(
            ToolPathNamer.toolPaths(
                List.of(
                    op("get", "/v1/items", "listItems", "items"),
                    op("get", "/v2/items", "listItems", "items"),
                    op("get", "/items", "listItems", "items"))))
        .containsExactly("items.v1.listItems", "items.v2.listItems", "items.listItems");
  }

  @Test
  void roundTwoAddsTheMethodRebuiltFromGroupAndLeaf() {
    assertThat(
            ToolPathNamer.toolPaths(
                List.of(op("get", "/items", "listItems"), op("post", "/items", "list_items"))))
        .containsExactly("items.listItemsGet", "items.listItemsPost");
    assertThat(
            ToolPathNamer.toolPaths(
                List.of(
                    op("get", "/v1/items", "listItems"), op("post", "/v1/items", "list-items"))))
        .containsExactly("items.v1.listItemsGet", "items.v1.listItemsPost");
  }

  @Test
  void roundThreeAddsTheHashWhenMethodsAlsoMatch() {
    // Hashes from node: stableHash({method:"get",path:"/items/a",operationId:"getItem"}) etc.
    assertThat(
            ToolPathNamer.toolPaths(
                List.of(op("get", "/items/a", "getItem"), op("get", "/items/b", "get_item"))))
        .containsExactly("items.getItemGet006hmnew", "items.getItemGet00iiy9qk");
  }

  @Test
  void eachRoundRebucketsSoARenamedPathCanCollideWithAnUntouchedOne() {
    // Round 2 turns the first into items.getItemGet, which the third already had.
    assertThat(
            ToolPathNamer.toolPaths(
                List.of(
                    op("get", "/items/a", "getItem"),
                    op("post", "/items/b", "get_item"),
                    op("get", "/items/c", "getItemGet"))))
        .containsExactly(
            "items.getItemGet006hmnew", "items.getItemPost", "items.getItemGetGet00cqqw4m");
  }

  @Test
  void laterRoundsRebuildFromGroupAndLeafRatherThanAppendToTheCurrentPath() {
    // The third keeps items.getItemGet through rounds 1 and 2 (alone each time), then meets the
    // other two in round 3, which rebuilds it with its version segment v1 it never showed before.
    assertThat(
            ToolPathNamer.toolPaths(
                List.of(
                    op("get", "/items/a", "getItem"),
                    op("get", "/items/b", "get_item"),
                    op("get", "/v1/items/c", "getItemGet"))))
        .containsExactly(
            "items.getItemGet006hmnew",
            "items.getItemGet00iiy9qk",
            "items.v1.getItemGetGet00id1d8c");
  }

  @Test
  void resultsFollowInputOrderWhateverItIs() {
    List<String> forward =
        ToolPathNamer.toolPaths(List.of(op("get", "/b", "x", "t"), op("get", "/a", "y", "t")));
    List<String> backward =
        ToolPathNamer.toolPaths(List.of(op("get", "/a", "y", "t"), op("get", "/b", "x", "t")));
    assertThat(forward).containsExactly("t.x", "t.y");
    assertThat(backward).containsExactly("t.y", "t.x");
  }
}
