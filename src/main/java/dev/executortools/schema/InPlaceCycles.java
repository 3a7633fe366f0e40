package dev.executortools.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which defs can re-enter each other on the same instance: the strongly connected components of the
 * in-place graph ({@code $ref}, {@code allOf}, {@code not}…), found once with Tarjan's algorithm as
 * the graph is explored. Asking "does B lead back to A" for every edge A→B then costs constant time
 * instead of a walk of everything B reaches (an {@code allOf} chain of 50,000 defs: minutes).
 */
final class InPlaceCycles {
  private final Function<String, Set<String>> edges;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> low = new HashMap<>();
  private final Map<String, Integer> component = new HashMap<>();
  private final Set<String> onStack = new HashSet<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private int nextIndex;
  private int nextComponent;

  InPlaceCycles(Function<String, Set<String>> edges) {
    this.edges = edges;
  }

  /** True when {@code a} and {@code b} reach each other through in-place edges. */
  synchronized boolean sameCycle(String a, String b) {
    return a.equals(b) || componentOf(a) == componentOf(b);
  }

  private int componentOf(String name) {
    Integer known = component.get(name);
    if (known != null) return known;
    visit(name);
    return component.get(name);
  }

  private record Frame(String name, Iterator<String> next) {}

  /** Tarjan's algorithm from {@code root}, iterative (chains may be tens of thousands long). */
  private void visit(String root) {
    Deque<Frame> frames = new ArrayDeque<>();
    open(root, frames);
    while (!frames.isEmpty()) {
      Frame frame = frames.peek();
      if (frame.next.hasNext()) {
        String target = frame.next.next();
        if (!index.containsKey(target)) {
          open(target, frames);
        } else if (onStack.contains(target)) {
          low.merge(frame.name, index.get(target), Math::min);
        }
        continue;
      }
      frames.pop();
      if (!frames.isEmpty()) low.merge(frames.peek().name, low.get(frame.name), Math::min);
      if (low.get(frame.name).equals(index.get(frame.name))) close(frame.name);
    }
  }

  private void open(String name, Deque<Frame> frames) {
    index.put(name, nextIndex);
    low.put(name, nextIndex++);
    stack.push(name);
    onStack.add(name);
    List<String> targets = new ArrayList<>(edges.apply(name));
    frames.push(new Frame(name, targets.iterator()));
  }

  private void close(String root) {
    int id = nextComponent++;
    String member;
    do {
      member = stack.pop();
      onStack.remove(member);
      component.put(member, id);
    } while (!member.equals(root));
  }
}
