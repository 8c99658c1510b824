package io.taskbot.query.readmodel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
 * @param batchSize           events per transaction of a read-model processor; each batch ends with a flush of the
 *                            embedded read-model store before its token commits. Live batches are small anyway, a
 *                            rebuild's are full: 100 -> 1000 took a 10K-event rebuild from ~370 to ~870 events/s
 * @param processing          threads and segments per read model, by name; one each when not listed
 */
@Validated
@ConfigurationProperties("taskbot.read-models")
record ReadModelSettings(
        @NotNull @DurationMin(nanos = 1, message = POSITIVE) @DefaultValue("1s") Duration pollInterval,
        @Min(0) @DefaultValue("500") long switchLag,
        @NotNull @DurationMin(nanos = 1, message = POSITIVE) @DefaultValue("30s") Duration switchTimeout,
        @NotNull @DurationMin(nanos = 0, message = NOT_NEGATIVE) @DefaultValue("10m") Duration retiredGrace,
        @NotNull @DurationMin(nanos = 1, message = POSITIVE) @DefaultValue("10s") Duration progressLogInterval,
        @Min(1) @DefaultValue("500") int batchSize,
        @NotNull @DefaultValue Map<String, @Valid Processing> processing) {

    private static final String POSITIVE = "must be a positive duration";
    private static final String NOT_NEGATIVE = "must not be a negative duration";

    /**
     * @param threads  processing threads of each generation's processor on one node
     * @param segments segments a new generation's token is split into, shared out among nodes
     */
    record Processing(@Min(1) @DefaultValue("1") int threads, @Min(1) @DefaultValue("1") int segments) {
    }

    Processing processing(String readModel) {
        return processing.getOrDefault(readModel, new Processing(1, 1));
    }
}
