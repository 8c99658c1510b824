package io.taskbot.query.taskevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.taskbot.messaging.MetadataKeys;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The published form of each task event: key, CloudEvents headers and JSON value. */
class TaskEventRecordsTest {

    private static final TaskId TASK = TaskId.of(42);
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00.123Z");
    private static final String EVENT_ID = "4f1c9a2e-0d1b-4c55-9a57-6d2b8f1e0c11";
    private static final MetaData METADATA = MetaData.from(Map.of(
            MetadataKeys.USER_ID, "7",
            MetadataKeys.CHANNEL, "api-v1",
            MetadataKeys.CORRELATION_ID, "req-1"));
    private static final TaskEventsTopic TOPIC = new TaskEventsTopic("taskbot.task-events", 3, Optional.empty(),
            URI.create("/taskbot"), Duration.ofSeconds(30));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskEventRecords records = new TaskEventRecords(TOPIC);

    private static DomainEventMessage<TaskEvent> stored(TaskEvent event, long sequence) {
        return new GenericDomainEventMessage<>("Task", TASK.toString(), sequence, event, METADATA, EVENT_ID,
                AT.plusSeconds(1));
    }

    private ProducerRecord<String, byte[]> publish(TaskEvent event) {
        return records.toRecord(event, stored(event, 3));
    }

    private static JsonNode value(ProducerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Test
    void keysTheRecordByTaskIdOnTheConfiguredTopic() {
        ProducerRecord<String, byte[]> record = publish(new TaskCompletedEvent(TASK, AT));

        assertThat(record.topic()).isEqualTo("taskbot.task-events");
        assertThat(record.key()).isEqualTo("42");
        assertThat(record.partition()).as("the key picks the partition").isNull();
    }

    @Test
    void carriesTheCloudEventsAttributesAsBinaryModeHeaders() {
        ProducerRecord<String, byte[]> record = publish(new TaskRenamedEvent(TASK, "New title", AT));

        assertThat(headers(record)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ce_specversion", "1.0",
                "ce_id", EVENT_ID,
                "ce_type", "io.taskbot.task.renamed",
                "ce_source", "/taskbot",
                "ce_subject", "42",
                "ce_time", "2026-03-01T09:30:00.123Z",
                "content-type", "application/json"));
    }

    @Test
    void theCloudEventsSdkReadsTheRecordBack() {
        ProducerRecord<String, byte[]> record = publish(new TaskRenamedEvent(TASK, "New title", AT));

        CloudEvent event = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();

        assertThat(event.getId()).isEqualTo(EVENT_ID);
        assertThat(event.getType()).isEqualTo("io.taskbot.task.renamed");
        assertThat(event.getSource()).isEqualTo(URI.create("/taskbot"));
        assertThat(event.getSubject()).isEqualTo("42");
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 123_000_000, ZoneOffset.UTC));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getData().toBytes()).isEqualTo(record.value());
    }

    @Test
    void theValueDescribesTheEventWithoutTheHeaders() {
        JsonNode value = value(publish(new TaskRenamedEvent(TASK, "New title", AT)));

        assertThat(value.get("id").asText()).isEqualTo(EVENT_ID);
        assertThat(value.get("type").asText()).isEqualTo("io.taskbot.task.renamed");
        assertThat(value.get("task_id").asLong()).isEqualTo(42);
        assertThat(value.get("sequence").asLong()).isEqualTo(3);
        assertThat(value.get("occurred_at").asText()).isEqualTo("2026-03-01T09:30:00.123Z");
        assertThat(value.get("data").get("title").asText()).isEqualTo("New title");
        assertThat(value.get("metadata").get("user_id").asLong()).isEqualTo(7);
        assertThat(value.get("metadata").get("channel").asText()).isEqualTo("api-v1");
        assertThat(value.get("metadata").get("correlation_id").asText()).isEqualTo("req-1");
        assertThat(fieldNames(value)).containsExactly("id", "type", "task_id", "sequence", "occurred_at", "data",
                "metadata");
    }

    @Test
    void aCreatedTaskCarriesEverythingItWasCreatedWith() {
        JsonNode data = value(publish(new TaskCreatedEvent(TASK, UserId.of(7), "Plan the sprint", "two weeks",
                Priority.URGENT, DueDate.parse("2026-12-24T17:00:00+01:00"), List.of("work", "planning"), AT)))
                .get("data");

        assertThat(data.get("owner_id").asLong()).isEqualTo(7);
        assertThat(data.get("title").asText()).isEqualTo("Plan the sprint");
        assertThat(data.get("description").asText()).isEqualTo("two weeks");
        assertThat(data.get("priority").asText()).isEqualTo("urgent");
        assertThat(data.get("due_date").asText()).isEqualTo("2026-12-24T17:00+01:00");
        assertThat(data.get("tags")).extracting(JsonNode::asText).containsExactly("work", "planning");
        assertThat(data.get("status").asText()).isEqualTo("pending");
    }

    @Test
    void absentOptionalFieldsOfACreatedTaskAreNullOrEmpty() {
        JsonNode data = value(publish(new TaskCreatedEvent(TASK, UserId.of(7), "Call mom", null, Priority.MEDIUM,
                null, List.of(), AT))).get("data");

        assertThat(data.get("description").isNull()).isTrue();
        assertThat(data.get("due_date").isNull()).isTrue();
        assertThat(data.get("tags").isArray()).isTrue();
        assertThat(data.get("tags")).isEmpty();
        assertThat(data.get("priority").asText()).isEqualTo("medium");
    }

    @Test
    void eachChangeCarriesWhatChanged() {
        assertThat(data(new TaskDescriptionChangedEvent(TASK, "", AT))).isEqualTo("{\"description\":\"\"}");
        assertThat(data(new TaskPriorityChangedEvent(TASK, Priority.HIGH, AT))).isEqualTo("{\"priority\":\"high\"}");
        assertThat(data(new TaskDueDateChangedEvent(TASK, DueDate.parse("2026-12-24"), AT)))
                .isEqualTo("{\"due_date\":\"2026-12-24\"}");
        assertThat(data(new TaskDueDateChangedEvent(TASK, null, AT))).isEqualTo("{\"due_date\":null}");
        assertThat(data(new TaskTagsChangedEvent(TASK, List.of("home"), AT))).isEqualTo("{\"tags\":[\"home\"]}");
        assertThat(data(new TaskCompletedEvent(TASK, AT))).isEqualTo("{\"status\":\"completed\"}");
        assertThat(data(new TaskReopenedEvent(TASK, AT))).isEqualTo("{\"status\":\"pending\"}");
        assertThat(data(new TaskArchivedEvent(TASK, AT))).isEqualTo("{\"status\":\"archived\"}");
        assertThat(data(new TaskUnarchivedEvent(TASK, AT))).isEqualTo("{\"status\":\"pending\"}");
        assertThat(data(new TaskDeletedEvent(TASK, AT))).isEqualTo("{}");
    }

    @Test
    void everyKindOfTaskEventHasItsOwnType() {
        List<TaskEvent> oneOfEach = List.of(
                new TaskCreatedEvent(TASK, UserId.of(7), "t", null, Priority.LOW, null, List.of(), AT),
                new TaskRenamedEvent(TASK, "t", AT),
                new TaskDescriptionChangedEvent(TASK, "d", AT),
                new TaskPriorityChangedEvent(TASK, Priority.LOW, AT),
                new TaskDueDateChangedEvent(TASK, null, AT),
                new TaskTagsChangedEvent(TASK, List.of(), AT),
                new TaskCompletedEvent(TASK, AT),
                new TaskReopenedEvent(TASK, AT),
                new TaskArchivedEvent(TASK, AT),
                new TaskUnarchivedEvent(TASK, AT),
                new TaskDeletedEvent(TASK, AT),
                new TaskRecurrenceChangedEvent(TASK, null, AT),
                new TaskOccurrenceCompletedEvent(TASK, null, DueDate.parse("2026-12-24"), AT),
                new TaskRestoredEvent(TASK, AT));

        List<Class<?>> kinds = oneOfEach.stream().<Class<?>>map(Object::getClass).collect(Collectors.toList());
        assertThat(kinds).as("a new kind of task event needs a published form and a line here")
                .containsExactlyInAnyOrder(TaskEvent.class.getPermittedSubclasses());
        assertThat(oneOfEach.stream().map(TaskEventRecords::type).collect(Collectors.toList())).containsExactly(
                "io.taskbot.task.created", "io.taskbot.task.renamed", "io.taskbot.task.description_changed",
                "io.taskbot.task.priority_changed", "io.taskbot.task.due_date_changed", "io.taskbot.task.tags_changed",
                "io.taskbot.task.completed", "io.taskbot.task.reopened", "io.taskbot.task.archived",
                "io.taskbot.task.unarchived", "io.taskbot.task.deleted", "io.taskbot.task.recurrence_changed",
                "io.taskbot.task.occurrence_completed", "io.taskbot.task.restored");
    }

    @Test
    void metadataWithoutAKnownUserStaysShapedAlike() {
        DomainEventMessage<TaskEvent> message = new GenericDomainEventMessage<>("Task", "42", 0,
                new TaskDeletedEvent(TASK, AT), MetaData.emptyInstance(), EVENT_ID, AT);

        JsonNode metadata = value(records.toRecord(message.getPayload(), message)).get("metadata");

        assertThat(fieldNames(metadata)).containsExactly("user_id", "channel", "correlation_id", "undoes");
        assertThat(metadata.get("user_id").isNull()).isTrue();
        assertThat(metadata.get("channel").isNull()).isTrue();
        assertThat(metadata.get("undoes").isNull()).isTrue();
    }

    @Test
    void anEventOfAnUndoNamesTheChangeItTookBack() {
        DomainEventMessage<TaskEvent> message = new GenericDomainEventMessage<>("Task", "42", 5,
                new TaskRenamedEvent(TASK, "Old title", AT), MetaData.with(MetadataKeys.UNDOES, 3L), EVENT_ID, AT);

        JsonNode metadata = value(records.toRecord(message.getPayload(), message)).get("metadata");

        assertThat(metadata.get("undoes").asLong()).isEqualTo(3);
    }

    @Test
    void recurrenceEventsCarryTheRuleAndTheNextDueDate() {
        Schedule weekly = new Schedule(Recurrence.parse("FREQ=WEEKLY;BYDAY=MO"), DueDate.parse("2026-12-07"),
                java.time.ZoneId.of("Europe/Berlin"));

        assertThat(data(new TaskRecurrenceChangedEvent(TASK, weekly, AT))).isEqualTo("{\"recurrence\":"
                + "\"FREQ=WEEKLY;BYDAY=MO\",\"recurrence_start\":\"2026-12-07\","
                + "\"recurrence_time_zone\":\"Europe/Berlin\"}");
        assertThat(data(new TaskRecurrenceChangedEvent(TASK, null, AT))).isEqualTo("{\"recurrence\":null,"
                + "\"recurrence_start\":null,\"recurrence_time_zone\":null}");
        assertThat(data(new TaskOccurrenceCompletedEvent(TASK, DueDate.parse("2026-12-07"),
                DueDate.parse("2026-12-14"), AT))).isEqualTo("{\"completed_due_date\":\"2026-12-07\","
                + "\"due_date\":\"2026-12-14\",\"status\":\"pending\"}");
        assertThat(data(new TaskRestoredEvent(TASK, AT))).isEqualTo("{}");
        assertThat(value(publish(new TaskCreatedEvent(TASK, UserId.of(7), "Water", "", Priority.LOW,
                DueDate.parse("2026-12-07"), List.of(), AT, weekly))).get("data").get("recurrence").asText())
                .isEqualTo("FREQ=WEEKLY;BYDAY=MO");
    }

    private String data(TaskEvent event) {
        return value(publish(event)).get("data").toString();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
