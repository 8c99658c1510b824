package io.taskbot.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static DueDate due(String text) {
        return DueDate.parse(text);
    }

    @Test
    void keepsTheRuleInItsCanonicalForm() {
        assertThat(Recurrence.parse("  freq=weekly;byday=mo ").rule()).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
        assertThat(Recurrence.parse("FREQ=MONTHLY;BYMONTHDAY=1")).isEqualTo(Recurrence.parse("FREQ=MONTHLY;BYMONTHDAY=1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "RRULE:FREQ=DAILY", "FREQ=FORTNIGHTLY", "BYDAY=MO", "FREQ=DAILY;INTERVAL=0",
            "FREQ=DAILY;COUNT=x", "FREQ=YEARLY;BYMONTH=13", "every monday", "FREQ=MINUTELY"})
    void refusesWhatIsNotARuleATaskCanRepeatBy(String text) {
        assertThatThrownBy(() -> Recurrence.parse(text))
                .isInstanceOfSatisfying(TaskException.class,
                        e -> assertThat(e.code()).isEqualTo(TaskErrorCode.INVALID_RECURRENCE));
    }

    @Test
    void refusesNoRule() {
        assertThatThrownBy(() -> Recurrence.parse(null)).isInstanceOf(TaskException.class);
    }

    @Test
    void weeklyOnMondaysFollowsADateWithTheNextMonday() {
        Recurrence mondays = Recurrence.parse("FREQ=WEEKLY;BYDAY=MO");

        // 2026-12-07 is a Monday
        assertThat(mondays.after(due("2026-12-07"), due("2026-12-07"), UTC)).contains(due("2026-12-14"));
        assertThat(mondays.after(due("2026-12-07"), due("2026-12-09"), UTC)).contains(due("2026-12-14"));
    }

    @Test
    void monthlyOnTheFirst() {
        Recurrence firsts = Recurrence.parse("FREQ=MONTHLY;BYMONTHDAY=1");

        assertThat(firsts.after(due("2026-12-01"), due("2026-12-01"), UTC)).contains(due("2027-01-01"));
    }

    @Test
    void anIntervalSkipsOccurrences() {
        Recurrence everyOtherDay = Recurrence.parse("FREQ=DAILY;INTERVAL=2");

        assertThat(everyOtherDay.after(due("2026-12-01"), due("2026-12-01"), UTC)).contains(due("2026-12-03"));
        assertThat(everyOtherDay.after(due("2026-12-01"), due("2026-12-03"), UTC)).contains(due("2026-12-05"));
    }

    @Test
    void countCountsOccurrencesFromTheStartOfTheSeries() {
        Recurrence threeTimes = Recurrence.parse("FREQ=DAILY;COUNT=3");
        DueDate start = due("2026-12-01");

        assertThat(threeTimes.after(start, due("2026-12-01"), UTC)).contains(due("2026-12-02"));
        assertThat(threeTimes.after(start, due("2026-12-02"), UTC)).contains(due("2026-12-03"));
        assertThat(threeTimes.after(start, due("2026-12-03"), UTC)).isEmpty();
    }

    @Test
    void untilEndsTheSeries() {
        Recurrence untilNewYear = Recurrence.parse("FREQ=WEEKLY;UNTIL=20270101");

        assertThat(untilNewYear.after(due("2026-12-24"), due("2026-12-24"), UTC)).contains(due("2026-12-31"));
        assertThat(untilNewYear.after(due("2026-12-24"), due("2026-12-31"), UTC)).isEmpty();
    }

    @Test
    void dailyAtNineInBerlinStaysAtNineAcrossTheSpringChange() {
        Recurrence daily = Recurrence.parse("FREQ=DAILY");
        // the clocks go forward in the night to Sunday 2027-03-28
        DueDate saturday = due("2027-03-27T09:00+01:00");

        DueDate sunday = daily.after(saturday, saturday, BERLIN).orElseThrow();
        DueDate monday = daily.after(saturday, sunday, BERLIN).orElseThrow();

        assertThat(sunday).isEqualTo(due("2027-03-28T09:00+02:00"));
        assertThat(monday).isEqualTo(due("2027-03-29T09:00+02:00"));
    }

    @Test
    void dailyAtNineInBerlinStaysAtNineAcrossTheAutumnChange() {
        Recurrence daily = Recurrence.parse("FREQ=DAILY");
        DueDate saturday = due("2026-10-24T09:00+02:00");

        assertThat(daily.after(saturday, saturday, BERLIN)).contains(due("2026-10-25T09:00+01:00"));
    }

    @Test
    void aDueTimeGivenInAnotherOffsetRepeatsAtItsLocalTimeInTheUsersZone() {
        Recurrence daily = Recurrence.parse("FREQ=DAILY");
        // 08:00Z is 09:00 in Berlin in winter
        DueDate start = due("2027-03-27T08:00Z");

        assertThat(daily.after(start, start, BERLIN)).contains(due("2027-03-28T09:00+02:00"));
    }

    @Test
    void theFirstOccurrenceOfATaskWithoutDueDateIsFromTodayOn() {
        // Tuesday 2026-12-01, 15:00 in Berlin
        Instant now = Instant.parse("2026-12-01T14:00:00Z");

        assertThat(Recurrence.parse("FREQ=WEEKLY;BYDAY=MO").firstFrom(now, BERLIN)).contains(due("2026-12-07"));
        assertThat(Recurrence.parse("FREQ=DAILY").firstFrom(now, BERLIN)).contains(due("2026-12-01"));
        assertThat(Recurrence.parse("FREQ=DAILY;BYHOUR=9;BYMINUTE=0").firstFrom(now, BERLIN))
                .contains(due("2026-12-02T09:00+01:00"));
        assertThat(Recurrence.parse("FREQ=DAILY;BYHOUR=18;BYMINUTE=0").firstFrom(now, BERLIN))
                .contains(due("2026-12-01T18:00+01:00"));
    }

    @Test
    void theTodayOfTheFirstOccurrenceIsTheUsersToday() {
        // 23:30 UTC on Monday is already Tuesday in Berlin
        Instant now = Instant.parse("2026-11-30T23:30:00Z");

        assertThat(Recurrence.parse("FREQ=DAILY").firstFrom(now, BERLIN)).contains(due("2026-12-01"));
        assertThat(Recurrence.parse("FREQ=DAILY").firstFrom(now, UTC)).contains(due("2026-11-30"));
    }

    @Test
    void aScheduleStartsAtTheDueDateOrTheFirstOccurrence() {
        Instant now = Instant.parse("2026-12-01T14:00:00Z");
        Recurrence mondays = Recurrence.parse("FREQ=WEEKLY;BYDAY=MO");

        assertThat(Schedule.starting(mondays, due("2026-12-24"), now, BERLIN).start()).isEqualTo(due("2026-12-24"));
        assertThat(Schedule.starting(mondays, null, now, BERLIN).start()).isEqualTo(due("2026-12-07"));
    }

    @Test
    void aScheduleRefusesARuleWithoutAnOccurrenceOrOfTheWrongFormForTheDueDate() {
        Instant now = Instant.parse("2026-12-01T14:00:00Z");

        assertThatThrownBy(() -> Schedule.starting(Recurrence.parse("FREQ=DAILY;UNTIL=20200101"), null, now, UTC))
                .isInstanceOf(TaskException.class);
        assertThatThrownBy(() -> Schedule.starting(Recurrence.parse("FREQ=DAILY;UNTIL=20270101"),
                due("2026-12-24T09:00Z"), now, UTC))
                .isInstanceOf(TaskException.class);
    }

    @Test
    void theNextOccurrenceOfAScheduleWithoutDueDateIsFromTodayOn() {
        Schedule daily = new Schedule(Recurrence.parse("FREQ=DAILY"), due("2026-11-01"), UTC);

        assertThat(daily.nextAfter(null, Instant.parse("2026-12-01T14:00:00Z"))).contains(due("2026-12-01"));
        assertThat(daily.nextAfter(due("2026-11-15"), Instant.parse("2026-12-01T14:00:00Z")))
                .contains(due("2026-11-16"));
    }
}
