package io.taskbot.agent;

import io.taskbot.agent.offline.DateOrder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
 * @param dateOrder      how the offline model reads "3/4": {@code month-first} (US, default) or {@code day-first}
 */
@ConfigurationProperties("taskbot.chat")
public record AgentSettings(
        @DefaultValue("offline") String provider,
        String baseUrl,
        String apiKey,
        String model,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("40") int memoryMessages,
        @DefaultValue("200") int promptTasks,
        @DefaultValue("5") int maxToolRounds,
        @DefaultValue("month-first") DateOrder dateOrder) {

    @Override
    public String toString() {
        // the API key stays out of logs
        return "AgentSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model + "]";
    }
}
