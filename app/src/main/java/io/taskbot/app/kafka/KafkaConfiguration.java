package io.taskbot.app.kafka;

import io.taskbot.app.config.TaskbotProperties;
import io.taskbot.query.taskevents.TaskEventsTopic;
import io.taskbot.app.storage.SelfHealingStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kafka for the task events. The connection comes from the usual {@code spring.kafka.*} properties; with no
 * {@code spring.kafka.bootstrap-servers} the embedded broker is started under the data dir and Spring Boot's Kafka
 * support is pointed at it through {@link KafkaConnectionDetails}, exactly as it would be at an external cluster.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    private static final String EMBEDDED = "'${spring.kafka.bootstrap-servers:}'.isBlank()";

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(EMBEDDED)
    EmbeddedKafka embeddedKafka(TaskbotProperties properties, TaskEventsTopic taskEventsTopic) {
        return new EmbeddedKafka(properties.absoluteDataDir().resolve("kafka"), properties.kafka().embeddedPort(),
                taskEventsTopic.name(), EmbeddedKafkaCredentials.loadOrCreate(properties.absoluteDataDir()));
    }

    /**
     * A broker that gave up on its log dir (a full disk) is restarted once the data dir can be written again. Its
     * failure does not make the node unhealthy: task events wait in the event store, as with an external Kafka away.
     */
    @Bean
    @ConditionalOnExpression(EMBEDDED)
    SelfHealingStore embeddedKafkaHealing(EmbeddedKafka embeddedKafka) {
        return new SelfHealingStore() {
            @Override
            public String name() {
                return "kafka";
            }

            @Override
            public Optional<String> problem() {
                return Optional.empty();
            }

            @Override
            public void heal() {
                embeddedKafka.restartIfFailed();
            }
        };
    }

    /**
     * The embedded broker starts once the application serves requests, so that its start costs neither the first
     * healthy response nor a write; task events wait in the event store until it is up.
     */
    @Bean
    @ConditionalOnExpression(EMBEDDED)
    ApplicationListener<ApplicationReadyEvent> embeddedKafkaStarter(EmbeddedKafka embeddedKafka) {
        return ready -> embeddedKafka.start();
    }

    /** Spring Boot's Kafka clients connect to the embedded broker; every producer and admin depends on this bean. */
    @Bean
    @ConditionalOnExpression(EMBEDDED)
    KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafka embeddedKafka) {
        List<String> bootstrapServers = List.of(embeddedKafka.bootstrapServers());
        return () -> bootstrapServers;
    }

    /**
     * The publisher's guarantees do not depend on operators' settings: the producer is always idempotent and waits
     * for every in-sync replica, so an acknowledged event is neither lost nor written twice by the producer's own
     * retries. Keys are task ids and values the JSON bytes the publisher wrote.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer taskEventsProducerSettings() {
        return producerFactory -> {
            producerFactory.updateConfigs(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
            DefaultKafkaProducerFactory<String, byte[]> taskEvents = taskEvents(producerFactory);
            taskEvents.setKeySerializer(new StringSerializer());
            taskEvents.setValueSerializer(new ByteArraySerializer());
        };
    }

    /** Spring Boot declares its producer factory without types; the serializers set above give it these. */
    @SuppressWarnings("unchecked")
    private static DefaultKafkaProducerFactory<String, byte[]> taskEvents(DefaultKafkaProducerFactory<?, ?> factory) {
        return (DefaultKafkaProducerFactory<String, byte[]>) factory;
    }

    @Bean
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, byte[]> taskEventsKafkaTemplate(ProducerFactory<?, ?> producerFactory) {
        return new KafkaTemplate<>((ProducerFactory<String, byte[]>) producerFactory);
    }

    @Bean
    TaskEventPublisherHealthIndicator taskEventPublisherHealthIndicator(EventProcessingConfiguration processing,
                                                                      EventStore eventStore) {
        return new TaskEventPublisherHealthIndicator(processing, TaskEventsTopic.PUBLISHER_PROCESSING_GROUP, eventStore);
    }

    /** The publisher's lag for Prometheus, so that an alert can fire when events pile up while Kafka is away. */
    @Bean
    MeterBinder taskEventPublisherLagMetric(TaskEventPublisherHealthIndicator taskEventPublisherHealthIndicator) {
        return registry -> Gauge.builder("taskbot.task.events.publisher.lag", taskEventPublisherHealthIndicator,
                        TaskEventPublisherHealthIndicator::lagMetric)
                .description("Event store positions not yet published to Kafka")
                .register(registry);
    }
}
