package io.taskbot.agent;

import io.taskbot.agent.offline.DateOrder;
import io.taskbot.conversation.FindMessagesQuery;
import io.taskbot.task.FindTasksQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code taskbot.chat.*}: which chat model answers, and how much of a conversation and task list it sees.
 *
 * @param provider       {@code offline} (default), {@code openai} (any OpenAI-compatible endpoint) or {@code ollama}
 * @param baseUrl        the endpoint of an {@code openai} or {@code ollama} provider
 * @param apiKey         the API key of an {@code openai} provider
 * @param model          the model name of an {@code openai} or {@code ollama} provider
 * @param timeout        how long one model call may take before the turn fails with 503
 * @param memoryMessages how many earlier messages of the conversation the model sees
 * @param promptTasks    how many open and how many done tasks the system prompt lists
 * @param maxToolRounds  how many rounds of tool calls one turn may take
 * @param dateOrder      how the offline model reads "3/4": {@code month-first} (US) or {@code day-first} for every
 *                       request; unset (the default), each request's {@code Accept-Language} decides, month first
 *                       without one
 */
@Validated
@ConfigurationProperties("taskbot.chat")
public record AgentSettings(
        @NotNull @Pattern(regexp = "(?i)offline|openai|ollama", message = "must be offline, openai or ollama")
        @DefaultValue("offline") String provider,
        String baseUrl,
        String apiKey,
        String model,
        @NotNull @DurationMin(nanos = 1, message = "must be a positive duration") @DefaultValue("30s")
        Duration timeout,
        // one more than this is asked for: the message just posted comes back too
        @Min(0) @Max(FindMessagesQuery.MAX_LIMIT - 1) @DefaultValue("40") int memoryMessages,
        @Min(1) @Max(FindTasksQuery.MAX_LIMIT) @DefaultValue("200") int promptTasks,
        @Min(1) @DefaultValue("5") int maxToolRounds,
        DateOrder dateOrder) {

    @Override
    public String toString() {
        // the API key stays out of logs
        return "AgentSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model + "]";
    }
}
