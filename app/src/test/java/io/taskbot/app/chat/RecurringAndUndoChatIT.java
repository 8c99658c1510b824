package io.taskbot.app.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeating tasks and undo said in chat, over {@code POST /api/chat} with the offline model, and checked where a
 * client reads the tasks ({@code /api/v1/tasks}): the rule the agent wrote is the task's, completing it moves it to
 * its next occurrence, and "undo" takes back what the previous turn changed.
 */
@TaskbotApp
class RecurringAndUndoChatIT {

    static ApiClient client;

    @BeforeAll
    static void connect(ApiClient api) {
        client = api;
    }

    private static JsonNode chat(User user, String conversation, String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("message", message);
        if (conversation != null) {
            body.put("conversation_id", conversation);
        }
        Response response = client.post("/api/chat", user.token(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode task(User user, String id) {
        Response response = client.get("/api/v1/tasks/" + id, user.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aWeeklyTaskSaidInChatRepeatsAndAnUndoTakesBackItsCompletion() {
        User user = Users.register(client, "weekly-chat");

        JsonNode created = chat(user, null, "remind me to water the plants every monday");
        String conversation = created.get("conversation_id").asText();
        JsonNode call = created.get("tool_calls").get(0);
        assertThat(call.get("type").asText()).isEqualTo("create_todo");
        String id = call.get("result").get("id").asText();
        JsonNode weekly = task(user, id);
        assertThat(weekly.get("title").asText()).isEqualTo("water the plants");
        assertThat(weekly.get("recurrence").asText()).contains("FREQ=WEEKLY").contains("BYDAY=MO");
        LocalDate firstDue = LocalDate.parse(weekly.get("due_date").asText().substring(0, 10));
        assertThat(firstDue.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);

        chat(user, conversation, "mark water the plants as done");
        JsonNode next = task(user, id);
        assertThat(next.get("status").asText()).as("a repeating task stays open").isEqualTo("pending");
        assertThat(LocalDate.parse(next.get("due_date").asText().substring(0, 10))).isEqualTo(firstDue.plusWeeks(1));

        JsonNode undone = chat(user, conversation, "oops, undo that");
        assertThat(undone.get("tool_calls").get(0).get("type").asText()).isEqualTo("undo_todo");
        assertThat(LocalDate.parse(task(user, id).get("due_date").asText().substring(0, 10)))
                .as("back to the occurrence before").isEqualTo(firstDue);
    }

    @Test
    void undoTakesBackEveryTaskThePreviousTurnChangedAndNothingAfterSmallTalk() {
        User user = Users.register(client, "undo-chat");
        String conversation = chat(user, null, "add call the plumber and add book the dentist")
                .get("conversation_id").asText();
        JsonNode listed = client.get("/api/v1/tasks", user.token()).json();
        assertThat(listed.findValuesAsText("title")).containsExactly("call the plumber", "book the dentist");

        chat(user, conversation, "mark call the plumber and book the dentist as done");
        assertThat(client.get("/api/v1/tasks?status=completed", user.token()).json()).hasSize(2);

        JsonNode undone = chat(user, conversation, "undo");
        assertThat(undone.get("tool_calls").findValuesAsText("type")).containsOnly("undo_todo").hasSize(2);
        assertThat(client.get("/api/v1/tasks?status=pending", user.token()).json().findValuesAsText("title"))
                .containsExactlyInAnyOrder("call the plumber", "book the dentist");

        String chatter = chat(user, null, "hi there").get("conversation_id").asText();
        JsonNode nothing = chat(user, chatter, "undo");
        assertThat(nothing.get("tool_calls")).as("the previous turn changed nothing").isEmpty();
        assertThat(nothing.get("response").asText()).containsIgnoringCase("nothing to undo");
    }
}
