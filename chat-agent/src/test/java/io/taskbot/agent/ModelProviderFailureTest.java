package io.taskbot.agent;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.ToolExecutionException;
import io.taskbot.task.TaskErrorCode;
import io.taskbot.task.TaskException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a failing chat model provider makes the assistant "unavailable" (503); a bug of ours is a 500. */
class ModelProviderFailureTest {

    @Test
    void theProviderFailingOrUnreachableIsAProviderFailure() {
        assertThat(TaskAgent.isModelProviderFailure(new InternalServerException("{\"error\": \"overloaded\"}")))
                .isTrue();
        assertThat(TaskAgent.isModelProviderFailure(new TimeoutException("read timed out"))).isTrue();
        assertThat(TaskAgent.isModelProviderFailure(new HttpException(401, "bad key"))).isTrue();
        assertThat(TaskAgent.isModelProviderFailure(new UncheckedIOException(new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void aToolsBugOrAnyOtherExceptionIsNot() {
        RuntimeException bug = new NullPointerException("task");
        assertThat(TaskAgent.isModelProviderFailure(new TaskAgent.ToolFailedException("create_todo", bug)))
                .isFalse();
        assertThat(TaskAgent.isModelProviderFailure(new ToolExecutionException(bug))).isFalse();
        assertThat(TaskAgent.isModelProviderFailure(bug)).isFalse();
        assertThat(TaskAgent.isModelProviderFailure(new IllegalStateException("no handler for the query"))).isFalse();
        assertThat(TaskAgent.isModelProviderFailure(new TaskException(TaskErrorCode.NOT_FOUND, "no such task")))
                .isFalse();
    }
}
