package dev.pdpkit.client.testing;

import dev.pdpkit.client.core.Sleeper;
import dev.pdpkit.fixtures.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The shared manual clock plus a sleeper: sleeping advances the clock instantly and records the wait. */
public final class FakeTime extends ManualClock implements Sleeper {
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public FakeTime(Instant start) {
        super(start);
    }

    public FakeTime() {
        super();
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public Duration totalSlept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
