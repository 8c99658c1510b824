package io.taskbot.conversation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationIdTest {

    @Test
    void aRandomIdIsWellFormedAndNew() {
        ConversationId one = ConversationId.random();
        assertThat(one.value()).matches("conv_[0-9a-f]{16}");
        assertThat(ConversationId.isWellFormed(one.value())).isTrue();
        assertThat(ConversationId.random()).isNotEqualTo(one);
    }

    @Test
    void clientIdsAreLettersDigitsDashesAndUnderscoresUpTo64() {
        assertThat(ConversationId.isWellFormed("conv_3f2a-X")).isTrue();
        assertThat(ConversationId.isWellFormed("a".repeat(64))).isTrue();
        for (String text : new String[]{null, "", "a".repeat(65), "conv 1", "conv/1", "../etc", "é"}) {
            assertThat(ConversationId.isWellFormed(text)).as(text).isFalse();
        }
        assertThatThrownBy(() -> new ConversationId("conv 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConversationId(null)).isInstanceOf(NullPointerException.class);
    }
}
