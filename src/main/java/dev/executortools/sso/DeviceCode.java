package dev.executortools.sso;

import java.time.Duration;
import java.time.Instant;

/**
 * What the person signing in is shown: open {@code verificationUri} and enter {@code userCode}, or
 * open {@code verificationUriComplete} (which carries the code); valid until {@code expiresAt}. The
 * device code itself is not part of it: only the poller needs that.
 *
 * @param verificationUriComplete null when the service sent none
 */
public record DeviceCode(
    String userCode,
    String verificationUri,
    String verificationUriComplete,
    Instant expiresAt,
    Duration interval) {}
