/**
 * A spec's download: an http(s) URL to its text, with the caller's credentials, within the size
 * limit and under the network policy of the client it is given. {@code parse} then reads the text.
 */
package dev.executortools.fetch;
