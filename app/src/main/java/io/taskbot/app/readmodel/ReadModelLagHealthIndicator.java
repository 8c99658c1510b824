package io.taskbot.app.readmodel;

import io.taskbot.readmodel.FindReadModelsQuery;
import io.taskbot.readmodel.ReadModelStatus;
import io.taskbot.readmodel.ReadModelStatuses;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far behind the event store each read model's processor is: {@code behind} positions for the generation that
 * answers queries, and for a generation being rebuilt. Lag is reported, never turned into DOWN: a read model that
 * lags still answers, and writes wait for their own events (read-your-writes) rather than fail.
 */
final class ReadModelLagHealthIndicator implements HealthIndicator {

    private final QueryGateway queries;

    ReadModelLagHealthIndicator(QueryGateway queries) {
        this.queries = queries;
    }

    List<ReadModelStatus> statuses() {
        return queries.query(new FindReadModelsQuery(), ReadModelStatuses.class).join().readModels();
    }

    @Override
    public Health health() {
        List<ReadModelStatus> statuses;
        try {
            statuses = statuses();
        } catch (RuntimeException storeAway) {
            // the positions live in the event store: while it cannot be read (a full disk, a database that is down),
            // the read models' state is unknown, which the health endpoint must say rather than fail with
            return Health.down().withDetail("error", "the read models' positions cannot be read: "
                    + rootCause(storeAway).getClass().getSimpleName()).build();
        }
        Health.Builder health = Health.up();
        for (ReadModelStatus status : statuses) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
            details.put("generation", status.generation());
            details.put("position", status.position());
            details.put("behind", status.behind());
            if (status.rebuild() != null) {
                details.put("rebuild", Map.of("generation", status.rebuild().generation(),
                        "behind", status.rebuild().behind()));
            }
            health.withDetail(status.name(), details);
        }
        return health.build();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
