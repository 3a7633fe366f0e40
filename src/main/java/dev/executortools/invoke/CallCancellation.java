package dev.executortools.invoke;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Interceptor;

/**
 * Lets whoever started a piece of work stop the HTTP calls it makes: work {@linkplain #run run}
 * under a cancellation has every call of the transport's clients made on its thread registered (by
 * {@link #INTERCEPTOR}), and {@link #cancel()} cancels them ({@link Call#cancel()}: the call in
 * flight fails at once, a call started later fails before it sends anything).
 */
public final class CallCancellation {
  private static final ThreadLocal<CallCancellation> CURRENT = new ThreadLocal<>();

  /** Registers each call with the cancellation its thread runs under, if any. */
  static final Interceptor INTERCEPTOR =
      chain -> {
        CallCancellation current = CURRENT.get();
        if (current != null) current.track(chain.call());
        return chain.proceed(chain.request());
      };

  private final Set<Call> calls = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  /** Runs {@code work} on this thread with its HTTP calls under this cancellation. */
  public <T> T run(Supplier<T> work) {
    CallCancellation outer = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.get();
    } finally {
      if (outer == null) CURRENT.remove();
      else CURRENT.set(outer);
      calls.clear();
    }
  }

  /** Cancels the calls in flight and every later one. */
  public void cancel() {
    cancelled = true;
    calls.forEach(Call::cancel);
  }

  public boolean cancelled() {
    return cancelled;
  }

  private void track(Call call) {
    calls.add(call);
    if (cancelled) call.cancel();
  }
}
