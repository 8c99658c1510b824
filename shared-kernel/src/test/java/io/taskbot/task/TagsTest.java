package io.taskbot.task;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagsTest {

    @Test
    void tagsAreLowerCaseWithoutHashAndWithDashesForSpaces() {
        assertThat(Tags.normalize(List.of("#Home", " Work  Stuff ", "##urgent_now", "Ünïcode", "42")))
                .containsExactly("home", "work-stuff", "urgent_now", "ünïcode", "42");
    }

    @Test
    void duplicatesAfterNormalizingCountOnceInTheirFirstPlace() {
        assertThat(Tags.normalize(List.of("b", "a", "#B", "A"))).containsExactly("b", "a");
    }

    @Test
    void noTagsIsAnEmptyList() {
        assertThat(Tags.normalize(null)).isEmpty();
        assertThat(Tags.normalize(List.of())).isEmpty();
    }

    @Test
    void twentyTagsAreAllowedButNotMore() {
        List<String> twenty = new ArrayList<>();
        for (int i = 0; i < TaskRules.MAX_TAGS; i++) {
            twenty.add("t" + i);
        }
        assertThat(Tags.normalize(twenty)).hasSize(20);
        twenty.add("one-more");
        assertThatThrownBy(() -> Tags.normalize(twenty)).isInstanceOfSatisfying(TaskException.class, e ->
                        assertThat(e.code()).isEqualTo(TaskErrorCode.INVALID_TAG))
                .hasMessage("A task has at most 20 tags");
    }

    @Test
    void aTagIsOneToFiftyLettersDigitsDashesOrUnderscores() {
        assertThat(Tags.normalize(List.of("x".repeat(TaskRules.TAG_MAX_LENGTH)))).hasSize(1);
        for (String tag : Arrays.asList(null, "", "#", "   ", "x".repeat(51), "a/b", "semi;colon", "emoji🙂")) {
            assertThatThrownBy(() -> Tags.normalize(Arrays.asList(tag))).as(String.valueOf(tag))
                    .isInstanceOfSatisfying(TaskException.class, e ->
                            assertThat(e.code()).isEqualTo(TaskErrorCode.INVALID_TAG))
                    .hasMessageStartingWith("Tags are 1-50 letters, digits, '-' or '_'");
        }
    }

    @Test
    void aVeryLongWrongTagIsAbbreviatedInTheMessage() {
        String huge = "?".repeat(10_000);
        assertThatThrownBy(() -> Tags.normalize(List.of(huge)))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("..."));
    }
}
