package io.taskbot.agent;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.taskbot.agent.offline.OfflineChatModel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Locale;

/** The agent as plain beans: the chat model chosen by {@code taskbot.chat.provider}, and the agent over it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentSettings.class)
class AgentConfiguration {

    @Bean
    ChatModel chatModel(AgentSettings settings) {
        return switch (settings.provider().toLowerCase(Locale.ROOT)) {
            case "offline" -> new OfflineChatModel(settings.dateOrder());
            case "openai" -> OpenAiChatModel.builder()
                    .baseUrl(required(settings.baseUrl(), "taskbot.chat.base-url"))
                    .apiKey(required(settings.apiKey(), "taskbot.chat.api-key"))
                    .modelName(required(settings.model(), "taskbot.chat.model"))
                    .timeout(settings.timeout())
                    .maxRetries(1)
                    .build();
            case "ollama" -> OllamaChatModel.builder()
                    .baseUrl(required(settings.baseUrl(), "taskbot.chat.base-url"))
                    .modelName(required(settings.model(), "taskbot.chat.model"))
                    .timeout(settings.timeout())
                    .maxRetries(1)
                    .build();
            default -> throw new IllegalStateException("taskbot.chat.provider must be offline, openai or ollama, not '"
                    + settings.provider() + "'");
        };
    }

    @Bean
    TaskAgent taskAgent(CommandGateway commandGateway, QueryGateway queryGateway, ChatModel chatModel, Clock clock,
                        AgentSettings settings) {
        return new TaskAgent(commandGateway, queryGateway, chatModel, clock, settings);
    }

    private static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " must be set for this chat provider");
        }
        return value;
    }
}
