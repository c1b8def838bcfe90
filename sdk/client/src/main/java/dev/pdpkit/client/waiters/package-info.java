/**
 * Waiting for a resource to reach a state: {@link dev.pdpkit.client.waiters.Waiters#database} for databases
 * ({@code provisioning}/{@code recovering} → {@code ready}), and the general {@link dev.pdpkit.client.waiters.Waiter}
 * for anything with a status field.
 *
 * <pre>{@code
 * CreatedDatabase created = client.databases().create(params);
 * Database ready = Waiters.database(client).untilReady(created.id(),
 *         WaitOptions.builder().timeout(Duration.ofMinutes(5))
 *                 .listener(p -> log.info("poll {}: {} after {}", p.attempt(), p.status(), p.elapsed()))
 *                 .build());
 * }</pre>
 *
 * <p>A waiter polls with a growing interval through the client's {@link dev.pdpkit.client.core.Sleeper} and measures
 * time with the client's clock. It ends with the resource on success, {@link ResourceFailedException} on a failure
 * status, {@link WaitTimeoutException} when the time is up, or the API exception of a poll (a permanent 4xx such as
 * 404, or a transient error the client's own retries could not get past).
 */
package dev.pdpkit.client.waiters;
