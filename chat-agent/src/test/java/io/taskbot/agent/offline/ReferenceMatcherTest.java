package io.taskbot.agent.offline;

import io.taskbot.agent.offline.Turn.Found;
import io.taskbot.agent.offline.Turn.Purpose;
import io.taskbot.agent.offline.Turn.Resolution;
import io.taskbot.agent.offline.Turn.Unclear;
import io.taskbot.task.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceMatcherTest {

    private static final List<TaskRef> TASKS = List.of(
            task("1", "walk the dog", false),
            task("2", "buy bread", false),
            task("3", "write the newsletter", false),
            task("4", "book the dentist appointment", false),
            task("5", "water the plants", false),
            task("6", "call the IT helpdesk", false),
            task("7", "buy milk", false));

    private static TaskRef task(String id, String title, boolean completed) {
        return new TaskRef(id, title, completed, Priority.MEDIUM, null);
    }

    private static Resolution resolve(String reference, Purpose purpose, List<TaskRef> tasks) {
        ConversationContext context = ConversationContext.startingAt(
                ZonedDateTime.of(2026, 11, 21, 9, 30, 0, 0, ZoneId.of("Europe/Berlin")), tasks);
        Utterance utterance = Utterance.read(reference, context.today(), context.now());
        Turn turn = new Turn(context, utterance, List.of(utterance.masked()));
        return turn.resolve(utterance.masked(), purpose);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "watered | water", "water | water", "watering | water", "wrote | write", "written | write",
            "walked | walk", "bought | buy", "paid | pay", "tidied | tidy", "mopped | mop", "called | call",
            "boxes | box", "groceries | grocery", "mum | mom", "expenses | expense"})
    void stemsInflectedAndPlainFormsAlike(String inflected, String plain) {
        assertThat(Words.stem(inflected)).isEqualTo(Words.stem(plain));
    }

    @Test
    void findsThePastTenseOfTheTasksOwnVerbs() {
        assertThat(Words.baseOfPast("watered", java.util.Set.of())).contains("water");
        assertThat(Words.baseOfPast("wrote", java.util.Set.of())).contains("write");
        assertThat(Words.baseOfPast("defrosted", java.util.Set.of("defrost"))).contains("defrost");
        assertThat(Words.baseOfPast("bread", java.util.Set.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the dentist thing | 4", "the bread | 2", "water plants | 5", "the dog walk | 1",
            "newsleter | 3", "'buy milk' | 7", "the IT one | 6", "write the newsletter | 3"})
    void findsATaskByWhatItMeans(String reference, String id) {
        Resolution resolution = resolve(reference, Purpose.CHANGE, TASKS);

        assertThat(resolution).isInstanceOf(Found.class);
        assertThat(((Found) resolution).task().id()).isEqualTo(id);
    }

    @Test
    void asksWhichWhenTwoTasksMatchAboutEqually() {
        Resolution resolution = resolve("the buy task", Purpose.CHANGE, TASKS);

        assertThat(resolution).isInstanceOf(Unclear.class);
        assertThat(((Unclear) resolution).candidateIds()).containsExactlyInAnyOrder("2", "7");
    }

    @Test
    void saysSoWhenNothingMatches() {
        Resolution resolution = resolve("the yoga class", Purpose.CHANGE, TASKS);

        assertThat(resolution).isInstanceOf(Unclear.class);
        assertThat(((Unclear) resolution).candidateIds()).isEmpty();
        assertThat(((Unclear) resolution).nothingSimilar()).isTrue();
    }

    @Test
    void prefersOpenTasksForCompletingAndCompletedOnesForReopening() {
        List<TaskRef> twins = List.of(task("1", "walk the dog", true), task("2", "walk the dog", false));

        assertThat(((Found) resolve("walk the dog", Purpose.COMPLETE, twins)).task().id()).isEqualTo("2");
        assertThat(((Found) resolve("walk the dog", Purpose.REOPEN, twins)).task().id()).isEqualTo("1");
    }

    @Test
    void scoresAnExactTitleAboveEveryPartialMatch() {
        TaskMatcher matcher = new TaskMatcher(List.of(task("1", "call the dentist", false),
                task("2", "book the dentist appointment", false)));

        List<TaskMatcher.Scored> ranked = matcher.rank("call the dentist");

        assertThat(ranked.get(0).task().id()).isEqualTo("1");
        assertThat(ranked.get(0).score()).isEqualTo(TaskMatcher.EXACT);
        assertThat(ranked.get(1).score()).isLessThan(TaskMatcher.ACCEPTED);
    }

    @Test
    void treatsPronounsAndPositionsAsPointersNotAsWords() {
        assertThat(resolve("it", Purpose.CHANGE, TASKS)).isInstanceOf(Unclear.class);
        assertThat(resolve("the second one", Purpose.CHANGE, TASKS)).isInstanceOf(Unclear.class);
    }
}
