package io.taskbot.agent;

import dev.langchain4j.model.chat.ChatModel;
import io.taskbot.agent.prompt.TaskSnapshot;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A chat model that can take the turn's facts as typed values instead of reading them back out of the system
 * prompt. The agent asks it for a model of one turn; hosted models, which only read text, don't implement this and
 * get the same facts in the system prompt.
 */
public interface TurnAwareChatModel extends ChatModel {

    /**
     * A model for one conversation turn (not shared between turns or threads).
     *
     * @param userNow the user's wall-clock time in their zone
     * @param tasks   the user's tasks, oldest first, as the system prompt lists them
     */
    ChatModel forTurn(ZonedDateTime userNow, List<TaskSnapshot> tasks);

    /**
     * The same, knowing the request's {@code Accept-Language} header (or {@code null}), for models that read
     * numeric dates in the user's convention.
     */
    default ChatModel forTurn(ZonedDateTime userNow, List<TaskSnapshot> tasks, String acceptLanguage) {
        return forTurn(userNow, tasks);
    }
}
