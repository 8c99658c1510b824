package io.taskbot.query.readmodel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * How read models are processed and rebuilt ({@code taskbot.read-models.*}).
 *
 * @param pollInterval        how often each node looks at the generation pointers and starts or stops processors
 * @param switchLag           how close (in event-store positions) a new generation must be to the head before the
 *                            switch begins; the switch then holds the old generation still while the rest is caught up
 * @param switchTimeout       how long a switch may hold the old generation still before it gives up and retries later
 * @param retiredGrace        how long a replaced generation's collections and tokens are kept before they are dropped
 * @param progressLogInterval how often a running rebuild logs its progress
 * @param batchSize           events per transaction of a read-model processor
 * @param processing          threads and segments per read model, by name; one each when not listed
 */
@ConfigurationProperties("taskbot.read-models")
record ReadModelSettings(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("500") long switchLag,
        @DefaultValue("30s") Duration switchTimeout,
        @DefaultValue("10m") Duration retiredGrace,
        @DefaultValue("10s") Duration progressLogInterval,
        @DefaultValue("500") int batchSize,
        @DefaultValue Map<String, Processing> processing) {

    /**
     * @param threads  processing threads of each generation's processor on one node
     * @param segments segments a new generation's token is split into, shared out among nodes
     */
    record Processing(@DefaultValue("1") int threads, @DefaultValue("1") int segments) {
    }

    Processing processing(String readModel) {
        return processing.getOrDefault(readModel, new Processing(1, 1));
    }
}
