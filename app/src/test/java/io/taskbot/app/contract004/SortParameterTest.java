package io.taskbot.app.contract004;

import io.taskbot.task.TaskSort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortParameterTest {

    @Test
    void noSortIsOldestFirst() {
        assertThat(SortParameter.parse(null)).isEqualTo(TaskSort.OLDEST_FIRST);
        assertThat(SortParameter.parse("  ")).isEqualTo(TaskSort.OLDEST_FIRST);
    }

    @Test
    void aBareFieldSortsAscending() {
        assertThat(SortParameter.parse("priority")).isEqualTo(new TaskSort(TaskSort.Field.PRIORITY, true));
        assertThat(SortParameter.parse("updated_at")).isEqualTo(new TaskSort(TaskSort.Field.UPDATED_AT, true));
    }

    @Test
    void takesAnExplicitDirection() {
        assertThat(SortParameter.parse("created_at:desc")).isEqualTo(new TaskSort(TaskSort.Field.CREATED_AT, false));
        assertThat(SortParameter.parse("created_at:asc")).isEqualTo(new TaskSort(TaskSort.Field.CREATED_AT, true));
        assertThat(SortParameter.parse("Priority:DESC")).isEqualTo(new TaskSort(TaskSort.Field.PRIORITY, false));
    }

    @Test
    void aLeadingMinusSortsDescending() {
        assertThat(SortParameter.parse("-priority")).isEqualTo(new TaskSort(TaskSort.Field.PRIORITY, false));
        assertThat(SortParameter.parse(" -updated_at ")).isEqualTo(new TaskSort(TaskSort.Field.UPDATED_AT, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "created_at:up", "created_at:", ":desc", "-", "--priority", "-priority:desc",
            "priority:desc:asc", "createdAt", "created_at desc"})
    void refusesAnythingElse(String sort) {
        assertThatThrownBy(() -> SortParameter.parse(sort))
                .isInstanceOf(V1Failure.class)
                .hasMessageContaining("sort must be");
    }
}
