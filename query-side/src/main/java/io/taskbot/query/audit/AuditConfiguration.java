package io.taskbot.query.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the task audit onto the application's event store. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    TaskAuditQueryHandler taskAuditQueryHandler(EventStore eventStore) {
        return new TaskAuditQueryHandler(eventStore);
    }
}
