package dev.executortools.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected values were computed independently by running executor's {@code stableHash} verbatim
 * under node, from src/test/resources/naming: {@code node -e 'console.log(require(
 * "./reference-naming.js").stableHash({method:"post",path:"/token",operationId:"CreateToken"}))'}.
 */
class StableHashTest {
  @ParameterizedTest(name = "{0} {2} {1} -> {3}")
  @CsvSource({
    "post, RegisterClient, /client/register, 00aiqzlg",
    "post, StartDeviceAuthorization, /device_authorization, 00e7d1e6",
    "post, CreateToken, /token, 002dbfap",
    "get, get_users_id, /users/{id}, 00r2gtgc",
    "get, getItem, /items/a, 006hmnew",
    "get, '', /p, 000164s5",
  })
  void matchesExecutorsHashComputedUnderNode(
      String method, String operationId, String path, String expected) {
    assertThat(StableHash.of(method, operationId, path)).isEqualTo(expected);
  }

  @Test
  void escapesLikeJsonStringifyBeforeHashing() {
    // JSON.stringify escapes the quote, the backslash, BS FF LF CR TAB as two-character escapes,
    // the other control characters and lone surrogates as six-character escapes; DEL, U+2028 and
    // a surrogate pair stay literal. Expected value from node, stableHash of this same operationId.
    String id = "a\"\\\b\f\n\r\t\u0001\u001f\u007f\u2028\ud800x\udc00\ud83d\ude00";
    assertThat(StableHash.of("get", id, "/p")).isEqualTo("002j2nwz");
  }

  @Test
  void hashOfMinusTwoToTheThirtyOneIsItsUnsignedMagnitude() {
    // "edge0?=4MMF" was solved for algebraically (31 is invertible mod 2^32) so that the hashed
    // string {"method":"get","operationId":"edge0?=4MMF","path":"/p"} hashes to exactly -2^31;
    // node's Math.abs(-2147483648).toString(36) is "zik0zk", padded "00zik0zk".
    assertThat(StableHash.of("get", "edge0?=4MMF", "/p")).isEqualTo("00zik0zk");
  }
}
