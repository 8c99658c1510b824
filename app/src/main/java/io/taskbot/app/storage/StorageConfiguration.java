package io.taskbot.app.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.taskbot.app.config.TaskbotProperties;
import io.taskbot.app.web.ErrorResponder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Full-disk handling for a node that keeps any store under its data dir (the H2 event store, the embedded MongoDB
 * or the embedded Kafka broker); a node whose stores are all external has nothing on its disk to watch.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${taskbot.mongodb.uri:}'.isBlank() or '${spring.kafka.bootstrap-servers:}'.isBlank() "
        + "or '${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
class StorageConfiguration {

    @Bean
    StorageSupervisor storageSupervisor(TaskbotProperties properties, ObjectProvider<SelfHealingStore> stores,
                                        Clock clock) {
        return new StorageSupervisor(properties.absoluteDataDir(), stores.orderedStream().toList(),
                Duration.ofSeconds(1), clock);
    }

    @Bean
    FilterRegistrationBean<StorageWriteGuard> storageWriteGuard(StorageSupervisor supervisor, ErrorResponder errors) {
        FilterRegistrationBean<StorageWriteGuard> registration =
                new FilterRegistrationBean<>(new StorageWriteGuard(supervisor, errors));
        // after the request id and body limit filters, before security and the rate limits
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    StorageHealthIndicator storageHealthIndicator(StorageSupervisor supervisor) {
        return new StorageHealthIndicator(supervisor);
    }

    /**
     * The pooled connections of the embedded H2 event store: broken ones are dropped on their first failure (see
     * {@link H2ConnectionEviction}); when space returns the idle ones are replaced too, so that no request after
     * the recovery gets one that the full disk broke.
     */
    @Bean
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
    SelfHealingStore eventStoreConnections(DataSource dataSource) {
        return new SelfHealingStore() {
            @Override
            public String name() {
                return "eventstore";
            }

            @Override
            public Optional<String> problem() {
                return Optional.empty();
            }

            @Override
            public void heal() {
            }

            @Override
            public void spaceReturned() {
                if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
                    hikari.getHikariPoolMXBean().softEvictConnections();
                }
            }
        };
    }
}
