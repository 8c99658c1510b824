package io.taskbot.agent.offline;

import io.taskbot.agent.offline.Action.ListTasks;
import io.taskbot.agent.offline.Action.SearchTasks;
import io.taskbot.task.Priority;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Listing with filters ("what's due this week?", "show my #work tasks") and searching ("anything about the dog?"). */
final class QueryRules {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String NOUNS = "(?:tasks?|todos?|to-dos?|items?|reminders?|list|stuff|things|anything"
            + "|something)";

    private static final List<Pattern> SEARCHES = List.of(
            Pattern.compile("^(?:search|look\\s+for|look\\s+up|lookup|look\\s+through|hunt\\s+for|find|grep)"
                    + "(?:\\s+(?:for|through|in))?(?:\\s+(?:my|the|all)?\\s*(?:tasks?|todos?|to-dos?|list))?"
                    + "(?:\\s+(?:for|about|with|containing|mentioning|named|called|matching|that\\s+mentions?))?"
                    + "\\s*:?\\s*(?<query>.+)$", FLAGS),
            Pattern.compile("^(?:is\\s+there\\s+|are\\s+there\\s+|got\\s+)?(?:anything|something|any\\s+(?:tasks?|todos?))\\s+"
                    + "(?:with|about|mentioning|containing|that\\s+(?:says|mentions?))\\s+(?<query>.+?)"
                    + "(?:\\s+in\\s+(?:it|them|the\\s+title))?$", FLAGS),
            Pattern.compile("^(?:is\\s+there|are\\s+there|do\\s+i\\s+(?:already\\s+|still\\s+)?have|have\\s+i\\s+"
                    + "(?:already\\s+)?(?:got|added|created)|did\\s+i\\s+(?:already\\s+)?(?:add|create|put\\s+in)|got)"
                    + "\\s+(?:a|an|any|some)?\\s*" + NOUNS + "\\s+(?:about|for|with|mentioning|regarding|related\\s+to"
                    + "|called|named|containing|that\\s+mentions?|on|to|involving)\\s+(?<query>.+?)"
                    + "(?:\\s+(?:on|in)\\s+(?:my|the)\\s+(?:list|tasks|todos))?$", FLAGS),
            Pattern.compile("^(?:any|which|what|show(?:\\s+me)?|list)\\s+(?:of\\s+my\\s+)?(?:tasks?|todos?|to-dos?)"
                    + "\\s+(?:are\\s+)?(?:about|mentioning|mention|mentions|with|containing|contain|contains|regarding"
                    + "|related\\s+to|that\\s+mentions?|involving|include|includes|have|has)\\s+(?:the\\s+word\\s+)?"
                    + "(?<query>.+)$", FLAGS),
            Pattern.compile("^(?:tasks?|todos?)\\s+(?:about|mentioning|with|containing|regarding)\\s+(?<query>.+)$",
                    FLAGS));
    /** "when is the dentist appointment?": a question about one task is answered by finding it. */
    private static final List<Pattern> QUESTIONS_ABOUT_A_TASK = List.of(
            Pattern.compile("^(?:when|what\\s+time|what\\s+day|what\\s+date|where)(?:\\s+(?:is|are|was|do|did|does)"
                    + "|'s)\\s+(?:i\\s+have\\s+)?(?<query>.+?)(?:\\s+(?:due|scheduled|planned|set\\s+for))?$", FLAGS),
            Pattern.compile("^what(?:'s|\\s+is)\\s+(?:the\\s+)?(?:status|date|deadline|due\\s+date|time)\\s+(?:of|for|on)\\s+"
                    + "(?<query>.+)$", FLAGS),
            Pattern.compile("^what(?:'s|\\s+is)\\s+(?<query>.+?)(?:'s)?\\s+(?:status|date|deadline|due\\s+date|time)$",
                    FLAGS));
    private static final Pattern CREATES_NOT_SEARCHES = Pattern.compile(
            "^(?:a|an|someone|somebody|time|out|a\\s+way)\\b", FLAGS);
    private static final Pattern QUERY_FILLER_START = Pattern.compile(
            "^(?:(?:everything|anything|all|stuff|something|tasks?|todos?|things)\\s+(?:with|about|mentioning"
                    + "|containing|related\\s+to|on|for|regarding|that\\s+mentions?)\\s+|(?:the|a|an|my|any|some)\\s+)+",
            FLAGS);
    private static final Pattern QUERY_FILLER_END = Pattern.compile(
            "(?:\\s+(?:task|tasks|todo|todos|thing|one|ones|stuff|on\\s+my\\s+list|in\\s+my\\s+list|on\\s+the\\s+list"
                    + "|in\\s+my\\s+tasks|please))+$", FLAGS);

    private static final Pattern LIST_START = Pattern.compile(
            "^(?:show|list|display|view|see|print|(?:give|get|tell|read)\\s+(?:me|us|out)|pull\\s+up|bring\\s+up|what"
                    + "|what'?s|whats|which"
                    + "|how\\s+many|do\\s+i\\s+have|have\\s+i\\s+got|is\\s+there|are\\s+there|anything|any|am\\s+i"
                    + "|what\\s+else|remind\\s+me\\s+(?:what|of\\s+my)|gimme|lemme\\s+see|let\\s+me\\s+see"
                    + "|(?:open|check|recap|summari[sz]e|review)\\s+(?:my|all))\\b", FLAGS);
    private static final Pattern ADJECTIVE_LIST = Pattern.compile(
            "^(?:my\\s+|all\\s+)?(?:open|pending|completed|done|finished|overdue|urgent|important|remaining"
                    + "|outstanding|" + Utterance.SLOT + ")(?:\\s+" + Utterance.SLOT + ")*\\s+(?:priority\\s+)?"
                    + "(?:tasks|todos|to-dos|items|ones)$", FLAGS);
    private static final Pattern JUST_THE_LIST = Pattern.compile(
            "^(?:my\\s+|all\\s+(?:my\\s+)?)?(?:tasks|todos|to-dos|list|to-?do\\s+list|todo\\s+list|task\\s+list"
                    + "|agenda|schedule|everything)$", FLAGS);
    private static final Pattern TASK_NOUNS = Pattern.compile(
            "\\b(?:tasks?|todos?|to-?dos?|to\\s+do\\s+list|list|plate|agenda|schedule|items|reminders|everything"
                    + "|overview|summary)\\b", FLAGS);
    private static final Pattern FILTER_WORDS = Pattern.compile(
            "\\b(?:due|overdue|late|left|open|pending|remaining|outstanding|unfinished|incomplete|done|completed"
                    + "|finished|complete|accomplished|priority|next|tagged|labell?ed)\\b", FLAGS);
    private static final Pattern LIST_PHRASES = Pattern.compile(
            "\\b(?:(?:need|have|got)\\s+to\\s+(?:do|get\\s+done)|should\\s+i\\s+do|am\\s+i\\s+supposed\\s+to\\s+do"
                    + "|i\\s+(?:need|have)\\s+to\\s+do|do\\s+i\\s+have|have\\s+i\\s+got|is\\s+(?:on|coming)\\s+up"
                    + "|'s\\s+on|is\\s+on|have\\s+i\\s+(?:done|completed|finished|accomplished|ticked\\s+off|checked\\s+off"
                    + "|crossed\\s+off)"
                    + "|i'?ve\\s+(?:done|completed|finished|accomplished)|(?:'s|is)\\s+(?:next|left|coming))\\b", FLAGS);

    private static final Pattern NOT_DONE = Pattern.compile(
            "\\b(?:not\\s+(?:yet\\s+)?(?:done|finished|completed|complete)|un(?:finished|done|completed)|incomplete"
                    + "|haven'?t\\s+(?:i\\s+)?(?:yet\\s+)?(?:done|finished|completed)|have\\s+not\\s+(?:yet\\s+)?"
                    + "(?:done|finished|completed)|open|pending|left|remaining|outstanding|still\\s+to\\s+do"
                    + "|to\\s+do\\b(?!\\s+list)|need\\s+to\\s+do|have\\s+to\\s+do|supposed\\s+to\\s+do|should\\s+i\\s+do"
                    + "|active|next|overdue|late|past\\s+due|still)\\b", FLAGS);
    private static final Pattern DONE = Pattern.compile(
            "\\b(?:done|finished|completed|complete|accomplished|ticked\\s+off|checked\\s+off|crossed\\s+off)\\b",
            FLAGS);
    private static final Pattern GROUP_WORD = Pattern.compile(
            "\\b(?:show|list|see|view|display|give|get|pull\\s+up)\\s+(?:me\\s+)?(?:all\\s+)?(?:of\\s+)?(?:my|the)\\s+"
                    + "(?<tag>\\p{L}[\\p{L}\\d_-]*)\\s+(?:tasks|todos|to-dos|stuff|items|things|ones|list)\\b", FLAGS);
    private static final java.util.Set<String> NOT_A_TAG = java.util.Set.of("open", "completed", "done", "pending",
            "finished", "unfinished", "remaining", "outstanding", "overdue", "old", "new", "current", "active",
            "recent", "other", "late", "upcoming", "next", "last", "first", "whole", "entire", "full", "todo", "to-do",
            "task", "own", "all", "closed", "incomplete", "complete", "checked", "ticked", "important", "urgent");
    /** "low priority stuff", "#work things": filters and a word for tasks make a listing. */
    private static final Pattern SLOTS_AND_NOUN = Pattern.compile(
            "^(?:(?:my|the|all|any)\\s+)*(?:" + Utterance.SLOT + "\\s*)+(?:priority\\s+)?(?:stuff|tasks|todos|to-dos|things"
                    + "|items|ones)$", FLAGS);
    /** "which ones did I finish?" asks for the done tasks. */
    private static final Pattern FINISHED_QUESTION = Pattern.compile(
            "^(?:which|what)\\s+(?:ones|tasks|things|todos|stuff)?\\s*(?:did|have|'ve)\\s+(?:i|we)\\s+(?:already\\s+)?"
                    + "(?:finish|finished|complete|completed|do|done|tick\\s+off|ticked\\s+off|check\\s+off)\\b", FLAGS);
    private static final Pattern OVERDUE = Pattern.compile("\\b(?:overdue|late|past\\s+due|missed)\\b", FLAGS);
    private static final Pattern WORD_TAG = Pattern.compile(
            "\\b(?:tagged|labell?ed|with\\s+(?:the\\s+)?(?:tag|label))\\s+(?:as\\s+|with\\s+)?(?<tag>[\\p{L}\\d_-]+)",
            FLAGS);
    private static final Pattern BARE_LEVEL = Pattern.compile(
            "\\b(?<level>high|low|medium)(?:[\\s-]+priority)?\\s+(?:tasks|todos|to-dos|items|ones)\\b", FLAGS);

    private QueryRules() {
    }

    static boolean search(Turn turn, String body) {
        for (Pattern pattern : SEARCHES) {
            Matcher matcher = pattern.matcher(body);
            if (!matcher.matches()) {
                continue;
            }
            String query = matcher.group("query");
            if (CREATES_NOT_SEARCHES.matcher(query).find() && body.toLowerCase(Locale.ROOT).startsWith("find")) {
                return false;
            }
            if (turn.utterance.isOnly(query, Utterance.When.class)) {
                return list(turn, body, true);
            }
            String cleaned = cleanQuery(turn, query);
            if (cleaned.isEmpty()) {
                return list(turn, body, true);
            }
            turn.emit(new SearchTasks(cleaned));
            return true;
        }
        for (Pattern pattern : QUESTIONS_ABOUT_A_TASK) {
            Matcher matcher = pattern.matcher(body);
            if (matcher.matches() && turn.referenceStrength(matcher.group("query"), Turn.Purpose.CHANGE)
                    >= TaskMatcher.ACCEPTED) {
                String cleaned = cleanQuery(turn, matcher.group("query"));
                if (!cleaned.isEmpty()) {
                    turn.emit(new SearchTasks(cleaned));
                    return true;
                }
            }
        }
        return false;
    }

    static boolean list(Turn turn, String body) {
        return list(turn, body, false);
    }

    private static boolean list(Turn turn, String body, boolean alreadyKnown) {
        Utterance utterance = turn.utterance;
        String words = utterance.verbatim(body).toLowerCase(Locale.ROOT);
        List<Utterance.When> whens = utterance.slotsIn(body, Utterance.When.class);
        List<Utterance.Urgency> urgencies = utterance.slotsIn(body, Utterance.Urgency.class);
        List<Utterance.Label> labels = utterance.slotsIn(body, Utterance.Label.class);
        String knownTag = knownTagIn(turn, words);
        boolean filtered = !urgencies.isEmpty() || !labels.isEmpty() || knownTag != null;
        if (!alreadyKnown && !isListRequest(body, words, filtered)) {
            return false;
        }
        Boolean completed = null;
        if (NOT_DONE.matcher(words).find()) {
            completed = false;
        } else if (DONE.matcher(words).find()) {
            completed = true;
        }
        Priority priority = urgencies.isEmpty() ? null : urgencies.get(0).priority();
        Matcher bareLevel = BARE_LEVEL.matcher(words);
        if (priority == null && bareLevel.find()) {
            priority = PriorityPhrases.levelOf(bareLevel.group("level"));
        }
        String tag = labels.isEmpty() ? null : labels.get(0).tag();
        Matcher wordTag = WORD_TAG.matcher(words);
        if (tag == null && wordTag.find()) {
            tag = wordTag.group("tag");
        }
        if (tag == null) {
            tag = knownTag;
        }
        Matcher namedGroup = GROUP_WORD.matcher(words);
        if (tag == null && namedGroup.find() && !NOT_A_TAG.contains(namedGroup.group("tag"))) {
            // "show my work tasks": a word that sorts the tasks is a tag even before any task carries it
            tag = namedGroup.group("tag");
        }
        if (completed == null && FINISHED_QUESTION.matcher(words).find()) {
            completed = true;
        }
        String dueBefore = null;
        String dueAfter = null;
        if (OVERDUE.matcher(words).find()) {
            dueBefore = turn.context.today().minusDays(1).toString();
            completed = false;
        } else if (!whens.isEmpty()) {
            Due due = whens.get(0).due();
            if (due.bound() != Due.Bound.AFTER) {
                dueBefore = due.rangeEnd().toString();
            }
            if (due.bound() != Due.Bound.BY) {
                dueAfter = due.rangeStart().toString();
            }
        }
        turn.emit(new ListTasks(completed, priority, tag, dueBefore, dueAfter));
        return true;
    }

    /** A tag the user's tasks carry, named as a word ("any errands?", "show my work stuff"). */
    private static String knownTagIn(Turn turn, String words) {
        for (TaskRef task : turn.context.tasks()) {
            for (String tag : task.tags()) {
                if (Pattern.compile("\\b" + Pattern.quote(tag) + "\\b", FLAGS).matcher(words).find()) {
                    return tag;
                }
            }
        }
        return null;
    }

    private static boolean isListRequest(String body, String words, boolean hasFilterSlot) {
        String stripped = body.strip();
        if (SLOTS_AND_NOUN.matcher(stripped).matches() || FINISHED_QUESTION.matcher(words).find()) {
            return true;
        }
        if (JUST_THE_LIST.matcher(stripped).matches() || ADJECTIVE_LIST.matcher(stripped).matches()) {
            return true;
        }
        if (!LIST_START.matcher(words).find()) {
            return false;
        }
        // a date alone does not make a list request: "what's the weather tomorrow?" is not about tasks
        return TASK_NOUNS.matcher(words).find() || FILTER_WORDS.matcher(words).find() || hasFilterSlot
                || LIST_PHRASES.matcher(words).find();
    }

    /**
     * The words to search for. Search matches literally, so when the phrase as said is in no title ("renewing the
     * passport"), the last word that is ("passport") is searched instead.
     */
    private static String cleanQuery(Turn turn, String maskedQuery) {
        String query = turn.utterance.plain(maskedQuery).replaceAll("[?!.]+$", "").strip();
        String previous;
        do {
            previous = query;
            query = QUERY_FILLER_START.matcher(query).replaceFirst("");
            query = QUERY_FILLER_END.matcher(query).replaceFirst("");
            query = query.replaceAll("^[\"']|[\"']$", "").strip();
        } while (!query.equals(previous));
        if (query.isEmpty() || turn.context.tasks().isEmpty() || mentionedLiterally(turn, query)) {
            return query;
        }
        List<String> words = Words.tokens(query);
        for (int i = words.size() - 1; i >= 0; i--) {
            String word = words.get(i);
            if (Words.isStopWord(word)) {
                continue;
            }
            if (mentionedLiterally(turn, word)) {
                return word;
            }
            String stem = Words.stem(word);
            if (stem.length() >= 3 && mentionedLiterally(turn, stem)) {
                return titleWordStartingWith(turn, stem);
            }
        }
        return query;
    }

    /** "expens" → "expense": the word as a title spells it, which is what a person would search for. */
    private static String titleWordStartingWith(Turn turn, String stem) {
        for (TaskRef task : turn.context.tasks()) {
            for (String word : Words.tokens(task.title())) {
                if (word.startsWith(stem.toLowerCase(Locale.ROOT))) {
                    return word;
                }
            }
        }
        return stem;
    }

    private static boolean mentionedLiterally(Turn turn, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return turn.context.tasks().stream().anyMatch(task -> task.title().toLowerCase(Locale.ROOT).contains(needle));
    }
}
