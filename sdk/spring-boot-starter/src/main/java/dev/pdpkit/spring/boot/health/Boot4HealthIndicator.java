package dev.pdpkit.spring.boot.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** The "prisma" health indicator on Spring Boot 4. */
final class Boot4HealthIndicator implements HealthIndicator {
    private final PrismaHealthProbe probe;

    Boot4HealthIndicator(PrismaHealthProbe probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        PrismaHealthProbe.Result r = probe.check();
        Status status = switch (r.state()) {
            case UP -> Status.UP;
            case DOWN -> Status.DOWN;
            case UNKNOWN -> Status.UNKNOWN;
        };
        return Health.status(status).withDetails(r.details()).build();
    }

    @Override
    public String toString() {
        return "PrismaHealthIndicator[boot4]";
    }
}
