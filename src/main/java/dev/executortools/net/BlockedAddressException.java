package dev.executortools.net;

import java.net.UnknownHostException;

/**
 * A connection the {@link NetworkPolicy} refused. An {@link UnknownHostException} so that {@link
 * okhttp3.Dns} may throw it; callers tell it apart with {@link NetworkPolicy#blocked}. The message
 * names the host and address, never anything else of the request.
 */
public final class BlockedAddressException extends UnknownHostException {
  public BlockedAddressException(String message) {
    super(message);
  }
}
