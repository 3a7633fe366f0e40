package dev.executortools.naming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * executor's three rounds of collision resolution. Each round regroups by the current path and
 * rewrites every member of a bucket shared by two or more: (1) version segment, (2) method suffix,
 * (3) method suffix plus hash. Rounds 2 and 3 rebuild from group and leaf.
 */
final class CollisionRounds {
  /** What one operation contributes to its path. */
  record Named(String group, String leaf, String versionSegment, String method, String hash) {
    String prefix() {
      return versionSegment == null ? group : group + "." + versionSegment;
    }
  }

  private CollisionRounds() {}

  static List<String> resolve(List<Named> named) {
    List<String> paths = new ArrayList<>(named.size());
    for (Named n : named) {
      paths.add(n.group() + "." + n.leaf());
    }
    apply(
        paths,
        named,
        (i, n) -> n.versionSegment() == null ? paths.get(i) : n.prefix() + "." + n.leaf());
    apply(paths, named, (i, n) -> n.prefix() + "." + n.leaf() + Words.pascal(n.method()));
    apply(
        paths,
        named,
        (i, n) ->
            n.prefix() + "." + n.leaf() + Words.pascal(n.method()) + n.hash().substring(0, 8));
    return paths;
  }

  private interface Factory {
    String path(int index, Named named);
  }

  private static void apply(List<String> paths, List<Named> named, Factory factory) {
    Map<String, List<Integer>> buckets = new LinkedHashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      buckets.computeIfAbsent(paths.get(i), path -> new ArrayList<>()).add(i);
    }
    for (List<Integer> bucket : buckets.values()) {
      if (bucket.size() < 2) {
        continue;
      }
      for (int i : bucket) {
        paths.set(i, factory.path(i, named.get(i)));
      }
    }
  }
}
