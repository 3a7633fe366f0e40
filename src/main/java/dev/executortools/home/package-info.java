/**
 * The home directory's files, below every stage that keeps state ({@code store}, {@code policy},
 * {@code net}, {@code sso}): regular files only, written atomically and privately (0600 in a 0700
 * directory), read within the limits, locked across processes; failures are {@link
 * dev.executortools.home.StoreException}s naming the file.
 */
package dev.executortools.home;
