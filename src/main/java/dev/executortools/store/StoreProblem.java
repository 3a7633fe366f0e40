package dev.executortools.store;

/**
 * A stored entry that could not be read. It is left in place untouched.
 *
 * @param namespace the namespace the entry belongs to, or its file name when that is unclear
 * @param message what is wrong and where, never a stored value
 */
public record StoreProblem(String namespace, String message) {}
