package io.taskbot.app.storage;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Down while the data dir cannot be written or an embedded store has not come back from that yet. */
final class StorageHealthIndicator implements HealthIndicator {

    private final StorageSupervisor supervisor;

    StorageHealthIndicator(StorageSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public Health health() {
        return supervisor.problem()
                .map(problem -> Health.down().withDetail("problem", problem))
                .orElseGet(Health::up)
                .build();
    }
}
