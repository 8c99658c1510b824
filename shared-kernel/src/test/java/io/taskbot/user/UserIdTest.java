package io.taskbot.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserIdTest {

    @Test
    void isAPositiveNumberShownAsItself() {
        assertThat(UserId.of(7)).isEqualTo(new UserId(7));
        // contract 000 shows the number; the events' metadata carry it as text
        assertThat(UserId.of(7)).hasToString("7");
    }

    @Test
    void zeroAndNegativeNumbersAreNoUserIds() {
        assertThatThrownBy(() -> UserId.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> UserId.of(-7)).isInstanceOf(IllegalArgumentException.class);
    }
}
