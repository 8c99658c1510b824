package io.taskbot.agent.offline;

import io.taskbot.agent.offline.Action.AskBack;
import io.taskbot.agent.offline.Action.CreateTask;
import io.taskbot.agent.offline.Action.DeleteTask;
import io.taskbot.agent.offline.Action.Reply;
import io.taskbot.agent.offline.Action.UpdateTask;
import io.taskbot.task.Priority;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One turn in progress: the context, the clauses of the message, the actions decided so far, and what "it" refers
 * to. References are resolved here so that every rule treats "it", "the second one" and "the dentist thing" alike.
 */
final class Turn {

    /** Why a task is looked up: completing prefers open tasks, reopening prefers completed ones. */
    enum Purpose {
        COMPLETE, REOPEN, CHANGE
    }

    sealed interface Resolution {
    }

    record Found(TaskRef task) implements Resolution {
    }

    /** A task created earlier in this same message: it has no id yet, but its creation can still be amended. */
    record JustCreated(int actionIndex) implements Resolution {
    }

    /**
     * No single task: ambiguous, missing, or "it" with nothing to refer to.
     *
     * @param nothingSimilar true when no title shares a word with the phrase, so it may well be a new task
     */
    record Unclear(String question, List<String> candidateIds, boolean nothingSimilar) implements Resolution {
    }

    /**
     * What to change on the referenced task; {@code null} fields stay as they are. A repeating {@code due}
     * ("every monday") sets the recurrence too; {@code stopRepeating} ends it.
     */
    record Change(String title, String description, Priority priority, int priorityStep, Due due, Period shift,
                  List<String> addTags, List<String> removeTags, Boolean completed, boolean delete,
                  boolean clearDue, boolean stopRepeating) {

        Change(String title, String description, Priority priority, int priorityStep, Due due, Period shift,
               List<String> addTags, List<String> removeTags, Boolean completed, boolean delete,
               boolean clearDue) {
            this(title, description, priority, priorityStep, due, shift, addTags, removeTags, completed, delete,
                    clearDue, false);
        }

        /** In {@code removeTags}: every tag the task has goes (no tag can be spelt this way). */
        static final String ALL_TAGS = "\u0000all";

        /** The tags become exactly these (none: every tag goes). */
        static Change replacingTags(List<String> tags) {
            return new Change(null, null, null, 0, null, null, List.copyOf(tags), List.of(ALL_TAGS), null, false);
        }

        static Change stoppingRepetition() {
            return new Change(null, null, null, 0, null, null, List.of(), List.of(), null, false, false, true);
        }

        Change(String title, String description, Priority priority, int priorityStep, Due due, Period shift,
               List<String> addTags, List<String> removeTags, Boolean completed, boolean delete) {
            this(title, description, priority, priorityStep, due, shift, addTags, removeTags, completed, delete,
                    false);
        }

        /** "remove the due date from X": the task stays, only its due date goes. */
        static Change clearingDue() {
            return new Change(null, null, null, 0, null, null, List.of(), List.of(), null, false, true);
        }

        static Change completion(boolean completed) {
            return new Change(null, null, null, 0, null, null, List.of(), List.of(), completed, false);
        }

        static Change rename(String title) {
            return new Change(title, null, null, 0, null, null, List.of(), List.of(), null, false);
        }

        static Change describe(String description) {
            return new Change(null, description, null, 0, null, null, List.of(), List.of(), null, false);
        }

        static Change priority(Priority priority) {
            return new Change(null, null, priority, 0, null, null, List.of(), List.of(), null, false);
        }

        static Change priorityStep(int step) {
            return new Change(null, null, null, step, null, null, List.of(), List.of(), null, false);
        }

        static Change due(Due due) {
            return new Change(null, null, null, 0, due, null, List.of(), List.of(), null, false);
        }

        static Change shift(Period shift) {
            return new Change(null, null, null, 0, null, shift, List.of(), List.of(), null, false);
        }

        static Change tags(List<String> add, List<String> remove) {
            return new Change(null, null, null, 0, null, null, add, remove, null, false);
        }

        static Change deletion() {
            return new Change(null, null, null, 0, null, null, List.of(), List.of(), null, true);
        }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern PRONOUN = Pattern.compile(
            "^(?:it|that|this|that\\s+one|this\\s+one|that\\s+task|this\\s+task|that\\s+todo|the\\s+task"
                    + "|the\\s+same\\s+(?:one|task)|the\\s+new\\s+(?:one|task)"
                    + "|the\\s+(?:one|task)\\s+i\\s+just\\s+(?:added|created|made|mentioned)"
                    + "|the\\s+last\\s+(?:one|task)\\s+i\\s+(?:added|created|made))$", FLAGS);
    private static final Pattern ORDINAL = Pattern.compile(
            "^(?:the\\s+)?(?<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
                    + "|last|final|\\d{1,2}(?:st|nd|rd|th))"
                    + "(?:\\s+(?:one|task|todo|to-do|item|entry))?(?:\\s+(?:on|in|from)\\s+(?:the|my|that)\\s+list)?$"
                    + "|^(?:(?:number|no\\.?|#|item|task|todo)\\s*)?(?<number>\\d{1,3})$", FLAGS);
    private static final Pattern REFERENCE_FILLER = Pattern.compile(
            "^(?:the\\s+)?(?:task|todo|to-do|item|one|reminder)\\s+(?:called|named|titled|about|for|to|that\\s+says)\\s+"
                    + "|^(?:task|todo)\\s*:?\\s+(?=\\S)"
                    + "|^(?:the\\s+)?(?:due\\s+date|deadline|date|priority|title|name|description|note|tags?)\\s+"
                    + "(?:of|for|on)\\s+", FLAGS);

    final ConversationContext context;
    final Utterance utterance;
    final TaskMatcher matcher;
    private final List<String> clauses;
    private final Map<String, TaskRef> tasksById = new LinkedHashMap<>();
    private final List<Action> actions = new ArrayList<>();
    private int clauseIndex;
    /** What "it" means after an action in this turn: an id (String) or the index of a CreateTask (Integer). */
    private Object referentFromThisTurn;

    Turn(ConversationContext context, Utterance utterance, List<String> clauses) {
        this.context = context;
        this.utterance = utterance;
        this.clauses = List.copyOf(clauses);
        this.matcher = new TaskMatcher(context.tasks());
        for (TaskRef task : context.tasks()) {
            tasksById.put(task.id(), task);
        }
    }

    List<String> clauses() {
        return clauses;
    }

    void startClause(int index) {
        clauseIndex = index;
    }

    List<Action> actions() {
        return List.copyOf(actions);
    }

    void emit(Action action) {
        actions.add(action);
        if (action instanceof CreateTask) {
            referentFromThisTurn = actions.size() - 1;
        } else if (action instanceof UpdateTask update) {
            referentFromThisTurn = update.id();
        } else if (action instanceof DeleteTask delete) {
            referentFromThisTurn = delete.id();
        }
    }

    /** How many actions were decided so far; with {@link #undoSince} a rule can try a reading and take it back. */
    int actionCount() {
        return actions.size();
    }

    /** Whether every action since {@code mark} only asks back. */
    boolean onlyAskedSince(int mark) {
        return actions.subList(mark, actions.size()).stream().allMatch(AskBack.class::isInstance);
    }

    void undoSince(int mark, Object referent) {
        actions.subList(mark, actions.size()).clear();
        referentFromThisTurn = referent;
    }

    List<Action> actionsSince(int mark) {
        return List.copyOf(actions.subList(mark, actions.size()));
    }

    /** Puts back a reading that was taken back with {@link #undoSince}, with what "it" meant after it. */
    void restore(int mark, List<Action> reading, Object referent) {
        actions.subList(mark, actions.size()).clear();
        actions.addAll(reading);
        referentFromThisTurn = referent;
    }

    Object referent() {
        return referentFromThisTurn;
    }

    /** Whether an earlier clause of this message created a task. */
    boolean createdBefore() {
        return actions.stream().anyMatch(CreateTask.class::isInstance);
    }

    void reply(String text) {
        actions.add(new Reply(text));
    }

    String wire(Due due) {
        return due.wire(context.zone());
    }

    /** The verbs the user's titles start with; they count as verbs when reading "I defrosted the freezer". */
    Set<String> titleVerbs() {
        Set<String> verbs = new LinkedHashSet<>();
        for (TaskRef task : context.tasks()) {
            List<String> words = Words.tokens(task.title());
            if (!words.isEmpty()) {
                verbs.add(words.get(0));
            }
        }
        return verbs;
    }

    // ---- references -------------------------------------------------------------------------------------------

    /** What a reference in the masked text ("it", "the second one", "'buy bread'", "the dentist thing") names. */
    Resolution resolve(String maskedReference, Purpose purpose) {
        String phrase = referencePhrase(maskedReference);
        if (phrase.isEmpty()) {
            return new Unclear("Which task do you mean?", List.of(), false);
        }
        if (isPronoun(phrase)) {
            return resolvePronoun();
        }
        Matcher ordinal = ORDINAL.matcher(phrase);
        if (ordinal.matches()) {
            return resolveOrdinal(ordinal);
        }
        return resolveByMeaning(phrase, purpose);
    }

    /** How sure a reference is, for choosing where "rename X to Y" splits: 0 when it names nothing. */
    double referenceStrength(String maskedReference, Purpose purpose) {
        String phrase = referencePhrase(maskedReference);
        if (phrase.isEmpty()) {
            return 0;
        }
        if (isPronoun(phrase) || ORDINAL.matcher(phrase).matches()) {
            return resolve(maskedReference, purpose) instanceof Unclear ? 0.1 : 1.0;
        }
        List<TaskMatcher.Scored> ranked = matcher.rank(phrase);
        return ranked.isEmpty() ? 0 : ranked.get(0).score();
    }

    /** Whether the reference is a pronoun or a position rather than a description. */
    boolean isPointer(String maskedReference) {
        String phrase = referencePhrase(maskedReference);
        return isPronoun(phrase) || ORDINAL.matcher(phrase).matches();
    }

    private static boolean isPronoun(String phrase) {
        boolean acronym = phrase.length() >= 2 && phrase.equals(phrase.toUpperCase(Locale.ROOT));
        return !acronym && PRONOUN.matcher(phrase).matches();
    }

    /** The reference as written (case kept, so that "IT" stays an acronym and is not read as "it"). */
    private String referencePhrase(String maskedReference) {
        String phrase = utterance.plain(maskedReference)
                .replaceAll("^[\\s,:;.-]+|[\\s,:;.!?-]+$", "");
        phrase = REFERENCE_FILLER.matcher(phrase).replaceFirst("");
        return phrase.strip();
    }

    private Resolution resolvePronoun() {
        if (referentFromThisTurn instanceof Integer createIndex) {
            return new JustCreated(createIndex);
        }
        if (referentFromThisTurn instanceof String id) {
            return byId(id);
        }
        Optional<TaskRef> antecedent = antecedentInOtherClauses();
        if (antecedent.isPresent()) {
            return new Found(antecedent.get());
        }
        if (context.lastTouchedId() != null) {
            return byId(context.lastTouchedId());
        }
        if (context.lastListedIds().size() == 1) {
            return byId(context.lastListedIds().get(0));
        }
        List<String> candidates = context.lastListedIds().size() <= 5 ? context.lastListedIds() : List.of();
        return new Unclear("Which task do you mean?", candidates, false);
    }

    private Optional<TaskRef> antecedentInOtherClauses() {
        for (int i = 0; i < clauses.size(); i++) {
            if (i != clauseIndex) {
                Optional<TaskRef> mentioned = matcher.uniquelyMentioned(utterance.plain(clauses.get(i)));
                if (mentioned.isPresent()) {
                    return mentioned;
                }
            }
        }
        return Optional.empty();
    }

    private Resolution resolveOrdinal(Matcher ordinal) {
        String number = ordinal.group("number");
        int position = number != null ? Integer.parseInt(number) : Words.ordinal(ordinal.group("ord")).orElse(0);
        List<String> listed = context.lastListedIds();
        if (listed.isEmpty() && position == -1 && !context.lastTurnChanges().isEmpty()) {
            // "remove the last one" after "add milk, eggs and bread": the last task that turn touched
            return byId(context.lastTurnChanges().get(context.lastTurnChanges().size() - 1));
        }
        if (listed.isEmpty()) {
            if (number != null && tasksById.containsKey(number)) {
                return new Found(tasksById.get(number));
            }
            return new Unclear("Which list do you mean? Ask me to show your tasks first, then tell me which one.",
                    List.of(), false);
        }
        int index = position == -1 ? listed.size() - 1 : position - 1;
        if (index < 0 || index >= listed.size()) {
            return new Unclear("The last list had only " + listed.size() + (listed.size() == 1 ? " task" : " tasks")
                    + ". Which one do you mean?", List.of(), false);
        }
        return byId(listed.get(index));
    }

    private Resolution byId(String id) {
        TaskRef task = tasksById.get(id);
        if (task == null) {
            return new Unclear("I can't find that task any more. Which one do you mean?", List.of(), false);
        }
        return new Found(task);
    }

    private Resolution resolveByMeaning(String phrase, Purpose purpose) {
        List<TaskMatcher.Scored> ranked = new ArrayList<>();
        for (TaskMatcher.Scored scored : matcher.rank(phrase)) {
            if (scored.score() >= TaskMatcher.ACCEPTED) {
                ranked.add(scored);
            }
        }
        if (ranked.isEmpty()) {
            return new Unclear("I couldn't find a task matching \"" + phrase + "\". Which one do you mean?",
                    List.of(), !matcher.anyTitleShares(phrase));
        }
        if (purpose != Purpose.CHANGE) {
            boolean wantCompleted = purpose == Purpose.REOPEN;
            List<TaskMatcher.Scored> preferred = ranked.stream()
                    .filter(scored -> scored.task().completed() == wantCompleted).toList();
            if (!preferred.isEmpty()) {
                ranked = preferred;
            }
        }
        double best = ranked.get(0).score();
        List<TaskRef> close = ranked.stream()
                .filter(scored -> scored.score() >= best - TaskMatcher.AMBIGUITY_MARGIN)
                .map(TaskMatcher.Scored::task).toList();
        if (close.size() == 1) {
            return new Found(close.get(0));
        }
        List<TaskRef> open = close.stream().filter(task -> !task.completed()).toList();
        boolean sameTitle = close.stream().map(task -> TaskMatcher.normalize(task.title())).distinct().count() == 1;
        if (sameTitle && open.size() == 1) {
            return new Found(open.get(0));
        }
        List<TaskRef> candidates = close.size() > 5 ? close.subList(0, 5) : close;
        return new Unclear(whichOf(candidates), candidates.stream().map(TaskRef::id).toList(), false);
    }

    private static String whichOf(List<TaskRef> candidates) {
        StringBuilder question = new StringBuilder("Which one do you mean: ");
        for (int i = 0; i < candidates.size(); i++) {
            if (i > 0) {
                question.append(i == candidates.size() - 1 ? " or " : ", ");
            }
            question.append('"').append(candidates.get(i).title()).append('"');
        }
        return question.append("?").toString();
    }

    // ---- applying a change ------------------------------------------------------------------------------------

    /** Turns a resolved reference and a change into the action: an update, a deletion, an amendment or a question. */
    void apply(Resolution resolution, Change change) {
        if (resolution instanceof Found found) {
            applyTo(found.task(), change);
        } else if (resolution instanceof JustCreated created) {
            amendCreation(created.actionIndex(), change);
        } else if (resolution instanceof Unclear unclear) {
            actions.add(new AskBack(unclear.question(), unclear.candidateIds()));
        }
    }

    private void applyTo(TaskRef task, Change change) {
        if (change.delete()) {
            emit(new DeleteTask(task.id()));
            return;
        }
        if (Boolean.TRUE.equals(change.completed()) && task.completed()) {
            referentFromThisTurn = task.id();
            reply("\"" + task.title() + "\" is already done.");
            return;
        }
        if (Boolean.FALSE.equals(change.completed()) && !task.completed()) {
            referentFromThisTurn = task.id();
            reply("\"" + task.title() + "\" is still open.");
            return;
        }
        Priority priority = change.priority();
        if (change.priorityStep() != 0) {
            priority = stepped(task.priority(), change.priorityStep());
        }
        String dueDate = change.due() != null ? wire(change.due()) : null;
        if (change.shift() != null) {
            dueDate = shifted(task.dueDate(), change.shift());
            if (dueDate == null) {
                reply("That would move \"" + task.title() + "\" more than " + DateGrammar.HORIZON_YEARS
                        + " years ahead, so I left it as it is.");
                return;
            }
        }
        List<String> tags = null;
        if (!change.addTags().isEmpty() || !change.removeTags().isEmpty()) {
            tags = mergedTags(task.tags(), change.addTags(), change.removeTags());
        }
        String recurrence = change.stopRepeating() ? UpdateTask.NO_RECURRENCE
                : change.due() != null ? change.due().recurrence() : null;
        emit(new UpdateTask(task.id(), change.title(), change.description(), priority, dueDate, tags,
                change.completed(), change.clearDue() && dueDate == null, recurrence));
    }

    private void amendCreation(int index, Change change) {
        CreateTask created = (CreateTask) actions.get(index);
        if (change.delete()) {
            actions.remove(index);
            referentFromThisTurn = null;
            reply("Okay, I won't add \"" + created.title() + "\".");
            return;
        }
        if (change.completed() != null) {
            actions.add(new AskBack("\"" + created.title() + "\" isn't on your list yet. Should I add it?",
                    List.of()));
            return;
        }
        Priority priority = created.priority();
        if (change.priority() != null) {
            priority = change.priority();
        } else if (change.priorityStep() != 0) {
            priority = stepped(priority == null ? Priority.DEFAULT : priority, change.priorityStep());
        }
        String dueDate = change.clearDue() ? null : created.dueDate();
        String recurrence = change.stopRepeating() ? null : created.recurrence();
        if (change.due() != null) {
            dueDate = wire(change.due());
            recurrence = change.due().recurrence() != null ? change.due().recurrence() : recurrence;
        } else if (change.shift() != null) {
            dueDate = shifted(dueDate, change.shift());
        }
        actions.set(index, new CreateTask(
                change.title() != null ? change.title() : created.title(),
                change.description() != null ? change.description() : created.description(),
                priority, dueDate, mergedTags(created.tags(), change.addTags(), change.removeTags()), recurrence));
    }

    private static Priority stepped(Priority current, int step) {
        int rank = Math.max(0, Math.min(Priority.values().length - 1, current.rank() + step));
        return Priority.values()[rank];
    }

    /**
     * Moves a due date by a period; a task without one is moved from today. Keeps the time of day if it had one.
     * Null when the result would lie beyond the horizon dates are read within.
     */
    private String shifted(String dueDate, Period shift) {
        LocalDate horizon = context.today().plusYears(DateGrammar.HORIZON_YEARS);
        if (dueDate != null && dueDate.length() > 10) {
            OffsetDateTime moved = OffsetDateTime.parse(dueDate).plus(shift);
            return moved.toLocalDate().isAfter(horizon) ? null : moved.toString();
        }
        LocalDate base = dueDate == null ? context.today() : LocalDate.parse(dueDate);
        LocalDate moved = base.plus(shift);
        return moved.isAfter(horizon) ? null : moved.toString();
    }

    private static List<String> mergedTags(List<String> current, List<String> add, List<String> remove) {
        Set<String> merged = new LinkedHashSet<>(remove.contains(Change.ALL_TAGS) ? List.of() : current);
        merged.addAll(add);
        remove.forEach(merged::remove);
        return List.copyOf(merged);
    }
}
