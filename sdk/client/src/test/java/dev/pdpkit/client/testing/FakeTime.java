package dev.pdpkit.client.testing;

import dev.pdpkit.client.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock and a sleeper in one: sleeping advances the clock instantly and records the wait. */
public final class FakeTime extends Clock implements Sleeper {
    private volatile Instant now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public FakeTime(Instant start) {
        this.now = start;
    }

    public FakeTime() {
        this(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public Duration totalSlept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
