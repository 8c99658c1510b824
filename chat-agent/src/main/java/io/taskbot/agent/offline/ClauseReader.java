package io.taskbot.agent.offline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one clause: small talk first, then the rules from the most specific sentence shapes to the most general
 * (a bare imperative is a new task only when nothing more specific fits), and a reply when nothing does.
 */
final class ClauseReader {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL;
    private static final Pattern POLITE_START = Pattern.compile(
            "^(?:(?:please|pls|plz|kindly|ok(?:ay)?|so|hey|hi|hello|oh|and|also|then|now|alright|right|well|um+|uh+"
                    + "|yes|yeah|yep|yup|sure|just|maybe|quickly"
                    + "|hmm+|actually|btw|by\\s+the\\s+way|wait|oops|sorry|great|cool|thanks|perfect|nice|good"
                    // interjections people start with before the request itself
                    + "|ugh|omg|oh\\s+no|oh\\s+god|ah|aah|argh|crap|damn|dang|shoot|geez|jeez|yo|welp|whoa|lol|ok\\s+so"
                    + "|honestly|seriously|quick\\s+one|i\\s+lied|my\\s+bad|never\\s+mind(?!\\s+(?:about|the|that|it|this)\\b))"
                    + "(?:[,!.]+\\s*|\\s+))+", FLAGS);
    private static final Pattern ASKING_ME = Pattern.compile(
            "^(?:(?:can|could|would|will)\\s+(?:you|u|ya)\\s+(?:please\\s+|pls\\s+|kindly\\s+|also\\s+|just\\s+|quickly\\s+)*"
                    + "|(?:can|could|shall|should)\\s+we\\s+(?:please\\s+|just\\s+)?"
                    + "|(?:i'?d\\s+like|i\\s+would\\s+like|i\\s+want|i\\s+need)\\s+you\\s+to\\s+"
                    + "|you\\s+(?:can|may|could|should)\\s+(?:now\\s+|also\\s+)?|go\\s+ahead\\s+and\\s+"
                    + "|(?:let'?s|lets)\\s+|please\\s+)", FLAGS);
    private static final Pattern WANT_TO_MANAGE = Pattern.compile(
            "^i(?:\\s+want|\\s+would\\s+like|'d\\s+like|\\s+need|\\s+wanna)\\s+to\\s+(?=(?:delete|remove|mark|complete|rename"
                    + "|change|move|postpone|reschedule|see|view|list|search|find|check\\s+off|tick\\s+off|reopen|tag"
                    + "|update|edit|add|create|put)\\b)", FLAGS);
    private static final Pattern POLITE_END = Pattern.compile(
            "(?:[,\\s]+(?:please|pls|plz|thanks|thank\\s+you|thx|for\\s+me|now|right\\s+now|actually|already|lol|haha+"
                    + "|finally|at\\s+last|though|tho|ok|okay|yay|phew|whew"
                    + "|lmao"
                    + "|anyway|then))+$",
            FLAGS);
    /** A remark that explains rather than asks: "already sent it this morning", "because it's late". */
    private static final Pattern REMARK_ONLY = Pattern.compile(
            "^(?:already|because|since|cuz|coz|cause|as\\s+i|so\\s+i|i\\s+already|we\\s+already|just|finally)\\b", FLAGS);
    /** Verbs the assistant acts on itself; "can you book me a flight" asks for something it cannot do. */
    private static final Set<String> ASSISTANT_VERBS = Set.of("add", "create", "make", "put", "remind", "note",
            "delete", "remove", "mark", "complete", "finish", "rename", "change", "move", "set", "show", "list",
            "find", "search", "tag", "label", "postpone", "reschedule", "push", "update", "edit", "tick", "check",
            "cross", "undo", "reopen", "uncheck", "drop", "clear", "give", "tell", "bump", "raise", "lower",
            "prioritize", "prioritise", "schedule", "look", "call", "get", "erase", "cancel", "write", "jot",
            "log", "sort", "organize", "organise", "help");

    private ClauseReader() {
    }

    /** "took out the trash, fed the cat": parts of a clause that each say a thing of their own. */
    private static final Pattern PARTS = Pattern.compile("\\s*[,;]\\s*(?:and\\s+)?|\\s+and\\s+|\\s+[+&]\\s+", FLAGS);
    /** First words that start a part of their own rather than continue the first part's verb. */
    private static final Set<String> STARTS_OWN_PART = Set.of("still", "also", "i", "we", "it", "its", "it's", "that",
            "the", "both", "then", "not", "and", "plus");

    /**
     * Reads a clause as a whole and, when it lists several things ("took out trash, fed the cat", "got the paint,
     * tape and brushes"), also part by part, the first part's verb carried to parts without one. The reading by
     * parts wins only when at least two parts act and together they do more than the whole did; a new task, title
     * or note from the whole reading is never split here (creating has its own list rules: "buy milk, eggs and
     * bread").
     */
    static void read(Turn turn, String clause) {
        int mark = turn.actionCount();
        Object referent = turn.referent();
        readWhole(turn, clause);
        List<Action> whole = turn.actionsSince(mark);
        Object referentAfterWhole = turn.referent();
        String[] parts = PARTS.split(clause.strip());
        // a new title or note may itself hold a list ("to say reply to Anna and Ben"), so those are never split
        boolean writesText = whole.stream().anyMatch(action -> action instanceof Action.CreateTask
                || action instanceof Action.UpdateTask update && (update.title() != null || update.description() != null));
        if (parts.length < 2 || writesText) {
            return;
        }
        turn.undoSince(mark, referent);
        String leadVerb = leadingVerb(turn, parts[0]);
        int acting = 0;
        for (String part : parts) {
            int before = turn.actionCount();
            String words = part.strip();
            if (leadVerb != null && part != parts[0] && !startsWithVerb(turn, words)) {
                words = leadVerb + " " + words;
            }
            readWhole(turn, words);
            List<Action> read = turn.actionsSince(before);
            if (!words.equals(part.strip()) && read.stream().anyMatch(Action.CreateTask.class::isInstance)) {
                // a carried verb that makes a new task ("remove pick up tux, wedding got postponed") misread the part
                turn.undoSince(before, turn.referent());
                continue;
            }
            if (read.stream().anyMatch(ClauseReader::changes)) {
                acting++;
            }
        }
        List<Action> byParts = turn.actionsSince(mark);
        boolean asksMore = byParts.stream().anyMatch(Action.AskBack.class::isInstance)
                && whole.stream().noneMatch(Action.AskBack.class::isInstance);
        if (acting < 2 || asksMore || count(byParts) <= count(whole)) {
            turn.restore(mark, whole, referentAfterWhole);
        }
    }

    private static boolean changes(Action action) {
        return action.toolName().isPresent();
    }

    private static long count(List<Action> actions) {
        return actions.stream().filter(ClauseReader::changes).distinct().count();
    }

    /** The verb a list part starts with ("got", "took"), if it is one, to carry to the parts that follow. */
    private static String leadingVerb(Turn turn, String part) {
        List<String> words = Words.tokens(turn.utterance.plain(part));
        if (words.size() < 2 || !startsWithVerb(turn, part)) {
            return null;
        }
        return words.get(0);
    }

    private static boolean startsWithVerb(Turn turn, String part) {
        List<String> words = Words.tokens(turn.utterance.plain(part));
        if (words.isEmpty() || STARTS_OWN_PART.contains(words.get(0))) {
            return !words.isEmpty();
        }
        String first = words.get(0);
        return Words.isTaskVerb(first) || turn.titleVerbs().contains(first)
                || Words.baseOfPast(first, turn.titleVerbs()).isPresent() || ASSISTANT_VERBS.contains(first);
    }

    private static void readWhole(Turn turn, String clause) {
        String text = clause.strip();
        boolean question = text.endsWith("?");
        text = text.replaceAll("[\\s.!?\u2026]+$", "").strip();
        if (text.isEmpty()) {
            return;
        }
        String spoken = turn.utterance.verbatim(text).toLowerCase(Locale.ROOT);
        Optional<String> talk = TalkRules.smallTalk(spoken);
        if (talk.isPresent()) {
            turn.reply(talk.get());
            return;
        }
        String body = POLITE_START.matcher(text).replaceFirst("");
        Matcher asking = ASKING_ME.matcher(body);
        boolean askedToDoSomething = false;
        if (asking.lookingAt()) {
            askedToDoSomething = asking.group().toLowerCase(Locale.ROOT).matches("(?s).*\\b(?:you|u|ya)\\b.*");
            body = body.substring(asking.end());
        }
        body = WANT_TO_MANAGE.matcher(body).replaceFirst("");
        body = POLITE_END.matcher(body).replaceFirst("").strip();
        if (body.isEmpty()) {
            turn.reply(TalkRules.HELP);
            return;
        }
        if (ChangeRules.describe(turn, body) || ChangeRules.tag(turn, body) || ChangeRules.stillNeeded(turn, body)
                || CreateRules.fromRequest(turn, body) || QueryRules.search(turn, body) || QueryRules.list(turn, body)
                || ChangeRules.change(turn, body)
                || turn.utterance.markedDone() && ChangeRules.completeMarked(turn, body)) {
            return;
        }
        List<String> words = Words.tokens(turn.utterance.plain(body));
        if (askedToDoSomething && !words.isEmpty() && !ASSISTANT_VERBS.contains(words.get(0))) {
            turn.reply(TalkRules.cannotDoThat(turn.utterance.verbatim(body)));
            return;
        }
        if (readsAsChangeThenRemark(turn, body)) {
            return;
        }
        if (CreateRules.fromImperative(turn, body, question || startsLikeAQuestion(spoken))) {
            return;
        }
        turn.reply(TalkRules.asksAboutTheWorld(spoken, question) ? TalkRules.OUT_OF_SCOPE : TalkRules.NOT_UNDERSTOOD);
    }

    /**
     * "make 'fix the fence' urgent, the dog keeps escaping", "mark it done, already sent it": a change to a task,
     * then a remark after the comma. The change is read on its own, and the remark as a clause of its own (a remark
     * that asks for nothing only gets a reply, which the change's answer replaces).
     */
    private static boolean readsAsChangeThenRemark(Turn turn, String body) {
        int comma = body.indexOf(", ");
        if (comma <= 0) {
            return false;
        }
        String head = body.substring(0, comma).strip();
        String remark = body.substring(comma + 1).strip();
        if (head.isEmpty() || remark.isEmpty()) {
            return false;
        }
        int mark = turn.actionCount();
        Object referent = turn.referent();
        if (!ChangeRules.change(turn, head)) {
            return false;
        }
        if (turn.onlyAskedSince(mark)) {
            // the head names no task: leave the whole clause to the rules that come after
            turn.undoSince(mark, referent);
            return false;
        }
        readWhole(turn, REMARK_ONLY.matcher(remark).find() ? "" : remark);
        return true;
    }

    private static boolean startsLikeAQuestion(String spoken) {
        return spoken.matches("^(?:who|what|what's|whats|when|where|why|how|which|is|are|do|does|did|can|could|will"
                + "|would|should|am|was|were|has|have)\\b.*");
    }
}
