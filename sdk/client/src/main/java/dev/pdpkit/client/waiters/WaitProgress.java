package dev.pdpkit.client.waiters;

import java.time.Duration;

/**
 * One poll of a {@link Waiter}, as reported to a {@link WaitListener}.
 *
 * @param attempt 1 for the first poll
 * @param status the status the poll read ({@code "unknown"} when the resource had none)
 * @param elapsed time since the wait began, by the client's clock
 */
public record WaitProgress(int attempt, String status, Duration elapsed) {
}
