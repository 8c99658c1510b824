package io.taskbot.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskRulesTest {

    @Test
    void aTitleIsStrippedAndOneTo255Characters() {
        assertThat(TaskRules.checkTitle("  Buy milk \n")).isEqualTo("Buy milk");
        assertThat(TaskRules.checkTitle("x".repeat(255))).hasSize(255);
        assertCode(() -> TaskRules.checkTitle(null), TaskErrorCode.TITLE_REQUIRED, "Title is required");
        assertCode(() -> TaskRules.checkTitle(" \t "), TaskErrorCode.TITLE_REQUIRED, "Title is required");
        assertCode(() -> TaskRules.checkTitle("x".repeat(256)), TaskErrorCode.TITLE_TOO_LONG,
                "Title must be at most 255 characters");
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        // 255 emoji are 510 UTF-16 units but 255 characters
        String emoji = "🙂".repeat(255);
        assertThat(TaskRules.checkTitle(emoji)).isEqualTo(emoji);
        assertCode(() -> TaskRules.checkTitle(emoji + "🙂"), TaskErrorCode.TITLE_TOO_LONG,
                "Title must be at most 255 characters");
        assertThat(TaskRules.checkDescription("🙂".repeat(1000))).hasSize(2000);
    }

    @Test
    void aDescriptionIsAtMost1000CharactersAndKeptAsWritten() {
        assertThat(TaskRules.checkDescription(null)).isEmpty();
        assertThat(TaskRules.checkDescription("  spaced  ")).isEqualTo("  spaced  ");
        assertThat(TaskRules.checkDescription("d".repeat(1000))).hasSize(1000);
        assertCode(() -> TaskRules.checkDescription("d".repeat(1001)), TaskErrorCode.DESCRIPTION_TOO_LONG,
                "Description must be at most 1000 characters");
    }

    private static void assertCode(Runnable check, TaskErrorCode code, String message) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(TaskException.class, e ->
                assertThat(e.code()).isEqualTo(code)).hasMessage(message);
    }
}
