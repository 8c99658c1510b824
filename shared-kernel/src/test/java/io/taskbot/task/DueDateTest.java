package io.taskbot.task;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DueDateTest {

    @Test
    void aCalendarDayStaysADay() {
        DueDate due = DueDate.parse(" 2026-12-24 ");
        assertThat(due.value()).isEqualTo("2026-12-24");
        assertThat(due.dateOnly()).isTrue();
        assertThat(due.date()).contains(LocalDate.of(2026, 12, 24));
        assertThat(due.day()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(DueDate.of(LocalDate.of(2026, 12, 24))).isEqualTo(due);
    }

    @Test
    void aMomentKeepsTheOffsetItWasGivenWith() {
        DueDate due = DueDate.parse("2026-12-24T23:30:00+01:00");
        assertThat(due.dateOnly()).isFalse();
        assertThat(due.date()).isEmpty();
        // the day in the user's offset, not in UTC (where it would be the 24th at 22:30)
        assertThat(due.day()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(DueDate.parse("2026-12-25T00:30:00+01:00").day()).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(due).hasToString("2026-12-24T23:30+01:00");
        assertThat(DueDate.of(OffsetDateTime.of(2026, 12, 24, 23, 30, 0, 0, ZoneOffset.ofHours(1)))).isEqualTo(due);
    }

    @Test
    void equalTextsAreEqualDueDates() {
        assertThat(DueDate.parse("2026-12-24T23:30:00+01:00")).isEqualTo(DueDate.parse("2026-12-24T23:30+01:00"));
        assertThat(DueDate.parse("2026-12-24T22:30:00Z")).isNotEqualTo(DueDate.parse("2026-12-24T23:30+01:00"));
    }

    @Test
    void anythingElseIsRefusedAsAnInvalidDueDate() {
        for (String text : new String[]{null, "", "  ", "tomorrow", "2026-02-30", "24.12.2026", "2026-12-24T17:00",
                "2026-13-01", "2026-12-24T17:00:00+25:00"}) {
            assertThatThrownBy(() -> DueDate.parse(text)).as(text)
                    .isInstanceOfSatisfying(TaskException.class, e ->
                            assertThat(e.code()).isEqualTo(TaskErrorCode.INVALID_DUE_DATE))
                    .hasMessageStartingWith("Due date must be YYYY-MM-DD or an ISO-8601 date-time with offset");
        }
    }
}
