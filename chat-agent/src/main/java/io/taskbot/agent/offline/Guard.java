package io.taskbot.agent.offline;

import io.taskbot.agent.offline.Action.ConfirmBulk;
import io.taskbot.agent.offline.Action.DeleteTask;
import io.taskbot.agent.offline.Action.Reply;
import io.taskbot.agent.offline.Action.UpdateTask;
import io.taskbot.agent.offline.PendingConfirmation.Kind;
import io.taskbot.task.Priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safety rules. Text that tries to change the assistant's rules is refused outright; a change to many tasks at
 * once becomes a question, and only a clear yes on the next turn carries it out. Quoted text and task titles never
 * reach these rules as instructions: quotes are masked before they run, and titles are only ever compared.
 */
final class Guard {

    static final String REFUSAL = "I can't do that. I only act on your own task requests, and I always ask before "
            + "deleting or completing many tasks at once.";
    static final String CANCELLED = "Okay, I've left your tasks as they are.";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern INJECTION = Pattern.compile(
            "\\b(?:ignore|disregard|forget|override|bypass|skip|drop|overrule)\\s+(?:(?:all|any|the|your|my|of|these"
                    + "|those|every|previous|prior|earlier|above|preceding|system|safety|original|current|existing|"
                    + "such)\\s+)*(?:instructions?|rules?|prompts?|guidelines|guardrails|restrictions|constraints"
                    + "|directives|programming|polic(?:y|ies)|safeguards|confirmations?|orders|limits|settings)\\b"
                    + "|\\bforget\\s+(?:everything|all)\\s+(?:you|that|i|we|above|before)\\b"
                    + "|\\b(?:system\\s+prompt|system\\s+message|developer\\s+mode|admin\\s+mode|god\\s+mode|jailbreak"
                    + "|dan\\s+mode|sudo\\s+mode|maintenance\\s+mode|debug\\s+mode|root\\s+access)\\b"
                    + "|\\byou\\s+are\\s+now\\b|\\bfrom\\s+now\\s+on\\s+you\\b|\\bpretend\\s+(?:to\\s+be|you\\s+are)\\b"
                    + "|\\bact\\s+as\\s+(?:an?\\s+|the\\s+)?(?:admin|root|system|developer|unrestricted|different)\\b"
                    + "|\\bnew\\s+(?:instructions?|rules|orders)\\b|\\bupdated\\s+instructions?\\b"
                    + "|^\\s*(?:system|assistant|developer|admin|root)\\s*[:>\\]]"
                    + "|\\bno\\s+(?:rules|restrictions|limits|guardrails|filters|safeguards)\\b"
                    + "|\\byou\\s+are\\s+(?:a|an)\\s+(?:[\\p{L}-]+\\s+){0,3}(?:assistant|ai|bot|model|agent)\\s+"
                    + "(?:with|without|that|who)\\b"
                    + "|\\b(?:do|follow|execute|run|obey|carry\\s+out|perform)\\s+(?:what(?:ever)?|the\\s+"
                    + "(?:instructions?|commands?)\\s+in)\\s+(?:my|the|that|this)\\s+(?:[\\p{L}]+\\s+)?"
                    + "(?:task|todo|title|note|description)s?\\b"
                    + "|\\b(?:instructions?|commands?)\\s+(?:in|from)\\s+(?:my|the)\\s+(?:tasks?|todos?|titles?)\\b",
            FLAGS);

    private static final String TASK_NOUN = "(?:tasks?|todos?|to-dos?|items?|reminders?|things|stuff|ones?|entries"
            + "|of\\s+them|of\\s+those|of\\s+these)";
    private static final String SCOPE_FILTER = "(?:(?:completed|done|finished|ticked(?:\\s+off)?|checked|old|open"
            + "|pending|unfinished|remaining|outstanding|current|active|overdue|" + Utterance.SLOT + ")\\s+)*";
    private static final Pattern ALL_SCOPE = Pattern.compile(
            "\\b(?:(?:all|every(?:\\s+single)?|each)(?:\\s+(?:of\\s+)?(?:my|the|your|these|those))?\\s+"
                    + SCOPE_FILTER + "(?:(?<topic>\\p{L}[\\p{L}-]*)\\s+)?" + TASK_NOUN + "\\b"
                    + "|everything|every\\s*thing|(?<!after\\s)(?<!at\\s)all\\s*$|all(?=\\s+(?:as\\s+)?(?:done|complete|completed|finished"
                    + "|off|now|please|at\\s+once|of\\s+them))|them\\s+all|all\\s+of\\s+them"
                    + "|(?:my|the)\\s+(?:whole|entire|complete|full)\\s+(?:to-?do\\s+|todo\\s+|task\\s+)?list)", FLAGS);
    private static final Pattern WHOLE_LIST = Pattern.compile(
            "\\b(?:clear|empty|wipe|reset|purge|nuke|clean\\s+out|delete|erase|trash|remove|scrap)\\s+(?:out\\s+)?"
                    + "(?:my|the)\\s+(?:whole\\s+|entire\\s+)?(?:to-?do\\s+|todo\\s+|task\\s+)?(?:list|tasks|todos|to-dos)\\b"
                    // "delete the tasks about X and Y" names tasks; it is not the whole list
                    + "(?!\\s+(?:about|for|with|called|named|titled|that|which|where|mentioning|containing)\\b)"
                    + "|\\b(?:start\\s+over|start\\s+(?:from\\s+)?fresh|clean\\s+slate|start\\s+from\\s+scratch)\\b",
            FLAGS);
    /** "clear completed tasks", "delete the done ones": the finished part of the list, without an "all". */
    private static final Pattern FINISHED_PART = Pattern.compile(
            "\\b(?:delete|remove|clear|purge|clean\\s+up|clean\\s+out|wipe|trash|get\\s+rid\\s+of|archive)\\s+"
                    + "(?:out\\s+)?(?:all\\s+)?(?:of\\s+)?(?:the\\s+|my\\s+)?(?:completed|done|finished|ticked(?:\\s+off)?"
                    + "|checked\\s+off)(?:\\s+(?:tasks|todos|to-dos|ones|items|stuff))?\\s*$", FLAGS);
    /** "delete them", "mark those as done": every task of the last listing. */
    private static final Pattern LISTED_SCOPE = Pattern.compile(
            "\\b(?:them|those|these|both)(?:\\s+(?:tasks|todos|to-dos|ones|items|two|three))?"
                    + "(?:\\s+(?:as\\s+)?(?:done|complete|completed|finished|off|open|undone))?"
                    + "(?:\\s+(?:please|now|too|as\\s+well))?[.!]*\\s*$", FLAGS);
    private static final Pattern DELETE_VERB = Pattern.compile(
            "\\b(?:delete|remove|erase|clear|wipe|trash|purge|empty|nuke|reset|scrap|get\\s+rid\\s+of|bin|destroy"
                    + "|drop|discard|throw\\s+(?:away|out)|cancel)\\b", FLAGS);
    private static final Pattern REOPEN_VERB = Pattern.compile(
            "\\b(?:reopen|re-open|unmark|uncheck|untick|restore|undo)\\b|\\bas\\s+(?:not\\s+done|undone|open"
                    + "|incomplete|pending)\\b", FLAGS);
    private static final Pattern COMPLETE_VERB = Pattern.compile(
            "\\b(?:mark|complete|finish|finished|completed|tick|cross|did|done|check\\s+off|close\\s+out)\\b", FLAGS);
    private static final Pattern ALL_DONE = Pattern.compile(
            "\\b(?:everything|all\\s+(?:of\\s+)?(?:my\\s+|the\\s+)?(?:tasks|todos|to-dos))\\s+(?:is|are|'s)\\s+"
                    + "(?:now\\s+)?(?:done|finished|complete|completed)\\b", FLAGS);
    /** "add everything for the party" is a new task, not a bulk change. */
    private static final Pattern CREATING = Pattern.compile(
            "^(?:(?:please|also|and|hey|ok|okay)[,\\s]+)*(?:add|create|new\\s+task|remind|put|note|jot|todo:|task:"
                    + "|i\\s+(?:need|have|must|should|want)\\s+to|don'?t\\s+forget|remember)\\b", FLAGS);
    private static final Pattern COMPLETED_FILTER = Pattern.compile(
            "\\b(?:completed|done|finished|ticked|checked|old)\\s+" + "(?:" + Utterance.SLOT + "\\s+)*" + TASK_NOUN
                    + "|\\b(?:that\\s+are|which\\s+are|i'?ve|i\\s+have|already)\\s+(?:already\\s+)?(?:done|completed"
                    + "|finished)", FLAGS);
    private static final Pattern OPEN_FILTER = Pattern.compile(
            "\\b(?:open|pending|unfinished|remaining|outstanding|active|overdue)\\s+(?:" + Utterance.SLOT + "\\s+)*"
                    + TASK_NOUN, FLAGS);
    private static final Pattern TAGGED_WORD = Pattern.compile(
            "\\b(?:tagged|labell?ed|with\\s+(?:the\\s+)?(?:tag|label))\\s+#?([\\p{L}\\d_-]+)", FLAGS);
    /** "remove the due date from all my tasks" removes a field, never the tasks; it is no bulk deletion. */
    private static final Pattern FIELD_CHANGE = Pattern.compile(
            "\\b(?:due\\s+dates?|deadlines?|dates|tags?|labels?|priority|priorities|descriptions?|notes?)\\s+"
                    + "(?:from|of|on|off|for)\\b", FLAGS);
    private static final Pattern HOW_TO = Pattern.compile("^\\s*(?:how|can\\s+i|is\\s+it\\s+possible)\\b", FLAGS);

    private static final Set<String> YES = Set.of("yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "ok",
            "okay", "k", "confirm", "confirmed", "proceed", "absolutely", "definitely", "correct", "affirmative",
            "ahead", "do", "yes!");
    private static final Set<String> YES_FILLER = Set.of("it", "go", "please", "i'm", "im", "i", "am", "of",
            "course", "right", "delete", "them", "all", "everything", "mark", "done", "complete", "that's", "thats",
            "fine", "for", "indeed", "sounds", "good", "let's", "lets", "reopen", "remove", "just", "totally",
            "certain", "very", "much", "thanks", "thank", "you", "sir", "that", "is", "what", "want", "really",
            "now", "the", "tasks", "those", "ones", "both");
    private static final Set<String> NO = Set.of("no", "nope", "nah", "not", "don't", "dont", "cancel", "stop",
            "wait", "keep", "never", "abort", "hold", "n't", "negative", "mind", "hmm", "maybe", "actually");

    /** How each confirmation question starts; {@link #kindAsked} reads the kind back from the next turn's history. */
    private static final java.util.Map<Kind, String> QUESTION_OPENINGS = new java.util.EnumMap<>(java.util.Map.of(
            Kind.DELETE, "Delete ", Kind.COMPLETE, "Mark ", Kind.REOPEN, "Reopen "));

    private Guard() {
    }

    /** The kind of bulk change a confirmation question of this guard asked about, if the text is one. */
    static Optional<Kind> kindAsked(String question) {
        return QUESTION_OPENINGS.entrySet().stream().filter(opening -> question.startsWith(opening.getValue()))
                .map(java.util.Map.Entry::getKey).findFirst();
    }

    /** Whether the text tries to change the rules (quoted parts excluded). */
    static boolean isInjection(Utterance utterance) {
        return INJECTION.matcher(utterance.masked()).find();
    }

    /**
     * "both of them are done", "delete the first two": a change to two or three tasks of the last listing, named by
     * position. That names specific tasks, so it runs without a confirmation; "all of them" still asks.
     */
    private static final Pattern FEW_LISTED = Pattern.compile(
            "\\b(?:(?<both>both)(?:\\s+of\\s+(?:them|those|these))?(?:\\s+(?:tasks|ones|items))?"
                    + "|(?:the\\s+)?(?<edge>first|last|top|bottom)\\s+(?<n>two|three|2|3)(?:\\s+(?:ones|tasks|items|of\\s+them))?)"
                    + "(?=\\s|$|[.!?,])", FLAGS);
    private static final Pattern DONE_STATEMENT = Pattern.compile(
            "\\b(?:are|'re|were)\\s+(?:now\\s+|all\\s+|both\\s+)?(?:done|finished|complete|completed|sorted|handled)\\b", FLAGS);

    /** "both done", "first two finished": the state right after the tasks it is about. */
    private static final Pattern DONE_RIGHT_AFTER = Pattern.compile(
            "^\\s*(?:are\\s+|'re\\s+|were\\s+)?(?:now\\s+|all\\s+)?(?:done|finished|complete|completed|sorted|handled)\\b", FLAGS);

    static List<Action> fewListed(Utterance utterance, ConversationContext context) {
        String text = utterance.masked();
        Matcher few = FEW_LISTED.matcher(text);
        List<String> listed = context.lastListedIds();
        if (!few.find() || listed.isEmpty() || CREATING.matcher(text).find()) {
            return List.of();
        }
        List<String> ids;
        if (few.group("both") != null) {
            ids = listed.size() == 2 ? listed : List.of();
        } else {
            int n = few.group("n").startsWith("t") && few.group("n").length() > 1
                    ? (few.group("n").equalsIgnoreCase("two") ? 2 : 3) : Integer.parseInt(few.group("n"));
            boolean fromEnd = few.group("edge").equalsIgnoreCase("last") || few.group("edge").equalsIgnoreCase("bottom");
            ids = n > listed.size() ? List.of()
                    : fromEnd ? listed.subList(listed.size() - n, listed.size()) : listed.subList(0, n);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Kind kind;
        if (verbBefore(DELETE_VERB, text, few.start())) {
            kind = Kind.DELETE;
        } else if (REOPEN_VERB.matcher(text).find()) {
            kind = Kind.REOPEN;
        } else if (verbBefore(COMPLETE_VERB, text, few.start()) || DONE_STATEMENT.matcher(text).find()
                || DONE_RIGHT_AFTER.matcher(text.substring(few.end())).find()) {
            kind = Kind.COMPLETE;
        } else {
            return List.of();
        }
        List<Action> actions = new ArrayList<>();
        for (String id : ids) {
            if (context.tasks().stream().anyMatch(task -> task.id().equals(id))) {
                actions.add(switch (kind) {
                    case DELETE -> new DeleteTask(id);
                    case COMPLETE -> UpdateTask.completing(id, true);
                    case REOPEN -> UpdateTask.completing(id, false);
                });
            }
        }
        return actions;
    }

    /** A bulk change turned into a confirmation question, if the message asks for one. */
    static Optional<Action> bulkRequest(Utterance utterance, ConversationContext context) {
        String text = utterance.masked();
        if (HOW_TO.matcher(text).find() || CREATING.matcher(text).find() || FIELD_CHANGE.matcher(text).find()) {
            return Optional.empty();
        }
        boolean wholeList = WHOLE_LIST.matcher(text).find();
        boolean finishedPart = FINISHED_PART.matcher(text).find();
        Matcher allScope = ALL_SCOPE.matcher(text);
        int scopeAt = allScope.find() ? allScope.start() : -1;
        Matcher listedScope = LISTED_SCOPE.matcher(text);
        boolean listed = scopeAt < 0 && !wholeList && !finishedPart && context.lastListedIds().size() > 1
                && listedScope.find();
        if (listed) {
            scopeAt = listedScope.start();
        }
        if (!wholeList && !finishedPart && scopeAt < 0) {
            return Optional.empty();
        }
        Kind kind;
        if (wholeList || finishedPart || verbBefore(DELETE_VERB, text, scopeAt)) {
            kind = Kind.DELETE;
        } else if (verbBefore(REOPEN_VERB, text, scopeAt)) {
            kind = Kind.REOPEN;
        } else if (verbBefore(COMPLETE_VERB, text, scopeAt) || ALL_DONE.matcher(text).find()) {
            kind = Kind.COMPLETE;
        } else {
            return Optional.empty();
        }
        Predicate<TaskRef> scope = listed
                ? task -> context.lastListedIds().contains(task.id()) && switch (kind) {
                    case DELETE -> true;
                    case COMPLETE -> !task.completed();
                    case REOPEN -> task.completed();
                }
                : scopeOf(utterance, text, kind);
        List<String> ids = context.tasks().stream().filter(scope).map(TaskRef::id).toList();
        if (ids.isEmpty()) {
            return Optional.of(new Reply(switch (kind) {
                case DELETE -> "There are no such tasks to delete.";
                case COMPLETE -> "There are no open tasks to complete.";
                case REOPEN -> "There are no completed tasks to reopen.";
            }));
        }
        String count = ids.size() == 1 ? "1 task" : ids.size() + " tasks";
        String question = QUESTION_OPENINGS.get(kind) + count + switch (kind) {
            case DELETE -> "? Say yes to confirm; you can undo it right after.";
            case COMPLETE -> " as done? Say yes to confirm.";
            case REOPEN -> "? Say yes to confirm.";
        };
        return Optional.of(new ConfirmBulk(new PendingConfirmation(kind, ids), question));
    }

    /** Whether the verb comes before the "all" it acts on ("delete all", not "all I did was delete"). */
    private static boolean verbBefore(Pattern verb, String text, int scopeAt) {
        Matcher matcher = verb.matcher(text);
        return matcher.find() && (scopeAt < 0 || matcher.start() < scopeAt);
    }

    private static Predicate<TaskRef> scopeOf(Utterance utterance, String text, Kind kind) {
        Predicate<TaskRef> scope = switch (kind) {
            case DELETE -> task -> true;
            case COMPLETE -> task -> !task.completed();
            case REOPEN -> TaskRef::completed;
        };
        if (kind == Kind.DELETE && (COMPLETED_FILTER.matcher(text).find() || FINISHED_PART.matcher(text).find())) {
            scope = TaskRef::completed;
        } else if (kind == Kind.DELETE && OPEN_FILTER.matcher(text).find()) {
            scope = task -> !task.completed();
        }
        List<String> tags = new ArrayList<>(utterance.slotsIn(text, Utterance.Label.class).stream()
                .map(Utterance.Label::tag).toList());
        Matcher taggedWord = TAGGED_WORD.matcher(text);
        if (taggedWord.find()) {
            tags.add(taggedWord.group(1).toLowerCase(Locale.ROOT));
        }
        if (!tags.isEmpty()) {
            scope = scope.and(task -> task.tags().stream().anyMatch(tags::contains));
        }
        Matcher all = ALL_SCOPE.matcher(text);
        String topic = all.find() ? RegexGroups.optional(all, "topic") : null;
        if (topic != null && !Words.isStopWord(topic)) {
            // "delete all my work tasks", "all the shopping stuff": only the tasks tagged so or about it, never all
            String word = topic.toLowerCase(Locale.ROOT);
            String stem = Words.stem(word);
            scope = scope.and(task -> task.tags().contains(word) || Words.contentStems(task.title()).contains(stem));
        }
        List<Priority> priorities = utterance.slotsIn(text, Utterance.Urgency.class).stream()
                .map(Utterance.Urgency::priority).toList();
        if (!priorities.isEmpty()) {
            scope = scope.and(task -> priorities.contains(task.priority()));
        }
        return scope;
    }

    /**
     * The answer to a pending confirmation: a clear yes carries it out (on the tasks that still exist), anything
     * else cancels it; a message that is more than a no is then read as a new request.
     */
    static List<Action> answer(String text, ConversationContext context, TaskTalkInterpreter interpreter) {
        PendingConfirmation pending = context.pending();
        if (isYes(text)) {
            List<Action> actions = new ArrayList<>();
            for (String id : pending.ids()) {
                if (context.tasks().stream().noneMatch(task -> task.id().equals(id))) {
                    continue;
                }
                actions.add(switch (pending.kind()) {
                    case DELETE -> new DeleteTask(id);
                    case COMPLETE -> UpdateTask.completing(id, true);
                    case REOPEN -> UpdateTask.completing(id, false);
                });
            }
            return actions.isEmpty() ? List.of(new Reply("Those tasks are already gone.")) : actions;
        }
        List<Action> actions = new ArrayList<>();
        actions.add(new Reply(CANCELLED));
        if (!isPlainNo(text)) {
            for (Action action : interpreter.interpret(text, context.withPending(null))) {
                if (!(action instanceof Reply)) {
                    actions.add(action);
                }
            }
        }
        return actions;
    }

    static boolean isYes(String text) {
        List<String> words = Words.tokens(text.toLowerCase(Locale.ROOT).replace("go ahead", "ahead"));
        if (words.isEmpty() || words.stream().anyMatch(NO::contains)) {
            return false;
        }
        boolean affirmed = false;
        for (String word : words) {
            if (YES.contains(word)) {
                affirmed = true;
            } else if (!YES_FILLER.contains(word)) {
                return false;
            }
        }
        return affirmed;
    }

    private static boolean isPlainNo(String text) {
        List<String> words = Words.tokens(text.toLowerCase(Locale.ROOT));
        Matcher anyNo = Pattern.compile("^(?:no|nope|nah|cancel|stop|wait|don'?t|never\\s*mind|abort|keep)\\b",
                FLAGS).matcher(text.strip());
        return words.isEmpty() || anyNo.find() && words.size() <= 6;
    }
}
