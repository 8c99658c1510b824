package io.taskbot.query.taskevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.taskbot.messaging.MetadataKeys;
import io.taskbot.task.DueDate;
import io.taskbot.task.Schedule;
import io.taskbot.task.TaskArchivedEvent;
import io.taskbot.task.TaskCompletedEvent;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskDescriptionChangedEvent;
import io.taskbot.task.TaskDueDateChangedEvent;
import io.taskbot.task.TaskEvent;
import io.taskbot.task.TaskOccurrenceCompletedEvent;
import io.taskbot.task.TaskPriorityChangedEvent;
import io.taskbot.task.TaskRecurrenceChangedEvent;
import io.taskbot.task.TaskRenamedEvent;
import io.taskbot.task.TaskReopenedEvent;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskTagsChangedEvent;
import io.taskbot.task.TaskUnarchivedEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.ZoneOffset;
import java.util.List;

/**
 * Turns a stored task event into the Kafka record of the published contract (README, "Task events on Kafka"): the task id as key,
 * the CloudEvents attributes as binary-mode headers, and a JSON value that spells out every field in snake_case.
 * The JSON is written field by field rather than by serializing the event classes, so that renaming a Java field
 * can never change what consumers receive.
 */
final class TaskEventRecords {

    static final String TYPE_PREFIX = "io.taskbot.task.";
    static final String CONTENT_TYPE = "application/json";

    private final ObjectMapper json = new ObjectMapper();
    private final TaskEventsTopic topic;

    TaskEventRecords(TaskEventsTopic topic) {
        this.topic = topic;
    }

    /** The record of {@code event}, which is the payload of the stored {@code message}. */
    ProducerRecord<String, byte[]> toRecord(TaskEvent event, DomainEventMessage<?> message) {
        String type = type(event);
        String taskId = Long.toString(event.taskId().value());
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withType(type)
                .withSource(topic.source())
                .withSubject(taskId)
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withData(value(event, message, type))
                .build();
        return KafkaMessageFactory.createWriter(topic.name(), taskId).writeBinary(cloudEvent);
    }

    /** The JSON value of a record; also readable without the headers, e.g. by {@code kcat} without {@code -f}. */
    private byte[] value(TaskEvent event, DomainEventMessage<?> message, String type) {
        ObjectNode value = json.createObjectNode()
                .put("id", message.getIdentifier())
                .put("type", type)
                .put("task_id", event.taskId().value())
                .put("sequence", message.getSequenceNumber())
                .put("occurred_at", event.occurredAt().toString());
        data(event, value.putObject("data"));
        metadata(message.getMetaData(), value.putObject("metadata"));
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static String type(TaskEvent event) {
        return TYPE_PREFIX + event.kind().wireName();
    }

    private static void data(TaskEvent event, ObjectNode data) {
        if (event instanceof TaskCreatedEvent created) {
            data.put("owner_id", created.owner().value())
                    .put("title", created.title())
                    .put("description", created.description())
                    .put("priority", created.priority().wireName());
            data.put("due_date", dueDate(created.dueDate()));
            tags(created.tags(), data);
            data.put("status", TaskStatus.PENDING.wireName());
            schedule(created.schedule(), data);
        } else if (event instanceof TaskRenamedEvent renamed) {
            data.put("title", renamed.title());
        } else if (event instanceof TaskDescriptionChangedEvent changed) {
            data.put("description", changed.description());
        } else if (event instanceof TaskPriorityChangedEvent changed) {
            data.put("priority", changed.priority().wireName());
        } else if (event instanceof TaskDueDateChangedEvent changed) {
            data.put("due_date", dueDate(changed.dueDate()));
        } else if (event instanceof TaskTagsChangedEvent changed) {
            tags(changed.tags(), data);
        } else if (event instanceof TaskCompletedEvent) {
            data.put("status", TaskStatus.COMPLETED.wireName());
        } else if (event instanceof TaskReopenedEvent || event instanceof TaskUnarchivedEvent) {
            data.put("status", TaskStatus.PENDING.wireName());
        } else if (event instanceof TaskArchivedEvent) {
            data.put("status", TaskStatus.ARCHIVED.wireName());
        } else if (event instanceof TaskRecurrenceChangedEvent changed) {
            schedule(changed.schedule(), data);
        } else if (event instanceof TaskOccurrenceCompletedEvent completed) {
            data.put("completed_due_date", dueDate(completed.occurrence()));
            data.put("due_date", dueDate(completed.nextDueDate()));
            data.put("status", TaskStatus.PENDING.wireName());
        }
        // a deletion and a restore carry no data: the type says it all
    }

    /** The rule, the due date its series starts at (COUNT counts from there) and its zone; all null when none. */
    private static void schedule(Schedule schedule, ObjectNode data) {
        data.put("recurrence", schedule == null ? null : schedule.recurrence().rule());
        data.put("recurrence_start", schedule == null ? null : schedule.start().value());
        data.put("recurrence_time_zone", schedule == null ? null : schedule.zone().getId());
    }

    private static String dueDate(DueDate dueDate) {
        return dueDate == null ? null : dueDate.value();
    }

    private static void tags(List<String> tags, ObjectNode data) {
        ArrayNode array = data.putArray("tags");
        if (tags != null) {
            tags.forEach(array::add);
        }
    }

    /** Who caused the change, through which channel, in which request; never anything secret. */
    private static void metadata(MetaData metaData, ObjectNode metadata) {
        Object userId = metaData.get(MetadataKeys.USER_ID);
        if (userId != null && userId.toString().matches("\\d{1,18}")) {
            metadata.put("user_id", Long.parseLong(userId.toString()));
        } else {
            metadata.putNull("user_id");
        }
        metadata.put("channel", text(metaData.get(MetadataKeys.CHANNEL)));
        metadata.put("correlation_id", text(metaData.get(MetadataKeys.CORRELATION_ID)));
        Object undoes = metaData.get(MetadataKeys.UNDOES);
        if (undoes != null && undoes.toString().matches("\\d{1,18}")) {
            metadata.put("undoes", Long.parseLong(undoes.toString()));
        } else {
            metadata.putNull("undoes");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
