package dev.executortools.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.executortools.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking's rules, each on a few tools shaped like Microsoft Graph's and GitHub's. */
class ToolIndexTest {
  private static SearchDocument tool(
      String id,
      String summary,
      String description,
      String method,
      String path,
      String... parameters) {
    return new SearchDocument(id, "graph", summary, description, method, path, List.of(parameters));
  }

  private static List<String> ids(ToolIndex index, String query) {
    return index.search(query, 10).stream().map(SearchHit::id).toList();
  }

  @Test
  void aSiblingWithAnExtraWordInItsNameRanksBelowTheOneTheTaskNames() {
    String description = "Respond to the specified event in a user calendar.";
    ToolIndex index =
        ToolIndex.of(
            List.of(
                tool(
                    "graph.meActions.meEventsEventTentativelyAccept",
                    "Invoke action tentativelyAccept",
                    description,
                    "post",
                    "/me/events/{event-id}/microsoft.graph.tentativelyAccept",
                    "event-id"),
                tool(
                    "graph.meActions.meEventsEventAccept",
                    "Invoke action accept",
                    description,
                    "post",
                    "/me/events/{event-id}/microsoft.graph.accept",
                    "event-id")));

    assertThat(ids(index, "accept a meeting")).startsWith("graph.meActions.meEventsEventAccept");
    assertThat(ids(index, "tentatively accept a meeting"))
        .startsWith("graph.meActions.meEventsEventTentativelyAccept");
  }

  @Test
  void theToolsOwnWordCountsMoreThanItsSynonym() {
    ToolIndex index =
        ToolIndex.of(
            List.of(
                tool(
                    "graph.meActions.meMailFoldersMailFolderMove",
                    "Invoke action move",
                    "Move a mail folder to another folder.",
                    "post",
                    "/me/mailFolders/{mailFolder-id}/microsoft.graph.move",
                    "mailFolder-id",
                    "DestinationId"),
                tool(
                    "graph.meActions.meMessagesMessageMove",
                    "Invoke action move",
                    "Move a message to another folder.",
                    "post",
                    "/me/messages/{message-id}/microsoft.graph.move",
                    "message-id",
                    "DestinationId")));

    assertThat(ids(index, "move a message to a folder"))
        .startsWith("graph.meActions.meMessagesMessageMove");
    assertThat(ids(index, "move a mail folder"))
        .startsWith("graph.meActions.meMailFoldersMailFolderMove");
  }

  @Test
  void aParticipleNamesAStateNotTheAction() {
    ToolIndex index =
        ToolIndex.of(
            List.of(
                tool(
                    "graph.usersDirectoryObject.usersListCreatedObjects",
                    "Get createdObjects from users",
                    "Directory objects that the user created.",
                    "get",
                    "/users/{user-id}/createdObjects"),
                tool(
                    "graph.usersUser.usersUserCreateUser",
                    "Create User",
                    "Create a new user.",
                    "post",
                    "/users")));

    assertThat(ids(index, "create a user")).startsWith("graph.usersUser.usersUserCreateUser");
    assertThat(ids(index, "objects a user created"))
        .startsWith("graph.usersDirectoryObject.usersListCreatedObjects");
  }

  @Test
  void aWordOnlyInTheGroupOfTheIdCostsLessThanOneInItsLeaf() {
    ToolIndex index =
        ToolIndex.of(
            List.of(
                tool(
                    "graph.groupsDirectoryObject.groupsListMembers",
                    "Get members from groups",
                    "The members of this group.",
                    "get",
                    "/groups/{group-id}/members",
                    "group-id"),
                tool(
                    "graph.groupsTeam.groupsTeamListMembers",
                    "List members of team",
                    "Get the conversation members of a team.",
                    "get",
                    "/groups/{group-id}/team/members",
                    "group-id")));

    assertThat(ids(index, "list the members of a group"))
        .startsWith("graph.groupsDirectoryObject.groupsListMembers");
  }

  @Test
  void findsNothingForABlankQueryOrAWordNoToolHas() {
    ToolIndex index =
        ToolIndex.of(List.of(tool("graph.meUser.meUserGetUser", "Get user", "", "get", "/me")));

    assertThat(index.search("   ", 5)).isEmpty();
    assertThat(index.search("zyzzyva", 5)).isEmpty();
    assertThat(ids(index, "get my profile")).containsExactly("graph.meUser.meUserGetUser");
  }

  @Test
  void aNameMadeFromMethodAndPathIsReadByItsMethodNotAsAWord() {
    ToolIndex index =
        ToolIndex.of(
            List.of(
                tool("bb.widgets.postReposWidgets", "", "", "post", "/repos/widgets"),
                tool("bb.widgets.putReposWidgetsId", "", "", "put", "/repos/widgets/{id}", "id"),
                tool(
                    "bb.widgets.postReposWidgetsIdMerge",
                    "",
                    "",
                    "post",
                    "/repos/widgets/{id}/merge",
                    "id")));

    assertThat(ids(index, "open a widget"))
        .as("post of a collection creates; post of one item's action does not")
        .startsWith("bb.widgets.postReposWidgets");
    assertThat(ids(index, "merge a widget")).startsWith("bb.widgets.postReposWidgetsIdMerge");
  }

  @Test
  void copiesOfOneOperationFollowTheDistinctTools() {
    String scale = "partially update scale of the specified ReplicaSet";
    ToolIndex index =
        ToolIndex.of(
            List.of(
                tool("k.appsV1.patchAppsV1NamespacedReplicaSetScale", scale, "", "patch", "/a"),
                tool(
                    "k.appsV1beta2.patchAppsV1beta2NamespacedReplicaSetScale",
                    scale,
                    "",
                    "patch",
                    "/b"),
                tool(
                    "k.appsV1beta1.patchAppsV1beta1NamespacedReplicaSetScale",
                    scale,
                    "",
                    "patch",
                    "/c"),
                tool(
                    "k.appsV1.patchAppsV1NamespacedDeploymentScale",
                    "partially update scale of the specified Deployment",
                    "",
                    "patch",
                    "/d")));

    assertThat(ids(index, "scale a replica set"))
        .as("the other versions of the first come after the next distinct tool")
        .hasSize(4)
        .element(1)
        .isEqualTo("k.appsV1.patchAppsV1NamespacedDeploymentScale");
  }

  @Test
  void aTaskThatNamesAnApiRanksThatApisToolsFirst() {
    ToolIndex index =
        ToolIndex.of(
            List.of(
                new SearchDocument(
                    "zoom.groups.groupCreate",
                    "zoom",
                    "Create a new group for a team",
                    "Create a new group for a team under your account.",
                    "post",
                    "/groups",
                    List.of("name")),
                new SearchDocument(
                    "google_calendar.acl.aclInsert",
                    "google_calendar",
                    "Create an access rule",
                    "Creates an access control rule for a calendar.",
                    "post",
                    "/calendars/{calendarId}/acl",
                    List.of("calendarId")),
                new SearchDocument(
                    "gitlab.groups.postV3Groups",
                    "gitlab",
                    "",
                    "Creates a group.",
                    "post",
                    "/groups",
                    List.of("name", "path"))));

    assertThat(ids(index, "create a new group for the team")).startsWith("zoom.groups.groupCreate");
    assertThat(ids(index, "create a new group for the team in GitLab"))
        .startsWith("gitlab.groups.postV3Groups");
    assertThat(ids(index, "create a new group for the team in gitlab"))
        .startsWith("gitlab.groups.postV3Groups");
    assertThat(ids(index, "create a group for the team in my Google Calendar"))
        .startsWith("google_calendar.acl.aclInsert");
    // Within one API, naming it changes nothing.
    assertThat(
            index.search(
                "create a group in zoom", 10, (source, id, method) -> source.equals("zoom")))
        .extracting(SearchHit::id)
        .containsExactly("zoom.groups.groupCreate");
  }

  @Test
  void aWordRunTogetherInAToolsNameIsReadAsItsTwoWordsByTheDensePart() {
    ToolIndex index =
        ToolIndex.of(
            List.of(
                new SearchDocument(
                    "calendar.freebusy.calendarFreebusyQuery",
                    "calendar",
                    "",
                    "",
                    "post",
                    "/freebusy",
                    List.of()),
                new SearchDocument(
                    "calendar.events.calendarEventsList",
                    "calendar",
                    "",
                    "",
                    "get",
                    "/calendars/{calendarId}/events",
                    List.of("calendarId")),
                new SearchDocument(
                    "calendar.settings.calendarSettingsList",
                    "calendar",
                    "",
                    "",
                    "get",
                    "/users/me/settings",
                    List.of())));

    // No tool has the word "busy": only the dense part, reading freebusy as free and busy, finds
    // it.
    assertThat(ids(index, "when is everyone busy"))
        .startsWith("calendar.freebusy.calendarFreebusyQuery");
  }

  @Test
  void whenTheTasksWordsMostlyMatchNoToolTheNearestInMeaningComesFirst() {
    ToolIndex index =
        ToolIndex.of(
            List.of(
                new SearchDocument(
                    "forum.comments.createComment",
                    "forum",
                    "Create a comment",
                    "Adds a comment under a topic.",
                    "post",
                    "/topics/{topicId}/comments",
                    List.of("topicId", "body")),
                new SearchDocument(
                    "forum.posts.createPost",
                    "forum",
                    "Create a post",
                    "Publishes a new post.",
                    "post",
                    "/posts",
                    List.of("title", "body")),
                new SearchDocument(
                    "forum.posts.deletePost",
                    "forum",
                    "Delete a post",
                    "Deletes a post.",
                    "delete",
                    "/posts/{postId}",
                    List.of("postId")),
                new SearchDocument(
                    "forum.posts.getPost",
                    "forum",
                    "Get a post",
                    "Returns a post.",
                    "get",
                    "/posts/{postId}",
                    List.of("postId"))));

    // One word of three ("post") matches the post tools; a remark is a comment.
    assertThat(ids(index, "write a quick remark on the post"))
        .startsWith("forum.comments.createComment");
    // Every word matches: the lexical ranking is sure and stays first.
    assertThat(ids(index, "publish a post")).startsWith("forum.posts.createPost");
  }

  private static SearchDocument answering(
      Answer answer, String id, String description, String path, String... parameters) {
    return new SearchDocument(
        id, "b", "", description, "get", path, List.of(parameters), answer, "");
  }

  @Test
  void aGetThatAnswersAPageListsWhateverItsPathEndsIn() {
    // Bitbucket: GET /repositories/{workspace} answers a page of the workspace's repositories.
    List<SearchDocument> tools =
        List.of(
            answering(
                Answer.MANY,
                "b.repositories.getRepositoriesWorkspace",
                "Returns the repositories owned by the workspace.",
                "/repositories/{workspace}",
                "workspace"),
            answering(
                Answer.ONE,
                "b.repositories.getRepositoriesWorkspaceRepoSlug",
                "Returns the repository.",
                "/repositories/{workspace}/{repo_slug}",
                "workspace",
                "repo_slug"));
    ToolIndex index = ToolIndex.of(tools);

    assertThat(ids(index, "list the repositories"))
        .first()
        .isEqualTo("b.repositories.getRepositoriesWorkspace");
    assertThat(ids(index, "get a repository"))
        .first()
        .isEqualTo("b.repositories.getRepositoriesWorkspaceRepoSlug");
    assertThat(Field.verb(tools.get(0))).isEqualTo(Terms.of("list"));
    assertThat(Field.verb(tools.get(1))).isEqualTo(Terms.of("get"));
  }

  @Test
  @org.junit.jupiter.api.Timeout(
      value = 20,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aHugeWordNoVectorKnowsIsReadInTimeLinearInItsLength() {
    String word = "zq".repeat(200_000);
    ToolIndex index =
        ToolIndex.of(
            List.of(
                new SearchDocument(
                    "spam.things." + word, "spam", word, word, "get", "/" + word, List.of(word)),
                new SearchDocument(
                    "spam.things.listThings",
                    "spam",
                    "List things",
                    "",
                    "get",
                    "/things",
                    List.of())));

    assertThat(ids(index, "list the things " + word)).contains("spam.things.listThings");
  }

  @Test
  @org.junit.jupiter.api.Timeout(
      value = 20,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aTaskSayingAnEverydayPhraseAMillionTimesIsSearchedInTimeLinearInItsLength() {
    List<SearchDocument> tools = new java.util.ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      tools.add(
          new SearchDocument(
              "k.nodes.listNode" + i, "k", "List nodes " + i, "", "get", "/nodes" + i, List.of()));
    }
    ToolIndex index = ToolIndex.of(tools);

    assertThat(ids(index, "machines in the cluster ".repeat(1_000_000)))
        .hasSize(10)
        .allMatch(id -> id.startsWith("k.nodes.listNode"));
  }
}
