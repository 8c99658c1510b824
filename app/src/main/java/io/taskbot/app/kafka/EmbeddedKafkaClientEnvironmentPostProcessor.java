package io.taskbot.app.kafka;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When the embedded broker is used (no {@code spring.kafka.bootstrap-servers}), every Kafka client Spring Boot builds
 * (the publisher's producer, the admin that creates the topic, any consumer) logs in with the embedded broker's
 * {@link EmbeddedKafkaCredentials}, through the usual {@code spring.kafka.*} properties, exactly as it would to a
 * secured external cluster. The password is generated here on the first start, before any bean needs it.
 */
public class EmbeddedKafkaClientEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "taskbotEmbeddedKafkaClient";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("spring.kafka.bootstrap-servers", "").isBlank()) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("taskbot.data-dir", "./data")).toAbsolutePath().normalize();
        Map<String, Object> properties = new LinkedHashMap<>();
        EmbeddedKafkaCredentials.loadOrCreate(dataDir).clientProperties().forEach((name, value) -> properties.put(
                name.equals("security.protocol") ? "spring.kafka.security.protocol" : "spring.kafka.properties." + name,
                value));
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, properties));
    }
}
