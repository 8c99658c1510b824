package io.taskbot.app.kafka;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far publishing to Kafka got: {@code state} is {@code running}, {@code error} (Kafka did not take the last
 * batch; the processor retries it with growing pauses), {@code idle} (another node holds the publisher's segments)
 * or {@code stopped}; {@code lag} is how many positions of the event store the publisher is behind.
 * <p>
 * A publisher in error or stopped reports {@link #DEGRADED}, a status the overall health ignores: the REST API keeps
 * accepting writes while Kafka is away, so the application as a whole is not down.
 */
final class TaskEventPublisherHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Kafka does not take task events; they wait in the store");

    private final EventProcessingConfiguration processing;
    private final String publisherProcessingGroup;
    private final EventStore eventStore;

    TaskEventPublisherHealthIndicator(EventProcessingConfiguration processing, String publisherProcessingGroup,
                                      EventStore eventStore) {
        this.processing = processing;
        this.publisherProcessingGroup = publisherProcessingGroup;
        this.eventStore = eventStore;
    }

    @Override
    public Health health() {
        Optional<StreamingEventProcessor> found = publisher();
        if (found.isEmpty()) {
            return Health.unknown().withDetail("state", "absent").build();
        }
        StreamingEventProcessor processor = found.get();
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        Optional<EventTrackerStatus> failed = segments.stream().filter(EventTrackerStatus::isErrorState).findFirst();
        Health.Builder health;
        if (!processor.isRunning()) {
            health = Health.status(DEGRADED).withDetail("state", "stopped");
        } else if (failed.isPresent()) {
            health = Health.status(DEGRADED).withDetail("state", "error")
                    .withDetail("error", describe(failed.get().getError()));
        } else if (segments.isEmpty()) {
            health = Health.up().withDetail("state", "idle");
        } else {
            health = Health.up().withDetail("state", "running");
        }
        lag(segments).ifPresent(lag -> health.withDetail("lag", lag));
        return health.withDetail("segments", segments.size()).build();
    }

    /** The lag as a metric: NaN while this node publishes nothing, so that a dashboard shows a gap, not a zero. */
    double lagMetric() {
        OptionalLong lag = publisher().map(processor -> lag(processor.processingStatus().values()))
                .orElse(OptionalLong.empty());
        return lag.isPresent() ? lag.getAsLong() : Double.NaN;
    }

    private Optional<StreamingEventProcessor> publisher() {
        return processing.eventProcessor(publisherProcessingGroup, StreamingEventProcessor.class);
    }

    /** Positions between the head of the event store and the slowest segment's token. */
    private OptionalLong lag(Collection<EventTrackerStatus> segments) {
        OptionalLong slowest = segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1))
                .min();
        if (slowest.isEmpty()) {
            return OptionalLong.empty();
        }
        TrackingToken head;
        try {
            head = eventStore.createHeadToken();
        } catch (RuntimeException storeUnavailable) {
            // the event store cannot be read (a full disk closed it): the lag is unknown, and the storage health says why
            return OptionalLong.empty();
        }
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        return OptionalLong.of(Math.max(0, headPosition - slowest.getAsLong()));
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "unknown";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error + " (caused by " + root + ")";
    }
}
