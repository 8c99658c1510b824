package io.taskbot.query.audit;

import io.taskbot.task.TaskEvent;
import io.taskbot.task.TaskState;
import io.taskbot.task.TaskView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A task's state at a past instant, folded from its events in stream order. The fold stops at the first event
 * requested after the instant rather than skipping it and looking further: times come from the edge, so two writers
 * can store a task's events slightly out of clock order, and only a prefix of the stream is a state the task was
 * really in. The fields follow the task read model: {@code updated_at} is the time of the latest change, and times
 * count in milliseconds like everywhere in the REST API, so that the {@code updated_at} a client was shown, used as the
 * instant, gives back that very state.
 */
final class TaskTimeline {

    /** One event with its sequence number in the task's stream. */
    record Step(TaskEvent event, long version) {
    }

    private TaskTimeline() {
    }

    /** The task as it was at {@code instant}; empty before its creation and after its deletion. */
    static Optional<TaskView> asOf(List<Step> stream, Instant instant) {
        TaskState state = null;
        long version = -1;
        for (Step step : stream) {
            if (Timestamps.of(step.event()).isAfter(instant)) {
                break;
            }
            state = TaskState.apply(state, step.event());
            version = step.version();
        }
        return state == null || state.deleted() ? Optional.empty() : Optional.of(state.view(version));
    }
}
