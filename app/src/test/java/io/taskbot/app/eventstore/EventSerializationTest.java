package io.taskbot.app.eventstore;

import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.Recurrence;
import io.taskbot.task.Schedule;
import io.taskbot.task.TaskArchivedEvent;
import io.taskbot.task.TaskCompletedEvent;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskDeletedEvent;
import io.taskbot.task.TaskDescriptionChangedEvent;
import io.taskbot.task.TaskDueDateChangedEvent;
import io.taskbot.task.TaskEvent;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskOccurrenceCompletedEvent;
import io.taskbot.task.TaskPriorityChangedEvent;
import io.taskbot.task.TaskRecurrenceChangedEvent;
import io.taskbot.task.TaskRenamedEvent;
import io.taskbot.task.TaskReopenedEvent;
import io.taskbot.task.TaskRestoredEvent;
import io.taskbot.task.TaskTagsChangedEvent;
import io.taskbot.task.TaskUnarchivedEvent;
import io.taskbot.user.UserId;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every task event survives the trip through the event store's serializer, readable by people as well. */
class EventSerializationTest {

    private static final TaskId ID = TaskId.of(42);
    private static final Instant AT = Instant.parse("2026-11-21T09:30:00.123Z");

    private static final Schedule WEEKLY = new Schedule(Recurrence.parse("FREQ=WEEKLY;BYDAY=MO"),
            DueDate.parse("2026-12-07"), ZoneId.of("Europe/Berlin"));

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new EventStoreConfiguration().defaultAxonObjectMapper())
            .build();

    static Stream<TaskEvent> everyEvent() {
        return Stream.of(
                new TaskCreatedEvent(ID, UserId.of(7), "Buy bread", "rye", Priority.HIGH,
                        DueDate.parse("2026-12-24T17:00:00+01:00"), List.of("errands"), AT),
                new TaskCreatedEvent(ID, UserId.of(7), "No extras", "", Priority.MEDIUM, null, List.of(), AT),
                new TaskRenamedEvent(ID, "Buy sourdough", AT),
                new TaskDescriptionChangedEvent(ID, "no seeds", AT),
                new TaskPriorityChangedEvent(ID, Priority.URGENT, AT),
                new TaskDueDateChangedEvent(ID, DueDate.parse("2026-12-01"), AT),
                new TaskDueDateChangedEvent(ID, null, AT),
                new TaskTagsChangedEvent(ID, List.of("home", "weekend"), AT),
                new TaskCompletedEvent(ID, AT),
                new TaskReopenedEvent(ID, AT),
                new TaskArchivedEvent(ID, AT),
                new TaskUnarchivedEvent(ID, AT),
                new TaskDeletedEvent(ID, AT),
                new TaskCreatedEvent(ID, UserId.of(7), "Water the plants", "", Priority.MEDIUM,
                        DueDate.parse("2026-12-07"), List.of(), AT, WEEKLY),
                new TaskRecurrenceChangedEvent(ID, WEEKLY, AT),
                new TaskRecurrenceChangedEvent(ID, null, AT),
                new TaskOccurrenceCompletedEvent(ID, DueDate.parse("2026-12-07"), DueDate.parse("2026-12-14"), AT),
                new TaskOccurrenceCompletedEvent(ID, null, DueDate.parse("2026-12-14T09:00+01:00"), AT),
                new TaskRestoredEvent(ID, AT));
    }

    /** The revision each event type is stored with: 2 for the creation, which gained the schedule. */
    private static String revisionOf(TaskEvent event) {
        return event instanceof TaskCreatedEvent ? "2" : "1";
    }

    @Test
    void readsACreationStoredBeforeTasksCouldRepeatAsATaskThatDoesNotRepeat() {
        String revisionOne = "{\"taskId\":{\"value\":42},\"owner\":{\"value\":7},\"title\":\"Buy bread\","
                + "\"description\":\"rye\",\"priority\":\"HIGH\",\"dueDate\":{\"value\":\"2026-12-24\"},"
                + "\"tags\":[\"errands\"],\"occurredAt\":\"2026-11-21T09:30:00.123Z\"}";

        TaskEvent read = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                revisionOne.getBytes(StandardCharsets.UTF_8), byte[].class,
                new org.axonframework.serialization.SimpleSerializedType(TaskCreatedEvent.class.getName(), "1")));

        assertThat(read).isEqualTo(new TaskCreatedEvent(ID, UserId.of(7), "Buy bread", "rye", Priority.HIGH,
                DueDate.parse("2026-12-24"), List.of("errands"), AT));
        assertThat(((TaskCreatedEvent) read).schedule()).isNull();
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void roundTrips(TaskEvent event) {
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
        TaskEvent read = serializer.deserialize(serialized);

        assertThat(read).isEqualTo(event);
        assertThat(serialized.getType().getRevision()).isEqualTo(revisionOf(event));
        assertThat(new String(serialized.getData(), StandardCharsets.UTF_8))
                .as("timestamps are ISO-8601 text, not numbers")
                .contains("\"occurredAt\":\"2026-11-21T09:30:00.123Z\"");
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void ignoresFieldsAddedByALaterVersion(TaskEvent event) {
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
        String json = new String(serialized.getData(), StandardCharsets.UTF_8);
        byte[] grown = json.replaceFirst("\\{", "{\"addedLater\":true,").getBytes(StandardCharsets.UTF_8);

        TaskEvent read = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                grown, byte[].class, serialized.getType()));
        assertThat(read).isEqualTo(event);
    }
}
