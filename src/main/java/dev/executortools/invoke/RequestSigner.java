package dev.executortools.invoke;

import java.io.IOException;
import java.util.List;
import okhttp3.Request;

/**
 * Signs each request of a call as it goes on the wire (after the source's credentials are added,
 * with the headers OkHttp adds), on the call's first origin only: AWS Signature Version 4.
 */
public interface RequestSigner {
  /** {@code request} with its signature. */
  Request sign(Request request) throws IOException;

  /** The secrets behind the signature, masked in results and messages like any credential. */
  List<String> secretValues();
}
