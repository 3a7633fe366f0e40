package dev.executortools.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemorySourceStoreTest {

  @Test
  void sourcesAreKeptSortedByNamespaceAndCanBeReplacedAndRemoved() {
    MemorySourceStore store = new MemorySourceStore();
    StoredSource shop = StoreFixtures.source("shop", 1);
    StoredSource pets = StoreFixtures.source("pets", 2);
    store.put(shop);
    store.put(pets);

    assertThat(store.load()).containsExactly(pets, shop);
    assertThat(store.loadAll().problems()).isEmpty();
    assertThat(store.putIfAbsent(StoreFixtures.source("pets", 9))).isFalse();
    assertThat(store.get("pets")).contains(pets);
    assertThat(store.remove("pets")).isTrue();
    assertThat(store.remove("pets")).isFalse();
    assertThat(store.load()).containsExactly(shop);
  }
}
