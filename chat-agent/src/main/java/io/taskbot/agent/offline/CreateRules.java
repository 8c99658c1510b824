package io.taskbot.agent.offline;

import io.taskbot.agent.offline.Action.AskBack;
import io.taskbot.agent.offline.Action.CreateTask;
import io.taskbot.task.Priority;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * New tasks: "add X", "remind me to X", "I need to X", "new todo: X", "put X on my list", lists of several tasks,
 * and bare imperatives ("call grandma on sunday"). Dates, priorities and tags come from the slots inside each task's
 * words, or from the ones in the request's opening ("urgent: …", "remind me tomorrow to …") for all of them.
 */
final class CreateRules {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL;
    /** Any number of slot markers, where priority or date words may sit inside a request's opening. */
    private static final String SLOTS = "(?:\\s*" + Utterance.SLOT + ")*";
    private static final String NOUN = "(?:tasks?|todos?|to-dos?|items?|reminders?|entry|entries|notes?|ones?|things)";
    private static final String LIST = "(?:my|the|our)\\s+(?:(?:to[-\\s]?do|task|shopping|tasks)\\s+)?"
            + "(?:list|tasks|todos|to-dos)";
    private static final String COUNT = "(?<count>two|three|four|five|six|seven|2|3|4|5|6|7|a\\s+few|several|some"
            + "|multiple|a\\s+couple\\s+of|a\\s+couple)";

    /** Headings that manage the list rather than name what goes on it ("delete: a, b"). */
    private static final String MANAGING = "delete|remove|complete|completed|finish|finished|done|mark|rename|move"
            + "|reopen|cancel|drop|clear|tag|untag|update|change|edit|note|description|fix|show|list|find|search";

    private record Opening(Pattern pattern, boolean dropLeadingArticle) {
    }

    private static final List<Opening> OPENINGS = List.of(
            opening("^(?:add|create|make|log|new)\\s+" + COUNT + "\\s*(?::|-)\\s*(?<body>.+)$"),
            opening("^" + COUNT + "\\s+(?:(?:more|new|other)\\s+)?(?:things|tasks|todos|to-dos|items|reminders)"
                    + "(?:\\s+(?:to\\s+(?:add|do|remember)|for\\s+(?:my|the)\\s+list))?\\s*(?::|-)\\s*(?<body>.+)$"),
            opening("^(?<multi>(?:[-*\\u2022]|\\d{1,2}[.)])\\s*)(?<body>[^\\n]+(?:\\n\\s*(?:[-*\\u2022]|\\d{1,2}[.)])\\s*[^\\n]+)+)$"),
            opening("^(?:add|create|make|log|open|start|set\\s+up|put\\s+in|enter|put\\s+down)\\s+"
                    + "(?<multi>these|the\\s+following|this\\s+list\\s+of|all\\s+of\\s+these|all\\s+these)"
                    + "(?:\\s+" + NOUN + ")?(?:\\s+(?:to|on|onto)\\s+" + LIST + ")?\\s*(?::|-)?\\s*(?<body>.+)$"),
            opening("^(?:add|create|make|log|open|start|set\\s+up|set|put\\s+in|enter)\\s+"
                    + "(?:(?:a|an|the|another|one|some|new|quick|extra)\\s+)*" + SLOTS + "\\s*(?:" + COUNT + "\\s+)?"
                    + SLOTS + "\\s*(?:(?:new|more|other|separate)\\s+)?" + SLOTS + "\\s*(?<noun>" + NOUN + ")"
                    + "(?:\\s+due)?" + SLOTS + "(?:\\s+(?:to|on)\\s+" + LIST + ")?"
                    + "(?:\\s+(?:to|for|called|named|titled|saying|that\\s+says|about|of)(?=\\s))?\\s*(?::|-)?\\s*"
                    + "(?<body>.+)$"),
            opening("^(?:put|throw|stick|pop|toss|chuck|slap|drop)\\s+(?<body>.+?)(?<!\\sback)\\s+(?:on|onto|in|into)\\s+"
                    + LIST + "$"),
            opening("^add\\s+(?:to|on|onto)\\s+" + LIST + "\\s*(?::|-)?\\s*(?<body>.+)$"),
            opening("^add\\s+(?<body>.+?)(?<!\\sback)\\s+(?:to|on|onto|in|into)\\s+" + LIST + "$"),
            opening("^add(?:\\s*:|\\s+-)?\\s+(?<body>.+)$"),
            opening("^new\\s+" + NOUN + "\\s*(?::|-|to|called|named)?\\s*(?<body>.+)$"),
            opening("^(?:task|todo|to-do|to\\s+do|reminder|note\\s+to\\s+self|note)\\s*(?::|-)\\s*(?<body>.+)$"),
            opening("^note\\s+to\\s+self\\s+(?<body>.+)$"),
            opening("^(?:a\\s+)?(?:memo|note|reminder|notice)\\s+(?:to|for)\\s+(?:self|me|myself)\\s*(?::|-)?\\s*"
                    + "(?:to\\s+)?(?<body>.+)$"),
            opening("^(?:a\\s+)?reminder\\s+(?:for\\s+me\\s+)?to\\s+(?<body>.+)$"),
            opening("^(?:put|write|stick|throw|pop)\\s+(?:on|onto|to|in|into)\\s+" + LIST + "\\s*(?::|-)?\\s*(?<body>.+)$"),
            opening("^(?:i|we)\\s+(?:(?:totally|completely|almost|just|kinda|kind\\s+of|always)\\s+)*"
                    + "(?:forgot|keep\\s+forgetting|never\\s+remember)\\s+to\\s+(?<body>.+)$"),
            new Opening(Pattern.compile("^remind\\s+me" + SLOTS + "\\s*(?:about|of)\\s+(?<body>.+)$", FLAGS), true),
            opening("^remind\\s+me" + SLOTS + "\\s*(?:to|that\\s+i\\s+(?:have|need|must|should|gotta)(?:\\s+to)?"
                    + "|that)\\s+(?<body>.+)$"),
            opening("^(?:please\\s+)?remember\\s+(?:to|(?:that\\s+)?i\\s+(?:have|need|must|should|gotta)(?:\\s+to)?"
                    + "|that)\\s+(?<body>.+)$"),
            opening("^(?:don'?t|do\\s+not|dont)\\s+(?:let\\s+me\\s+)?forget\\s*(?::|-)?\\s*"
                    + "(?:to|that\\s+i\\s+(?:have|need)\\s+to|about)?\\s*(?<body>.+)$"),
            opening("^(?:i|we)(?:'ve|\\s+have|'d|\\s+would|'m|\\s+am|'ll|\\s+will)?\\s+(?:(?:really|still|also|definitely"
                    + "|just|totally|absolutely|seriously|probably|should)\\s+)*(?:need|have|got|gotta|must|should"
                    + "|ought|want|wanna|like|plan|intend|going|gonna|mean|has)(?:\\s+(?:probably|really|definitely|maybe|also"
                    + "|still|just|actually|finally|seriously|totally))*(?:\\s+to)?\\s+(?<body>.+)$"),
            opening("^(?:still\\s+)?(?:(?:need|have|got)\\s+to|gotta|must|should)(?:\\s*:\\s*|\\s+)(?<body>.+)$"),
            opening("^(?:jot|write|note|put)\\s+down\\s*(?::|-)?\\s*(?<body>.+)$"),
            // "groceries: apples, oat milk, coffee": a heading, a colon and a list is a list of tasks
            opening("^(?!(?:" + MANAGING + ")\\b)(?:\\p{L}[\\p{L}'-]*)(?:\\s+\\p{L}[\\p{L}'-]*){0,2}\\s*:\\s*(?<multi>)"
                    + "(?<body>[^,\\n:]+(?:,[^,\\n:]+)+)$"));

    /** Two or more lines that start with a bullet or a number: a list, one task a line. */
    private static final Pattern LINE_LIST = Pattern.compile(
            "(?:^|\\n)\\s*(?:[-*\\u2022]|\\d{1,2}[.)])\\s*\\S[^\\n]*\\n\\s*(?:[-*\\u2022]|\\d{1,2}[.)])\\s*\\S");
    private static final Pattern ITEM_BULLET = Pattern.compile("^\\s*(?:[-*\\u2022]|\\d{1,2}[.)])\\s*");
    /** "create two tasks, one to A and one to B": the counting words are no part of either title. */
    private static final Pattern COUNTED_ITEM = Pattern.compile(
            "^(?:(?:and\\s+)?(?:one|another|the\\s+other(?:\\s+one)?|the\\s+first(?:\\s+one)?|the\\s+second(?:\\s+one)?"
                    + "|a\\s+second(?:\\s+one)?)\\s+(?:to|for|about|called|that\\s+says)\\s+)", FLAGS);
    /** "…, both for sunday": dates and priorities after "both" belong to every task of the message. */
    private static final Pattern FOR_ALL = Pattern.compile(
            "[,\\s]+(?:both|each|all(?:\\s+of\\s+them)?|them\\s+all)\\s*(?<slots>(?:(?:for|on|by|due)?\\s*" + Utterance.SLOT
                    + "\\s*)+)$", FLAGS);
    private static final Pattern MULTI_WORDS = Pattern.compile(
            "\\b(?:these|following|tasks|todos|to-dos|items|reminders|entries|notes|ones|things)\\b", FLAGS);
    private static final Pattern LEADING_SLOTS = Pattern.compile("^(?:\\s*" + Utterance.SLOT + "[\\s,:;.-]*)+");
    private static final Pattern LIST_SEPARATORS = Pattern.compile(
            "\\n\\s*(?:[-*\\u2022]|\\d{1,2}[.)])?\\s*|\\s*[,;]\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*|\\s+\\+\\s+", FLAGS);
    private static final Pattern TASK_SEPARATORS = Pattern.compile(
            "\\s*[,;]\\s*(?:and\\s+)?(?:then\\s+)?(?:also\\s+)?|\\s+and\\s+(?:then\\s+)?(?:also\\s+)?", FLAGS);
    private static final Pattern WORD_TAGS = Pattern.compile(
            "(?:,\\s*)?\\b(?:tagged|labell?ed|with\\s+(?:the\\s+)?(?:tags?|labels?)|tags?\\s*:|labels?\\s*:"
                    + "|(?:tag|label)(?:\\s+it)?(?=\\s+[\\p{L}\\d_-]+\\s*(?:,|$)))\\s*"
                    + "(?:as\\s+)?(?<tags>[\\p{L}\\d_-]+(?:\\s*(?:,|and|&)\\s*[\\p{L}\\d_-]+)*)\\s*,?\\s*$", FLAGS);
    private static final Pattern DEADLINE_REMARK = Pattern.compile(
            "^(?:it\\s+|they\\s+)?(?:has|have|needs?|must)\\s+(?:to\\s+)?be\\s+\\p{L}+\\s*(?:" + Utterance.SLOT + ")", FLAGS);
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?:the|a|an|my|our)\\s+", FLAGS);
    private static final Pattern LEADING_INDEFINITE_ARTICLE = Pattern.compile("^(?:a|an)\\s+", FLAGS);
    /** "jot down that I need to X", "remind me that I have to X": the words after the opening say it again. */
    private static final Pattern RESTATED = Pattern.compile(
            "^(?:that\\s+)?(?:i|we)(?:'ve|\\s+have|'d|\\s+would|'ll|\\s+will)?\\s+(?:(?:really|still|also|just)\\s+)*"
                    + "(?:need|have|must|should|gotta|got)(?:\\s+to)?\\s+(?<body>.+)$|^that\\s+(?<plain>.+)$", FLAGS);
    /** "I need to remember to X", "must remember - X": a second lead-in after the first. */
    private static final Pattern CHAINED = Pattern.compile(
            "^(?:(?:remember|not\\s+forget|make\\s+sure|be\\s+sure)(?:\\s+to\\b|\\s*[:-])\\s*)+", FLAGS);
    /** "…, add that pls": the task was named in the clause before. */
    private static final Pattern PRONOUN_ONLY = Pattern.compile(
            "^(?:(?:add|put|save|note|jot|write|log)\\s+(?:down\\s+)?)?(?:that|it|this|that\\s+one|this\\s+one)"
                    + "(?:\\s+down|\\s+too|\\s+as\\s+well)?$", FLAGS);
    private static final Pattern TALKING_TO_ME = Pattern.compile(
            "^(?:tell|show|give|help|let|teach|sing|read|send|get|find|call|text|email|remind)\\s+(?:me|us)\\b", FLAGS);
    /** Commands to the assistant that are no task on their own ("add", "complete"). */
    private static final Set<String> LIST_COMMANDS = Set.of("add", "create", "complete", "finish", "delete", "remove",
            "mark", "rename", "change", "update", "move", "set", "make", "put", "do", "get", "edit", "tag", "list",
            "show", "find", "search", "cancel", "undo", "check", "call", "schedule", "close", "open", "clear");
    /** Words that start questions, statements about oneself or references, not new tasks. */
    private static final Set<String> NOT_A_TASK_START = Set.of("i", "i'm", "im", "i've", "i'd", "i'll", "we",
            "we're", "you", "you're", "it", "it's", "its", "this", "that", "that's", "there", "there's", "he", "she",
            "they", "is", "are", "am", "was", "were", "do", "does", "did", "can", "could", "would", "will",
            "should", "what", "what's", "whats", "who", "why", "how", "when", "where", "which", "yes", "no", "ok",
            "okay", "not", "don't", "dont", "didn't", "haven't", "hasn't", "isn't", "let's");

    private CreateRules() {
    }

    private static Opening opening(String regex) {
        return new Opening(Pattern.compile(regex, FLAGS), false);
    }

    /** "add …", "remind me to …", "I need to …" and the other explicit ways to ask for a new task. */
    static boolean fromRequest(Turn turn, String body) {
        Matcher leading = LEADING_SLOTS.matcher(body);
        String opening = leading.lookingAt() ? body.substring(0, leading.end()) : "";
        String rest = body.substring(opening.length());
        for (Opening candidate : OPENINGS) {
            Matcher matcher = candidate.pattern().matcher(rest);
            if (!matcher.matches()) {
                continue;
            }
            String taskWords = CHAINED.matcher(matcher.group("body")).replaceFirst("");
            Matcher restated = RESTATED.matcher(taskWords);
            if (restated.matches()) {
                taskWords = restated.group("body") != null ? restated.group("body") : restated.group("plain");
            }
            String requestWords = opening + " " + rest.substring(0, matcher.start("body"))
                    + rest.substring(matcher.end("body"));
            // "need to: book flights, request time off": a colon before a comma list introduces the list
            boolean colonList = rest.substring(0, matcher.start("body")).strip().endsWith(":")
                    && taskWords.contains(",");
            boolean several = hasGroup(matcher, "multi") || hasGroup(matcher, "count") || colonList
                    || LINE_LIST.matcher(taskWords).find()
                    || hasGroup(matcher, "noun") && MULTI_WORDS.matcher(matcher.group("noun")).matches();
            create(turn, requestWords, taskWords, several, candidate.dropLeadingArticle());
            return true;
        }
        return false;
    }

    /** A bare imperative ("call grandma on sunday") or a phrase that carries a date, priority or tag. */
    static boolean fromImperative(Turn turn, String body, boolean question) {
        if (question) {
            return false;
        }
        Matcher leading = LEADING_SLOTS.matcher(body);
        String opening = leading.lookingAt() ? body.substring(0, leading.end()) : "";
        String rest = body.substring(opening.length()).strip();
        List<String> words = Words.tokens(turn.utterance.plain(rest));
        if (words.isEmpty() || TALKING_TO_ME.matcher(rest).find()) {
            return false;
        }
        String first = words.get(0);
        boolean startsWithVerb = Words.isTaskVerb(first);
        boolean carriesTaskDetails = !turn.utterance.slotsIn(body).stream()
                .allMatch(slot -> slot instanceof Utterance.Quote);
        if (NOT_A_TASK_START.contains(first) || !(startsWithVerb || carriesTaskDetails)) {
            return false;
        }
        boolean vague = words.size() > 1 && Words.contentStems(String.join(" ", words.subList(1, words.size())))
                .isEmpty();
        boolean commandWithoutObject = words.size() == 1 && LIST_COMMANDS.contains(first);
        if (vague || commandWithoutObject) {
            return false;
        }
        boolean colonList = opening.strip().endsWith(":") && rest.contains(",");
        create(turn, opening, rest, colonList, false);
        return true;
    }

    private static boolean hasGroup(Matcher matcher, String group) {
        return RegexGroups.optional(matcher, group) != null;
    }

    private static void create(Turn turn, String requestWords, String taskWords, boolean several,
                               boolean dropLeadingArticle) {
        Utterance utterance = turn.utterance;
        Matcher forAll = FOR_ALL.matcher(taskWords);
        if (forAll.find()) {
            requestWords = requestWords + " " + forAll.group("slots");
            taskWords = taskWords.substring(0, forAll.start());
        }
        List<String> items = withoutRepeatedRequest(requestWords,
                several ? listItems(taskWords) : separateTasks(taskWords));
        List<Utterance.Slot> shared = new ArrayList<>(utterance.slotsIn(requestWords));
        // "add: call the plumber, urgent": a list item of nothing but a priority or date is about every task
        List<String> tasks = new ArrayList<>();
        for (String item : items) {
            if (items.size() > 1 && Utterance.containsSlot(item) && Words.contentStems(utterance.plain(item)).isEmpty()) {
                shared.addAll(utterance.slotsIn(item));
            } else {
                tasks.add(item);
            }
        }
        items = tasks;
        int created = 0;
        for (String item : items) {
            List<Utterance.Slot> own = utterance.slotsIn(item);
            Due due = dueOf(own) != null ? dueOf(own) : dueOf(shared);
            Utterance.Urgency urgency = first(own, Utterance.Urgency.class) != null
                    ? first(own, Utterance.Urgency.class) : first(shared, Utterance.Urgency.class);
            Set<String> tags = new LinkedHashSet<>();
            for (Utterance.Slot slot : shared) {
                if (slot instanceof Utterance.Label label) {
                    tags.add(label.tag());
                }
            }
            for (Utterance.Slot slot : own) {
                if (slot instanceof Utterance.Label label) {
                    tags.add(label.tag());
                }
            }
            String words = COUNTED_ITEM.matcher(ITEM_BULLET.matcher(utterance.plain(item)).replaceFirst(""))
                    .replaceFirst("");
            Matcher wordTags = WORD_TAGS.matcher(words);
            if (wordTags.find()) {
                for (String tag : wordTags.group("tags").split("\\s*(?:,|\\band\\b|&)\\s*")) {
                    if (!tag.isBlank()) {
                        tags.add(tag.strip().toLowerCase(Locale.ROOT));
                    }
                }
                words = words.substring(0, wordTags.start());
            }
            // a title that is a noun phrase reads better without its article: "dentist appointment"
            words = (dropLeadingArticle ? LEADING_ARTICLE : LEADING_INDEFINITE_ARTICLE).matcher(words.strip())
                    .replaceFirst("");
            String title = Titles.clean(words);
            if (PRONOUN_ONLY.matcher(title).matches() && turn.createdBefore()) {
                created++;
                continue;
            }
            if (Words.contentStems(title).isEmpty()) {
                continue;
            }
            Priority priority = urgency == null ? null : urgency.priority();
            turn.emit(new CreateTask(title, null, priority, due == null ? null : turn.wire(due),
                    List.copyOf(tags), due == null ? null : due.recurrence()));
            created++;
        }
        if (created == 0) {
            turn.emit(new AskBack("What should the task be called?", List.of()));
        }
    }

    /**
     * "add call the plumber and add book the dentist": a later task that starts with the request's own verb repeats
     * the request, so the verb is no part of its title.
     */
    private static List<String> withoutRepeatedRequest(String requestWords, List<String> items) {
        List<String> requestTokens = Words.tokens(requestWords);
        if (items.size() < 2 || requestTokens.isEmpty()) {
            return items;
        }
        String verb = requestTokens.get(0);
        Pattern repeated = Pattern.compile("^(?:(?:and|also|then)\\s+)*" + Pattern.quote(verb) + "\\s+",
                Pattern.CASE_INSENSITIVE);
        List<String> titles = new ArrayList<>(items.subList(0, 1));
        for (String item : items.subList(1, items.size())) {
            titles.add(repeated.matcher(item.strip()).replaceFirst(""));
        }
        return titles;
    }

    /** "eggs, flour and sugar" after "add these:" — every part is a task. */
    private static List<String> listItems(String taskWords) {
        List<String> items = new ArrayList<>();
        for (String part : LIST_SEPARATORS.split(taskWords.strip())) {
            if (!part.isBlank()) {
                items.add(part.strip());
            }
        }
        return items;
    }

    /**
     * "buy milk and call mom" is two tasks; "buy salt and pepper shaker" and "call mom and dad" are one. Split only
     * when every part starts with a verb and has something to act on.
     */
    private static List<String> separateTasks(String taskWords) {
        String[] parts = TASK_SEPARATORS.split(taskWords.strip());
        if (parts.length < 2) {
            return List.of(taskWords);
        }
        if (isListOfThings(taskWords, parts)) {
            return List.of(parts);
        }
        List<String> tasks = new ArrayList<>();
        for (String part : parts) {
            if (DEADLINE_REMARK.matcher(part.strip()).find()) {
                // "return the books, have to be back by 12/02": a remark about the task's date, no task of its own
                return List.of(taskWords);
            }
            String words = part.strip().replaceFirst("(?i)^to\\s+", "");
            List<String> tokens = Words.tokens(words.replaceAll(Utterance.SLOT, " "));
            if (tokens.size() < 2 || !Words.isTaskVerb(tokens.get(0))) {
                return List.of(taskWords);
            }
            tasks.add(part.strip());
        }
        return tasks;
    }

    /**
     * "milk, eggs and bread": three or more short items with a comma between them are a shopping-style list even
     * without verbs ("salt and pepper" alone stays one task).
     */
    private static boolean isListOfThings(String taskWords, String[] parts) {
        if (parts.length < 3 || !taskWords.contains(",")) {
            return false;
        }
        for (String part : parts) {
            List<String> tokens = Words.tokens(part.replaceAll(Utterance.SLOT, " "));
            // "buy bread, milk and eggs": a verb in front carries the whole list, so it is one task
            if (tokens.isEmpty() || tokens.size() > 4 || Words.isTaskVerb(tokens.get(0))) {
                return false;
            }
        }
        return true;
    }

    private static <T extends Utterance.Slot> T first(List<Utterance.Slot> slots, Class<T> kind) {
        for (Utterance.Slot slot : slots) {
            if (kind.isInstance(slot)) {
                return kind.cast(slot);
            }
        }
        return null;
    }

    /** The due date among the slots: a repetition ("every monday") before a single date, else the first date. */
    private static Due dueOf(List<Utterance.Slot> slots) {
        Due first = null;
        for (Utterance.Slot slot : slots) {
            if (slot instanceof Utterance.When when) {
                if (when.due().recurrence() != null) {
                    return when.due();
                }
                first = first == null ? when.due() : first;
            }
        }
        return first;
    }
}
