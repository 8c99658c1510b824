package io.taskbot.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskIdTest {

    @Test
    void isAPositiveNumberShownAsItself() {
        assertThat(TaskId.of(42)).isEqualTo(new TaskId(42));
        // the aggregate identifier in the event store
        assertThat(TaskId.of(42)).hasToString("42");
        assertThat(TaskId.of(Long.MAX_VALUE).value()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void zeroAndNegativeNumbersAreNoTaskIds() {
        assertThatThrownBy(() -> TaskId.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskId.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
