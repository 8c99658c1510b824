package io.taskbot.agent.offline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DateGrammarTest {

    /** Saturday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final LocalTime NOW = LocalTime.of(9, 30);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static String dueIn(String text) {
        return dueIn(text, TODAY, NOW, BERLIN);
    }

    private static String dueIn(String text, LocalDate today, LocalTime now, ZoneId zone) {
        List<DateGrammar.Found> found = DateGrammar.find(text, today, now);
        assertThat(found).as("date phrases in '%s'", text).hasSize(1);
        return found.get(0).due().wire(zone);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "water the garden today | 2026-11-21",
            "take the bins out tonight | 2026-11-21",
            "call the bank tomorrow | 2026-11-22",
            "call the bank tmrw | 2026-11-22",
            "water it the day after tomorrow | 2026-11-23",
            "hand in the thesis in 10 days | 2026-12-01",
            "book it in 2 weeks | 2026-12-05",
            "pay in a couple of days | 2026-11-23",
            "renew it in three days | 2026-11-24",
            "visit in a month | 2026-12-21",
            "call grandma on sunday | 2026-11-22",
            "order a cake by thursday | 2026-11-26",
            "clean up on Mon | 2026-11-23",
            "meet next friday | 2026-11-27",
            "it happens this saturday | 2026-11-21",
            "next saturday | 2026-11-28",
            "pay the phone bill on the 15th | 2026-12-15",
            "collect it on the 21st | 2026-11-21",
            "pay rent on the 1st | 2026-12-01",
            "buy fireworks by december 31 | 2026-12-31",
            "on 24 december | 2026-12-24",
            "the 12th of december | 2026-12-12",
            "file taxes due april 15 | 2027-04-15",
            "by dec 20 | 2026-12-20",
            "renew the lease on 2027-06-01 | 2027-06-01",
            "finish by the end of the week | 2026-11-22",
            "pay at the end of the month | 2026-11-30",
            "pay bills on the last day of the month | 2026-11-30",
            "at the start of next month | 2026-12-01",
            "review next week | 2026-11-23",
            "wrap the presents by christmas eve | 2026-12-24",
            "on new year's day | 2027-01-01"})
    void readsDates(String text, String expected) {
        assertThat(dueIn(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "tomorrow at 5pm | 2026-11-22T17:00+01:00",
            "pick up the parcel tomorrow at 11am | 2026-11-22T11:00+01:00",
            "at 11am | 2026-11-21T11:00+01:00",
            "at 8am | 2026-11-22T08:00+01:00",
            "at noon | 2026-11-21T12:00+01:00",
            "17:00 tomorrow | 2026-11-22T17:00+01:00",
            "tonight at 7 | 2026-11-21T19:00+01:00",
            "on Tuesday at 10am | 2026-11-24T10:00+01:00",
            "by 5pm today | 2026-11-21T17:00+01:00",
            "on 2026-12-01 at 14:30 | 2026-12-01T14:30+01:00",
            "in 2 hours | 2026-11-21T11:30+01:00",
            "at 5:30 pm | 2026-11-21T17:30+01:00"})
    void readsTimesWithTheZonesOffset(String text, String expected) {
        assertThat(dueIn(text)).isEqualTo(expected);
    }

    @Test
    void usesTheOffsetOfTheDueDayNotOfToday() {
        LocalDate beforeSummerTime = LocalDate.of(2027, 3, 10);

        String due = dueIn("on march 20 at 9am", beforeSummerTime, NOW, ZoneId.of("America/New_York"));

        assertThat(due).isEqualTo("2027-03-20T09:00-04:00");
    }

    @Test
    void rollsDatesWithoutYearIntoNextYear() {
        assertThat(dueIn("by november 3", TODAY, NOW, BERLIN)).isEqualTo("2027-11-03");
        assertThat(dueIn("on the 31st", LocalDate.of(2027, 4, 2), NOW, BERLIN)).isEqualTo("2027-05-31");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan the sunday brunch", "buy a christmas tree", "mark the 4th one as done",
            "water the plants every monday", "prep for the 1:1 with Maria", "read chapter 3", "call 911",
            "buy 2 pizzas", "review the may newsletter", "see the march of the penguins", "sat down with Tom"})
    void leavesWordsThatOnlyLookLikeDatesAlone(String text) {
        assertThat(DateGrammar.find(text, TODAY, NOW)).isEmpty();
    }

    @Test
    void coversThePrepositionSoThatItLeavesTheTitle() {
        String text = "buy fireworks by december 31";

        DateGrammar.Found found = DateGrammar.find(text, TODAY, NOW).get(0);

        assertThat(text.substring(0, found.start()).strip()).isEqualTo("buy fireworks");
        assertThat(found.due().bound()).isEqualTo(Due.Bound.BY);
    }

    @Test
    void keepsTheRangeOfAPeriodForListings() {
        Due thisWeek = DateGrammar.find("what's due this week", TODAY, NOW).get(0).due();
        Due nextWeek = DateGrammar.find("what's due next week", TODAY, NOW).get(0).due();

        assertThat(thisWeek.rangeStart()).isEqualTo(TODAY);
        assertThat(thisWeek.rangeEnd()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(nextWeek.rangeStart()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(nextWeek.rangeEnd()).isEqualTo(LocalDate.of(2026, 11, 29));
    }

    @Test
    void findsEachTaskItsOwnDate() {
        List<DateGrammar.Found> found = DateGrammar.find("call the bank tomorrow and email Lisa on friday", TODAY, NOW);

        assertThat(found).extracting(f -> f.due().wire(BERLIN)).containsExactly("2026-11-22", "2026-11-27");
    }
}
