package io.taskbot.agent.offline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class RecurrenceGrammarTest {

    /** A Saturday, mid-morning. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final LocalTime NOW = LocalTime.of(9, 30);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "every monday|FREQ=WEEKLY;BYDAY=MO|2026-11-23|every Monday",
            "each friday|FREQ=WEEKLY;BYDAY=FR|2026-11-27|every Friday",
            "every other day|FREQ=DAILY;INTERVAL=2|2026-11-21|every other day",
            "on the 1st of every month|FREQ=MONTHLY;BYMONTHDAY=1|2026-12-01|on the 1st of every month",
            "every weekday|FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR|2026-11-23|every weekday",
            "every tue and thu|FREQ=WEEKLY;BYDAY=TU,TH|2026-11-24|every Tuesday and Thursday",
            "every 3 weeks|FREQ=WEEKLY;INTERVAL=3|2026-11-21|every 3 weeks",
            "monthly on the 15th|FREQ=MONTHLY;BYMONTHDAY=15|2026-12-15|on the 15th of every month",
            "the last day of every month|FREQ=MONTHLY;BYMONTHDAY=-1|2026-11-30|on the last day of every month",
            "every year on march 3|FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3|2027-03-03|every year on March 3rd",
            "on weekends|FREQ=WEEKLY;BYDAY=SA,SU|2026-11-22|every weekend",
            "fortnightly|FREQ=WEEKLY;INTERVAL=2|2026-11-21|every other week",
            "once a month|FREQ=MONTHLY|2026-11-21|every month"})
    void readsTheRuleAndItsFirstOccurrence(String phrase, String rrule, LocalDate first, String described) {
        var found = RecurrenceGrammar.find(phrase);

        assertThat(found).singleElement().satisfies(each -> {
            assertThat(phrase.substring(each.start(), each.end())).isEqualTo(phrase);
            assertThat(each.rule().rrule()).isEqualTo(rrule);
            assertThat(each.rule().firstOccurrence(TODAY, NOW, null)).isEqualTo(first);
            assertThat(RecurrenceGrammar.parse(rrule).orElseThrow().describe()).isEqualTo(described);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"write the weekly report", "read every chapter", "the daily standup notes",
            "every time it rains", "call mum on monday", "the monthly budget review meeting"})
    void wordsThatOnlyLookLikeARepetitionStayWords(String text) {
        assertThat(RecurrenceGrammar.find(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aTimeThatHasPassedTodayStartsTomorrow() {
        var daily = RecurrenceGrammar.find("every day").get(0).rule();

        assertThat(daily.firstOccurrence(TODAY, NOW, LocalTime.of(8, 0))).isEqualTo(TODAY.plusDays(1));
        assertThat(daily.firstOccurrence(TODAY, NOW, LocalTime.of(18, 0))).isEqualTo(TODAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "FREQ=SECONDLY", "BYDAY=MO", "FREQ=WEEKLY;BYDAY=XX", "FREQ=MONTHLY;COUNT=3"})
    void rulesItDidNotWriteAreNotDescribed(String rrule) {
        assertThat(RecurrenceGrammar.parse(rrule)).isEmpty();
    }
}
