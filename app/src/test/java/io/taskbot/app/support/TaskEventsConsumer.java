package io.taskbot.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskbot.app.kafka.EmbeddedKafkaCredentials;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/** A plain Kafka consumer of the task events topic, as a downstream service would write it, reading from the start. */
public final class TaskEventsConsumer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();

    /** One consumed record: where it was, its key, its headers as text, and its JSON value. */
    public record Received(int partition, long offset, String key, Map<String, String> headers, JsonNode value) {

        public String header(String name) {
            return headers.get(name);
        }

        public long taskId() {
            return value.get("task_id").asLong();
        }

        public String type() {
            return headers.get("ce_type");
        }
    }

    /** A consumer of the embedded broker of the application that keeps its data in {@code dataDir}. */
    public TaskEventsConsumer(String bootstrapServers, String topic, Path dataDir) {
        this(bootstrapServers, topic, EmbeddedKafkaCredentials.read(dataDir).clientProperties());
    }

    /** A consumer that logs in with {@code security}, the client properties of {@link EmbeddedKafkaCredentials}. */
    public TaskEventsConsumer(String bootstrapServers, String topic, Map<String, Object> security) {
        Properties properties = new Properties();
        properties.putAll(security);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the topic appears when the first event is published; look for it often rather than every five minutes
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        properties.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until the records received so far satisfy {@code done}, and returns them all in arrival order. */
    public List<Received> pollUntil(Predicate<List<Received>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + timeout + " with " + received.size() + " records: "
                        + received);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                received.add(toReceived(record));
            }
        }
        return List.copyOf(received);
    }

    /** The records of one task, in the order they were received. */
    public static List<Received> ofTask(List<Received> records, long taskId) {
        return records.stream().filter(record -> record.taskId() == taskId).toList();
    }

    /** What a consumer that deduplicates on {@code ce_id} keeps: the first copy of each event, in arrival order. */
    public static List<Received> distinct(List<Received> records) {
        Map<String, Received> first = new LinkedHashMap<>();
        records.forEach(record -> first.putIfAbsent(record.header("ce_id"), record));
        return List.copyOf(first.values());
    }

    private static Received toReceived(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        try {
            return new Received(record.partition(), record.offset(), record.key(), headers,
                    JSON.readTree(record.value()));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(record.value(), StandardCharsets.UTF_8), e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
