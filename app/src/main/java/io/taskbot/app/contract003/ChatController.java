package io.taskbot.app.contract003;

import io.taskbot.agent.AgentReply;
import io.taskbot.agent.AgentTurn;
import io.taskbot.app.chat.ChatTurns;
import io.taskbot.app.security.CurrentUser;
import io.taskbot.app.web.RequestIds;
import io.taskbot.conversation.ToolCall;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * {@code POST /api/chat}: a message to the agent in a new conversation or a given one. {@code user_id} in the body
 * is accepted for compatibility and ignored: the token says who is talking.
 */
@RestController
class ChatController {

    private final ChatTurns chat;
    private final JsonMapper json;

    ChatController(ChatTurns chat, JsonMapper json) {
        this.chat = chat;
        this.json = json;
    }

    record ChatRequest(String conversationId, String message, String userId) {
    }

    record ToolCallResponse(String type, JsonNode params, JsonNode result) {
    }

    record ChatResponse(String conversationId, String response, List<ToolCallResponse> toolCalls, String timestamp) {
    }

    @PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse chat(@AuthenticationPrincipal Jwt token, @RequestBody ChatRequest request,
                      @RequestHeader(name = "X-Time-Zone", required = false) String timeZone,
                      HttpServletRequest http) {
        String message = request.message();
        if (!AgentTurn.hasVisibleText(message)) {
            throw new InvalidChatRequestException("message is required");
        }
        if (message.length() > ChatTurns.MAX_MESSAGE_LENGTH) {
            throw new InvalidChatRequestException("message must be at most " + ChatTurns.MAX_MESSAGE_LENGTH
                    + " characters");
        }
        AgentReply reply = chat.send(CurrentUser.of(token), request.conversationId(),
                ChatTurns.WhenNoConversationIsGiven.START_NEW, message, ChatTurns.zone(timeZone), RequestIds.of(http),
                http.getHeader("Accept-Language"));
        return new ChatResponse(reply.conversationId().value(), reply.response(),
                reply.toolCalls().stream().map(this::toResponse).toList(), reply.timestamp().toString());
    }

    private ToolCallResponse toResponse(ToolCall call) {
        return new ToolCallResponse(call.type(), json.readTree(call.paramsJson()), json.readTree(call.resultJson()));
    }
}
