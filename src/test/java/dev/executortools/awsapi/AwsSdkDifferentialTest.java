package dev.executortools.awsapi;

import static dev.executortools.awsapi.SdkDifferential.assertSameRequest;
import static dev.executortools.awsapi.SdkDifferential.signedAt;
import static dev.executortools.awsapi.SdkDifferential.urlConnection;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.executortools.ToolResult;
import dev.executortools.internal.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request a tool added from the directory's AWS spec sends and the one the AWS SDK for Java v2
 * sends for the same input, credentials and clock, both captured by one loopback server ({@link
 * SdkDifferential}): same method, path, query, body, payload hash and signature. One operation of
 * each protocol: query (STS), JSON (DynamoDB), REST-JSON (Lambda), EC2, SQS (query, by its form and
 * the SDK signer); REST-XML (S3) in {@link S3SdkDifferentialTest}.
 */
class AwsSdkDifferentialTest {
  private final SdkDifferential differential = new SdkDifferential();

  @AfterEach
  void stop() {
    differential.close();
  }

  private StsClient sts(Instant instant) {
    return differential.client(urlConnection(StsClient.builder()), instant);
  }

  private DynamoDbClient dynamodb(Instant instant) {
    return differential.client(urlConnection(DynamoDbClient.builder()), instant);
  }

  @Test
  void stsGetCallerIdentity() throws IOException {
    differential.add("sts", "sts.json");
    LoggedRequest ours =
        differential.ours("sts.actionGetCallerIdentity.postGetCallerIdentity", Json.object());
    try (StsClient sts = sts(signedAt(ours))) {
      assertSameRequest(ours, differential.sdks(sts::getCallerIdentity));
    }
  }

  @Test
  void stsAssumeRole() throws IOException {
    differential.add("sts", "sts.json");
    ObjectNode args = Json.object();
    args.putObject("body")
        .put("RoleArn", "arn:aws:iam::123456789012:role/Admin")
        .put("RoleSessionName", "me")
        .put("DurationSeconds", 900);
    LoggedRequest ours = differential.ours("sts.actionAssumeRole.postAssumeRole", args);
    try (StsClient sts = sts(signedAt(ours))) {
      assertSameRequest(
          ours,
          differential.sdks(
              () ->
                  sts.assumeRole(
                      r ->
                          r.roleArn("arn:aws:iam::123456789012:role/Admin")
                              .roleSessionName("me")
                              .durationSeconds(900))));
    }
  }

  @Test
  void dynamoDbListTables() throws IOException {
    differential.add("dynamodb", "dynamodb.json");
    ObjectNode args = Json.object();
    args.putObject("body").put("Limit", 5);
    LoggedRequest ours =
        differential.ours("dynamodb.xAmzTargetDynamoDb20120810ListTables.listTables", args);
    try (DynamoDbClient dynamodb = dynamodb(signedAt(ours))) {
      assertSameRequest(ours, differential.sdks(() -> dynamodb.listTables(r -> r.limit(5))));
    }
  }

  @Test
  void dynamoDbListTablesWithNoArgumentsSendsTheSdksEmptyInput() throws IOException {
    differential.add("dynamodb", "dynamodb.json");
    LoggedRequest ours =
        differential.ours(
            "dynamodb.xAmzTargetDynamoDb20120810ListTables.listTables", Json.object());
    assertThat(ours.getBodyAsString()).isEqualTo("{}");
    try (DynamoDbClient dynamodb = dynamodb(signedAt(ours))) {
      assertSameRequest(ours, differential.sdks(() -> dynamodb.listTables()));
    }
  }

  @Test
  void dynamoDbPutItem() throws IOException {
    differential.add("dynamodb", "dynamodb.json");
    ObjectNode args = Json.object();
    ObjectNode body = args.putObject("body").put("TableName", "Music");
    body.putObject("Item").putObject("Artist").put("S", "No One You Know");
    LoggedRequest ours =
        differential.ours("dynamodb.xAmzTargetDynamoDb20120810PutItem.putItem", args);
    try (DynamoDbClient dynamodb = dynamodb(signedAt(ours))) {
      assertSameRequest(
          ours,
          differential.sdks(
              () ->
                  dynamodb.putItem(
                      r ->
                          r.tableName("Music")
                              .item(
                                  Map.of(
                                      "Artist",
                                      AttributeValue.builder().s("No One You Know").build())))));
    }
  }

  @Test
  void lambdaListFunctions() throws IOException {
    differential.add("lambda", "lambda.json");
    ObjectNode args = Json.object().put("MaxItems", 10).put("FunctionVersion", "ALL");
    LoggedRequest ours = differential.ours("lambda.20150331.listFunctions", args);
    try (LambdaClient lambda =
        differential.client(urlConnection(LambdaClient.builder()), signedAt(ours))) {
      assertSameRequest(
          ours,
          differential.sdks(
              () -> lambda.listFunctions(r -> r.maxItems(10).functionVersion("ALL"))));
    }
  }

  /**
   * EC2's serialization: lists as {@code Name.N}, names from the members' {@code xml.name} with a
   * capital first letter ({@code Filters} as {@code Filter}, {@code Values} as {@code Value}). (The
   * directory's 1.3.17 spec lists DescribeInstancesRequest's members as Filters, InstanceIds,
   * DryRun, MaxResults, NextToken; the SDK's newer model as InstanceIds, DryRun, Filters,
   * NextToken, MaxResults. A form's order means nothing to AWS, but it changes the bytes signed, so
   * each case takes members whose order the two agree on.)
   */
  @Test
  void ec2DescribeInstancesFiltersAsEc2sLists() throws IOException {
    differential.add("ec2", "ec2.json");
    ObjectNode args = Json.object();
    ObjectNode body = args.putObject("body");
    ObjectNode filter = body.putArray("Filters").addObject().put("Name", "instance-state-name");
    filter.putArray("Values").add("running").add("pending");
    body.put("MaxResults", 5);
    LoggedRequest ours =
        differential.ours("ec2.actionDescribeInstances.postDescribeInstances", args);
    assertThat(ours.getBodyAsString())
        .isEqualTo(
            "Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=instance-state-name"
                + "&Filter.1.Value.1=running&Filter.1.Value.2=pending&MaxResults=5");
    try (Ec2Client ec2 = differential.client(urlConnection(Ec2Client.builder()), signedAt(ours))) {
      assertSameRequest(
          ours,
          differential.sdks(
              () ->
                  ec2.describeInstances(
                      r ->
                          r.filters(f -> f.name("instance-state-name").values("running", "pending"))
                              .maxResults(5))));
    }
  }

  @Test
  void ec2DescribeInstancesByIds() throws IOException {
    differential.add("ec2", "ec2.json");
    ObjectNode args = Json.object();
    ObjectNode body = args.putObject("body");
    body.putArray("InstanceIds").add("i-0123456789abcdef0").add("i-1");
    body.put("DryRun", true);
    LoggedRequest ours =
        differential.ours("ec2.actionDescribeInstances.postDescribeInstances", args);
    try (Ec2Client ec2 = differential.client(urlConnection(Ec2Client.builder()), signedAt(ours))) {
      assertSameRequest(
          ours,
          differential.sdks(
              () ->
                  ec2.describeInstances(
                      r -> r.instanceIds("i-0123456789abcdef0", "i-1").dryRun(true))));
    }
  }

  /**
   * SQS: the directory's spec is of the query protocol, which SQS still takes; the SDK v2 now
   * speaks only SQS's JSON protocol to it ({@code AmazonSQS.SendMessage}) and cannot be set to the
   * query one. So the form is compared with the one AWS's SQS API reference gives for SendMessage
   * ({@code Action=SendMessage}, {@code MessageBody}, {@code DelaySeconds}, {@code Version}), in
   * the order of the shape's members as the SDKs write query forms, and the signature with the
   * SDK's signer's for the very request we sent.
   */
  @Test
  void sqsSendMessageAsTheQueryProtocolSignedAsTheSdkSignsIt() throws Exception {
    ObjectNode args = Json.object();
    args.putObject("body")
        .put("QueueUrl", "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs")
        .put("MessageBody", "hello, queue & all")
        .put("DelaySeconds", 5);
    RecordedRequest sent = sentTo("sqs.actionSendMessage.postSendMessage", args);
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getTarget()).isEqualTo("/");
    assertThat(sent.getHeaders().get("Content-Type"))
        .isEqualTo("application/x-www-form-urlencoded; charset=utf-8");
    assertThat(sent.getBody().utf8())
        .isEqualTo(
            "Action=SendMessage&Version=2012-11-05"
                + "&QueueUrl=https%3A%2F%2Fsqs.eu-west-1.amazonaws.com%2F123456789012%2Fjobs"
                + "&MessageBody=hello%2C%20queue%20%26%20all&DelaySeconds=5");
    assertThat(sent.getHeaders().get("Authorization"))
        .isEqualTo(SdkDifferential.sdkSignature(sent, "sqs"));
  }

  @Test
  void sqsReceiveMessageAsTheQueryProtocolSignedAsTheSdkSignsIt() throws Exception {
    ObjectNode args = Json.object();
    ObjectNode body =
        args.putObject("body")
            .put("QueueUrl", "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs")
            .put("MaxNumberOfMessages", 2);
    body.putArray("AttributeNames").add("All");
    RecordedRequest sent = sentTo("sqs.actionReceiveMessage.postReceiveMessage", args);
    assertThat(sent.getBody().utf8())
        .isEqualTo(
            "Action=ReceiveMessage&Version=2012-11-05"
                + "&QueueUrl=https%3A%2F%2Fsqs.eu-west-1.amazonaws.com%2F123456789012%2Fjobs"
                + "&AttributeName.1=All&MaxNumberOfMessages=2");
    assertThat(sent.getHeaders().get("Authorization"))
        .isEqualTo(SdkDifferential.sdkSignature(sent, "sqs"));
  }

  /**
   * The directory's GET variant of a query operation: its query carries what the SDK's form body
   * carries for the same input (EC2's lists as {@code Filter.1.Value.1}, not OpenAPI's form style),
   * signed as the SDK's signer signs that very request.
   */
  @Test
  void ec2DescribeInstancesGetCarriesTheSdksFormInItsQuery() throws Exception {
    ObjectNode args = Json.object().put("DryRun", false);
    ObjectNode filter = args.putArray("Filter").addObject().put("Name", "instance-state-name");
    filter.putArray("Values").add("running").add("pending");
    args.putArray("InstanceId").add("i-0123456789abcdef0");
    RecordedRequest sent =
        sentTo("ec2", "ec2.json", "ec2.actionDescribeInstances.getDescribeInstances", args);
    assertThat(sent.getMethod()).isEqualTo("GET");
    LoggedRequest sdks;
    try (Ec2Client ec2 = differential.client(urlConnection(Ec2Client.builder()), Instant.now())) {
      sdks =
          differential.sdks(
              () ->
                  ec2.describeInstances(
                      r ->
                          r.filters(f -> f.name("instance-state-name").values("running", "pending"))
                              .instanceIds("i-0123456789abcdef0")
                              .dryRun(false)));
    }
    assertThat(sent.getUrl().encodedQuery().split("&"))
        .containsExactlyInAnyOrder(sdks.getBodyAsString().split("&"));
    assertThat(sent.getHeaders().get("Authorization"))
        .isEqualTo(SdkDifferential.sdkSignature(sent, "ec2"));
  }

  /** The request a tool sends, as a {@code MockWebServer} received it. */
  private RecordedRequest sentTo(String id, ObjectNode args) throws Exception {
    return sentTo("sqs", "sqs.json", id, args);
  }

  private RecordedRequest sentTo(String namespace, String spec, String id, ObjectNode args)
      throws Exception {
    try (MockWebServer raw = new MockWebServer()) {
      raw.start();
      raw.enqueue(new MockResponse.Builder().code(200).body("<Response/>").build());
      differential.add(namespace, spec, "http://localhost:" + raw.getPort());
      ToolResult result = differential.registry.call(id, args);
      assertThat(result.ok()).as(result.toJson().toString()).isTrue();
      return raw.takeRequest();
    }
  }

  @Test
  void authStatusNamesTheCredentialsAnAwsSourceSignsWithNeverTheirValues() throws IOException {
    differential.add("dynamodb", "dynamodb.json");
    ToolResult status = differential.registry.signInStatus("dynamodb");
    assertThat(status.data().path("sources").get(0).path("aws").toString())
        .isEqualTo(
            "{\"credentials\":\"environment (AWS_ACCESS_KEY_ID)\",\"region\":\"eu-west-1\"}");
    assertThat(status.toJson().toString())
        .doesNotContain(SdkDifferential.SECRET)
        .doesNotContain(SdkDifferential.TOKEN);
  }
}
