package io.taskbot.agent.offline;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.taskbot.agent.prompt.AgentPrompt;
import io.taskbot.agent.prompt.TaskSnapshot;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineChatModelTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-21T10:00:00+01:00[Europe/Berlin]");
    private final OfflineChatModel model = new OfflineChatModel();

    private static SystemMessage prompt(TaskSnapshot... tasks) {
        return SystemMessage.from(AgentPrompt.render(NOW, List.of(tasks)));
    }

    private AiMessage reply(ChatMessage... messages) {
        return model.chat(ChatRequest.builder().messages(new ArrayList<>(List.of(messages))).build()).aiMessage();
    }

    @Test
    void asksForToolsThenAnswersFromTheirResults() {
        AiMessage first = reply(prompt(), UserMessage.from("add buy milk tomorrow"));

        assertThat(first.toolExecutionRequests()).singleElement().satisfies(request -> {
            assertThat(request.name()).isEqualTo("create_todo");
            assertThat(request.arguments()).contains("\"title\":\"buy milk\"").contains("\"due_date\":\"2026-11-22\"");
        });
        ToolExecutionRequest request = first.toolExecutionRequests().get(0);
        AiMessage second = reply(prompt(), UserMessage.from("add buy milk tomorrow"), first,
                dev.langchain4j.data.message.ToolExecutionResultMessage.from(request,
                        "{\"id\":\"7\",\"title\":\"buy milk\",\"priority\":\"medium\",\"due_date\":\"2026-11-22\"}"));
        assertThat(second.hasToolExecutionRequests()).isFalse();
        assertThat(second.text()).contains("buy milk").contains("2026-11-22");
    }

    @Test
    void aYesConfirmsExactlyTheTasksTheQuestionListed() {
        TaskSnapshot dog = new TaskSnapshot("1", "walk the dog", false, "medium", null, List.of());
        TaskSnapshot bread = new TaskSnapshot("2", "buy bread", false, "medium", null, List.of());
        AiMessage question = reply(prompt(dog, bread), UserMessage.from("delete everything"));
        assertThat(question.hasToolExecutionRequests()).isFalse();
        assertThat(question.text()).contains("- #1 walk the dog").contains("- #2 buy bread");

        TaskSnapshot addedMeanwhile = new TaskSnapshot("3", "new one", false, "medium", null, List.of());
        AiMessage confirmed = reply(prompt(dog, bread, addedMeanwhile), UserMessage.from("delete everything"),
                AiMessage.from(question.text()), UserMessage.from("yes"));

        assertThat(confirmed.toolExecutionRequests()).extracting(ToolExecutionRequest::name)
                .containsExactly("delete_todo", "delete_todo");
        assertThat(confirmed.toolExecutionRequests()).extracting(ToolExecutionRequest::arguments)
                .containsExactly("{\"id\":\"1\"}", "{\"id\":\"2\"}");
    }

    @Test
    void smallTalkRunsNoTool() {
        AiMessage answer = reply(prompt(), UserMessage.from("hi!"));

        assertThat(answer.hasToolExecutionRequests()).isFalse();
        assertThat(answer.text()).isNotBlank();
    }

    @Test
    void aTurnModelTakesTheFactsTypedAndReadsTheMessageOnce() {
        TaskSnapshot dog = new TaskSnapshot("1", "walk the dog", false, "medium", null, List.of());
        dev.langchain4j.model.chat.ChatModel turn = model.forTurn(NOW, List.of(dog));
        UserMessage said = UserMessage.from("walked the dog");
        // no system prompt at all: the tasks came typed
        AiMessage first = turn.chat(ChatRequest.builder().messages(List.of(said)).build()).aiMessage();
        assertThat(first.toolExecutionRequests()).singleElement().satisfies(request -> {
            assertThat(request.name()).isEqualTo("update_todo");
            assertThat(request.arguments()).contains("\"id\":\"1\"").contains("\"completed\":true");
        });

        AiMessage second = turn.chat(ChatRequest.builder().messages(List.of(said, first,
                dev.langchain4j.data.message.ToolExecutionResultMessage.from(first.toolExecutionRequests().get(0),
                        "{\"id\":\"1\",\"title\":\"walk the dog\",\"completed\":true}"))).build()).aiMessage();
        assertThat(second.hasToolExecutionRequests()).isFalse();
        assertThat(second.text()).isEqualTo("Marked \"walk the dog\" as done.");
    }

    @Test
    void undoTakesBackEveryTaskThePreviousTurnChangedAndSaysWhatCameBack() {
        TaskSnapshot dog = new TaskSnapshot("1", "walk the dog", false, "medium", null, List.of());
        TaskSnapshot bread = new TaskSnapshot("2", "buy bread", false, "medium", null, List.of());
        UserMessage earlier = UserMessage.from("walked the dog and bought bread");
        AiMessage calls = AiMessage.from(List.of(
                ToolExecutionRequest.builder().id("a").name("update_todo").arguments("{\"id\":\"1\"}").build(),
                ToolExecutionRequest.builder().id("b").name("delete_todo").arguments("{\"id\":\"2\"}").build()));
        List<ChatMessage> history = List.of(earlier, calls,
                ToolExecutionResultMessage.from(calls.toolExecutionRequests().get(0),
                        "{\"id\":\"1\",\"title\":\"walk the dog\",\"completed\":true}"),
                ToolExecutionResultMessage.from(calls.toolExecutionRequests().get(1),
                        "{\"id\":\"2\",\"title\":\"buy bread\",\"completed\":false}"),
                AiMessage.from("Marked \"walk the dog\" as done.\nDeleted \"buy bread\"."));
        dev.langchain4j.model.chat.ChatModel turn = model.forTurn(NOW, List.of(dog));
        UserMessage undo = UserMessage.from("oops, put it back");
        List<ChatMessage> asked = new ArrayList<>(history);
        asked.add(undo);

        AiMessage first = turn.chat(ChatRequest.builder().messages(asked).build()).aiMessage();
        assertThat(first.toolExecutionRequests()).extracting(ToolExecutionRequest::name)
                .containsExactly("undo_todo", "undo_todo");
        assertThat(first.toolExecutionRequests()).extracting(ToolExecutionRequest::arguments)
                .containsExactly("{\"id\":\"1\"}", "{\"id\":\"2\"}");

        asked.add(first);
        asked.add(ToolExecutionResultMessage.from(first.toolExecutionRequests().get(0),
                "{\"id\":\"1\",\"title\":\"walk the dog\",\"completed\":false}"));
        asked.add(ToolExecutionResultMessage.from(first.toolExecutionRequests().get(1),
                "{\"id\":\"2\",\"title\":\"buy bread\",\"completed\":false}"));
        AiMessage answer = turn.chat(ChatRequest.builder().messages(asked).build()).aiMessage();
        assertThat(answer.text()).isEqualTo("Undid the last change to \"walk the dog\" (now open).\n"
                + "Brought back \"buy bread\" (now open).");
    }

    @Test
    void undoAfterATurnThatChangedNothingSaysSo() {
        UserMessage earlier = UserMessage.from("hi");
        AiMessage greeting = AiMessage.from("Hello!");
        AiMessage answer = model.forTurn(NOW, List.of()).chat(ChatRequest.builder()
                .messages(List.of(earlier, greeting, UserMessage.from("undo"))).build()).aiMessage();

        assertThat(answer.hasToolExecutionRequests()).isFalse();
        assertThat(answer.text()).isEqualTo(UndoRules.NOTHING_TO_UNDO);
    }

    @Test
    void aRepeatingTaskGoesOutWithItsRuleAndTheReplySaysTheNextDueDate() {
        dev.langchain4j.model.chat.ChatModel turn = model.forTurn(NOW, List.of());
        UserMessage said = UserMessage.from("water the plants every monday at 8am");
        AiMessage first = turn.chat(ChatRequest.builder().messages(List.of(said)).build()).aiMessage();
        assertThat(first.toolExecutionRequests()).singleElement().satisfies(request -> {
            assertThat(request.name()).isEqualTo("create_todo");
            assertThat(request.arguments()).contains("\"title\":\"water the plants\"")
                    .contains("\"due_date\":\"2026-11-23T08:00+01:00\"")
                    .contains("\"recurrence\":\"FREQ=WEEKLY;BYDAY=MO\"");
        });

        AiMessage second = turn.chat(ChatRequest.builder().messages(List.of(said, first,
                ToolExecutionResultMessage.from(first.toolExecutionRequests().get(0),
                        "{\"id\":\"5\",\"title\":\"water the plants\",\"priority\":\"medium\","
                                + "\"due_date\":\"2026-11-23T08:00:00+01:00\",\"recurrence\":\"FREQ=WEEKLY;BYDAY=MO\"}")))
                .build()).aiMessage();
        assertThat(second.text()).isEqualTo("Added \"water the plants\", repeating every Monday, next due "
                + "2026-11-23T08:00:00+01:00.");
    }

    @Test
    void theRequestsLanguageSaysHowNumericDatesAreWrittenAndTheReplySaysTheReading() {
        UserMessage said = UserMessage.from("pay the car insurance 3/4");
        AiMessage british = model.forTurn(NOW, List.of(), "en-GB,en;q=0.8").chat(ChatRequest.builder()
                .messages(List.of(said)).build()).aiMessage();
        AiMessage american = model.forTurn(NOW, List.of(), "en-US").chat(ChatRequest.builder()
                .messages(List.of(said)).build()).aiMessage();
        AiMessage forced = new OfflineChatModel(DateOrder.MONTH_FIRST).forTurn(NOW, List.of(), "de-DE")
                .chat(ChatRequest.builder().messages(List.of(said)).build()).aiMessage();

        assertThat(british.toolExecutionRequests().get(0).arguments()).contains("\"due_date\":\"2027-04-03\"");
        assertThat(american.toolExecutionRequests().get(0).arguments()).contains("\"due_date\":\"2027-03-04\"");
        assertThat(forced.toolExecutionRequests().get(0).arguments()).contains("\"due_date\":\"2027-03-04\"");

        dev.langchain4j.model.chat.ChatModel turn = model.forTurn(NOW, List.of(), "fr");
        AiMessage call = turn.chat(ChatRequest.builder().messages(List.of(said)).build()).aiMessage();
        AiMessage answer = turn.chat(ChatRequest.builder().messages(List.of(said, call,
                ToolExecutionResultMessage.from(call.toolExecutionRequests().get(0),
                        "{\"id\":\"3\",\"title\":\"pay the car insurance\",\"priority\":\"medium\","
                                + "\"due_date\":\"2027-04-03\"}"))).build()).aiMessage();
        assertThat(answer.text()).isEqualTo("Added \"pay the car insurance\", due 2027-04-03. (I read 3/4 as April 3.)");
    }
}
