package dev.executortools.awsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * End to end against a real AWS stand-in on loopback: moto's server mode ({@code python3 -m
 * moto.server}), started here. Where Python has no moto (CI's machine has only a JDK and Maven;
 * PyPI is out of reach) the tests are skipped and say so; the SDK differential tests run
 * everywhere.
 */
class MotoEndToEndTest {
  private static Process moto;
  private static int port;

  @TempDir static Path home;

  private static boolean installed;

  @BeforeAll
  static void startMoto() throws Exception {
    installed = motoInstalled();
    if (!installed) return;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    moto =
        new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "" + port)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("moto.log").toFile())
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!answers()) {
      assertThat(Instant.now()).as("moto started within 30 s").isBefore(deadline);
      assertThat(moto.isAlive()).as("moto is running").isTrue();
      Thread.sleep(200);
    }
  }

  /** Each test reports itself skipped, with the reason, where moto is missing. */
  @BeforeEach
  void needsMoto() {
    assumeTrue(
        installed,
        "moto is not installed (python3 -c 'import moto.server' fails): the moto end-to-end tests"
            + " need `pip install 'moto[server]'`; the AWS SDK differential tests cover signing and"
            + " protocols without it");
  }

  @AfterAll
  static void stopMoto() throws InterruptedException {
    if (moto != null) {
      moto.destroy();
      if (!moto.waitFor(10, TimeUnit.SECONDS)) moto.destroyForcibly();
    }
  }

  private static boolean motoInstalled() {
    try {
      Process check = new ProcessBuilder("python3", "-c", "import moto.server").start();
      return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean answers() {
    try {
      HttpURLConnection connection =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + "/moto-api/").toURL().openConnection();
      connection.setConnectTimeout(500);
      return connection.getResponseCode() > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private ToolRegistry registry() {
    return ToolRegistry.builder()
        .approvals(ApprovalHandler.APPROVE_ALL)
        .allowPrivateNetwork(true)
        .environment(
            Map.of(
                "AWS_ACCESS_KEY_ID", "AKIDMOTO",
                "AWS_SECRET_ACCESS_KEY", "moto-secret",
                "AWS_REGION", "eu-west-1",
                "HOME", home.toString()))
        .build();
  }

  private static void add(ToolRegistry registry, String namespace, String resource)
      throws IOException {
    try (InputStream in = MotoEndToEndTest.class.getResourceAsStream("/aws/" + resource)) {
      ToolResult added =
          registry.addSource(
              Json.object()
                  .put("spec", new String(in.readAllBytes(), StandardCharsets.UTF_8))
                  .put("namespace", namespace)
                  .put("baseUrl", "http://127.0.0.1:" + port));
      assertThat(added.ok()).as(added.toJson().toString()).isTrue();
    }
  }

  private static ToolResult ok(ToolRegistry registry, String id, ObjectNode args) {
    ToolResult result = registry.call(id, args);
    assertThat(result.ok()).as(id + ": " + result.toJson()).isTrue();
    return result;
  }

  @Test
  void dynamoDbTableItemsAndList() throws IOException {
    try (ToolRegistry registry = registry()) {
      add(registry, "dynamodb", "dynamodb.json");
      String prefix = "dynamodb.xAmzTargetDynamoDb20120810";
      ObjectNode create = Json.object();
      ObjectNode table = create.putObject("body").put("TableName", "Music");
      table.putArray("KeySchema").addObject().put("AttributeName", "Artist").put("KeyType", "HASH");
      table
          .putArray("AttributeDefinitions")
          .addObject()
          .put("AttributeName", "Artist")
          .put("AttributeType", "S");
      table.put("BillingMode", "PAY_PER_REQUEST");
      ok(registry, prefix + "CreateTable.createTable", create);

      ObjectNode put = Json.object();
      ObjectNode item = put.putObject("body").put("TableName", "Music").putObject("Item");
      item.putObject("Artist").put("S", "No One You Know");
      item.putObject("Song").put("S", "Call Me Today");
      ok(registry, prefix + "PutItem.putItem", put);

      ObjectNode list = Json.object();
      list.putObject("body");
      ToolResult tables = ok(registry, prefix + "ListTables.listTables", list);
      assertThat(tables.data().path("TableNames").toString()).isEqualTo("[\"Music\"]");

      ObjectNode get = Json.object();
      get.putObject("body")
          .put("TableName", "Music")
          .putObject("Key")
          .putObject("Artist")
          .put("S", "No One You Know");
      ToolResult got = ok(registry, prefix + "GetItem.getItem", get);
      assertThat(got.data().path("Item").path("Song").path("S").asString())
          .isEqualTo("Call Me Today");

      ToolResult missing = registry.call(prefix + "PutItem.putItem", put.deepCopy());
      ObjectNode absent = Json.object();
      absent.putObject("body").put("TableName", "NoSuchTable").putObject("Item");
      ToolResult error = registry.call(prefix + "PutItem.putItem", absent);
      assertThat(missing.ok()).isTrue();
      assertThat(error.ok()).isFalse();
      assertThat(error.error().code().toString().toLowerCase()).isEqualTo("upstream_http_error");
      assertThat(error.error().details().path("type").asString())
          .isEqualTo("ResourceNotFoundException");
    }
  }

  @Test
  void stsGetCallerIdentity() throws IOException {
    try (ToolRegistry registry = registry()) {
      add(registry, "sts", "sts.json");
      ToolResult identity =
          ok(registry, "sts.actionGetCallerIdentity.postGetCallerIdentity", Json.object());
      assertThat(identity.data().path("GetCallerIdentityResult").path("Arn").asString())
          .isEqualTo("arn:aws:sts::123456789012:user/moto");
      assertThat(identity.toJson().toString()).doesNotContain("moto-secret");
    }
  }

  /**
   * S3 as REST-XML, outside us-east-1: the bucket's XML body carries its LocationConstraint; the
   * object goes up as its raw bytes with its metadata headers and comes back the same; the bucket
   * takes tags (a wrapped list) and the object goes by DeleteObjects (a flattened one), each with
   * the checksum S3 asks of them.
   */
  @Test
  void s3BucketOutsideUsEast1PutAndGetAnObject() throws IOException {
    try (ToolRegistry registry = registry()) {
      add(registry, "s3", "s3.json");
      ObjectNode create = Json.object().put("Bucket", "moto-bucket");
      create
          .putObject("body")
          .putObject("CreateBucketConfiguration")
          .put("LocationConstraint", "eu-west-1");
      ok(registry, "s3.root.createBucket", create);

      ObjectNode put = Json.object().put("Bucket", "moto-bucket").put("Key", "notes/today.txt");
      ObjectNode body = put.putObject("body").put("Body", "hello, moto");
      body.putObject("x-amz-meta-").put("author", "me");
      ok(registry, "s3.root.putObject", put);

      ObjectNode get = Json.object().put("Bucket", "moto-bucket").put("Key", "notes/today.txt");
      ToolResult got = ok(registry, "s3.root.getObject", get);
      assertThat(text(got.data())).isEqualTo("hello, moto");
      assertThat(got.http().headers().get("x-amz-meta-author")).isEqualTo("me");

      ToolResult buckets = ok(registry, "s3.root.listBuckets", Json.object());
      assertThat(buckets.data().path("Buckets").toString()).contains("\"Name\":\"moto-bucket\"");

      ObjectNode tagging = Json.object().put("Bucket", "moto-bucket");
      tagging
          .putObject("body")
          .putObject("Tagging")
          .putArray("TagSet")
          .addObject()
          .put("Key", "team")
          .put("Value", "a & b");
      ok(registry, "s3.bucketTagging.putBucketTagging", tagging);

      ObjectNode delete = Json.object().put("Bucket", "moto-bucket");
      delete
          .putObject("body")
          .putObject("Delete")
          .putArray("Objects")
          .addObject()
          .put("Key", "notes/today.txt");
      ToolResult deleted = ok(registry, "s3.bucketDelete.deleteObjects", delete);
      assertThat(deleted.data().toString()).contains("notes/today.txt");
      ToolResult gone = registry.call("s3.root.getObject", get);
      assertThat(gone.error().details().path("type").asString()).isEqualTo("NoSuchKey");

      ObjectNode location = Json.object().put("Bucket", "no-such-bucket").put("Key", "k");
      ToolResult missing = registry.call("s3.root.getObject", location);
      assertThat(missing.ok()).isFalse();
      assertThat(missing.error().details().path("type").asString()).isEqualTo("NoSuchBucket");
    }
  }

  /** A body as text: a string, or the base64 form of a type not known as text. */
  private static String text(JsonNode data) {
    if (data.isString()) return data.asString();
    return new String(
        Base64.getDecoder().decode(data.path("base64").asString()), StandardCharsets.UTF_8);
  }

  @Test
  void sqsSendAndReceiveAMessage() throws IOException {
    try (ToolRegistry registry = registry()) {
      add(registry, "sqs", "sqs.json");
      ObjectNode create = Json.object();
      create.putObject("body").put("QueueName", "jobs");
      ToolResult queue = ok(registry, "sqs.actionCreateQueue.postCreateQueue", create);
      String url = queue.data().path("CreateQueueResult").path("QueueUrl").asString();
      assertThat(url).endsWith("/jobs");

      ObjectNode send = Json.object();
      send.putObject("body").put("QueueUrl", url).put("MessageBody", "build #42 & deploy");
      ToolResult sent = ok(registry, "sqs.actionSendMessage.postSendMessage", send);
      assertThat(sent.data().path("SendMessageResult").path("MessageId").asString()).isNotEmpty();

      ObjectNode receive = Json.object();
      receive.putObject("body").put("QueueUrl", url).put("MaxNumberOfMessages", 1);
      ToolResult received = ok(registry, "sqs.actionReceiveMessage.postReceiveMessage", receive);
      assertThat(
              received.data().path("ReceiveMessageResult").path("Message").path("Body").asString())
          .isEqualTo("build #42 & deploy");
    }
  }

  @Test
  void lambdaListFunctionsAndEc2DescribeInstances() throws IOException {
    try (ToolRegistry registry = registry()) {
      add(registry, "lambda", "lambda.json");
      add(registry, "ec2", "ec2.json");
      ToolResult functions =
          ok(registry, "lambda.20150331.listFunctions", Json.object().put("MaxItems", 10));
      // moto answers this one as text/html (Lambda itself as application/json): read the text
      JsonNode listed =
          functions.data().isString() ? Json.parse(functions.data().asString()) : functions.data();
      assertThat(listed.path("Functions").isArray()).as(functions.toJson().toString()).isTrue();

      ObjectNode describe = Json.object();
      ObjectNode filter =
          describe
              .putObject("body")
              .putArray("Filters")
              .addObject()
              .put("Name", "instance-state-name");
      filter.putArray("Values").add("running");
      ToolResult instances =
          ok(registry, "ec2.actionDescribeInstances.postDescribeInstances", describe);
      assertThat(instances.data().has("reservationSet")).as(instances.data().toString()).isTrue();
    }
  }
}
