package io.taskbot.app.readmodel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.taskbot.readmodel.ReadModelStatus;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models' lag in health ({@code readModels}, in the {@code processors} group with the Kafka publisher) and
 * in Prometheus ({@code taskbot_read_model_behind{read_model="tasks"}}). Axon's own Micrometer metrics (command and
 * query handling, the event store, the publisher's processor) come from {@code axon-micrometer}.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorMetricsConfiguration {

    static final String[] READ_MODELS = {"tasks", "conversation-history"};

    @Bean
    ReadModelLagHealthIndicator readModelsHealthIndicator(QueryGateway queryGateway) {
        return new ReadModelLagHealthIndicator(queryGateway);
    }

    @Bean
    MeterBinder readModelLagMetrics(ReadModelLagHealthIndicator readModels) {
        return registry -> {
            for (String name : READ_MODELS) {
                Gauge.builder("taskbot.read.model.behind", readModels, indicator -> behind(indicator, name))
                        .tag("read_model", name)
                        .description("Event-store positions the read model's served generation is behind the head")
                        .register(registry);
            }
        };
    }

    /**
     * NaN when the read model is unknown here or its position cannot be read right now (the event store is away), so
     * that a dashboard shows a gap rather than a zero.
     */
    private static double behind(ReadModelLagHealthIndicator indicator, String name) {
        try {
            return indicator.statuses().stream().filter(status -> status.name().equals(name))
                    .mapToDouble(ReadModelStatus::behind).findFirst().orElse(Double.NaN);
        } catch (RuntimeException storeAway) {
            return Double.NaN;
        }
    }
}
