package io.taskbot.agent.offline;

import io.taskbot.agent.offline.Action.Reply;
import io.taskbot.agent.offline.Action.UndoTask;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "undo", "undo that", "oops, put it back", "no wait, revert that": takes back what the previous turn changed, every
 * task of it, from the typed {@link ConversationContext#lastTurnChanges()} (never from the words of an earlier
 * reply). Read before the bulk guard: "undo all of that" names exactly the tasks just changed, so it needs no
 * confirmation, and before the reopen rules, for which "put it back" would mean one task's state.
 */
final class UndoRules {

    static final String NOTHING_TO_UNDO = "Your last message didn't change any task, so there is nothing to undo.";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** Words people say before taking something back: "oops,", "no wait", "ugh, my bad". */
    private static final String LEAD_IN = "^(?:(?:no|nope|nah|wait|oops|whoops|oopsie|hmm+|ugh|argh|dang|damn|sorry"
            + "|my\\s+bad|oh\\s+no|oh|uh\\s+oh|actually|please|pls|hey|ok|okay|wrong|mistake|that'?s\\s+wrong"
            + "|that\\s+was\\s+(?:a\\s+)?(?:mistake|wrong))(?:[,!.]+\\s*|\\s+))*";
    private static final String POLITE_END = "(?:[,\\s]+(?:please|pls|plz|now|thanks|thank\\s+you|thx|again|quickly))*$";
    private static final String WHAT = "(?:that|it|this|them|those|these|everything|both|all\\s+(?:of\\s+)?(?:that|it|those"
            + "|them|this)|it\\s+all|that\\s+last\\s+(?:one|bit)|the\\s+last\\s+(?:change|changes|thing|one|step|action|edit)"
            + "|(?:my|your)\\s+last\\s+(?:change|changes|message|request|action|edit|step|command)"
            + "|what\\s+(?:you|i)\\s+(?:just\\s+)?(?:did|said|changed|asked)|(?:the|that|this|those|these)\\s+"
            + "(?:change|changes|edit|edits))";
    /** Said outright: nothing else can be meant, so with nothing to undo the answer says so. */
    private static final Pattern UNDO = Pattern.compile(LEAD_IN + "(?:undo|revert|reverse|roll\\s*back|rollback"
            + "|(?:ctrl|cmd|control|command)\\s*[-+]?\\s*z"
            + "|take\\s+back|go\\s+back\\s+on)(?:\\s+" + WHAT + ")?(?:\\s+(?:for\\s+me|real\\s+quick))?" + POLITE_END
            + "|" + LEAD_IN + "(?:scratch|cancel)\\s+(?:that|all\\s+(?:of\\s+)?that|the\\s+last\\s+(?:change|thing|one|step)"
            + "|what\\s+you\\s+(?:just\\s+)?did)" + POLITE_END
            + "|" + LEAD_IN + "(?:i\\s+didn'?t\\s+mean\\s+(?:that|to(?:\\s+do\\s+that)?)|that\\s+was\\s+(?:a\\s+)?(?:mistake"
            + "|wrong))(?:\\s*,?\\s*(?:undo|revert)(?:\\s+(?:it|that))?)?" + POLITE_END, FLAGS);
    /** "put it back", "restore them": undo when the last turn changed something, else the reopen rules decide. */
    private static final Pattern PUT_BACK = Pattern.compile(LEAD_IN + "(?:(?:put|bring|change|set|turn|switch|get)\\s+"
            + "(?:it|that|them|those|everything|both|things|it\\s+all|all\\s+of\\s+(?:it|that|them))\\s+back"
            + "(?:\\s+(?:the\\s+way\\s+(?:it|they)\\s+(?:was|were)|how\\s+(?:it|they)\\s+(?:was|were)|as\\s+(?:it|they)"
            + "\\s+(?:was|were)|to\\s+(?:how|what)\\s+(?:it|they)\\s+(?:was|were)|again|like\\s+before))?"
            + "|restore\\s+(?:it|that|them|those|everything|it\\s+all|both)(?:\\s+(?:back|again))?"
            + "|(?:make|set)\\s+it\\s+(?:the\\s+way|how|like)\\s+it\\s+was(?:\\s+before)?)" + POLITE_END, FLAGS);
    private static final Pattern END_PUNCTUATION = Pattern.compile("[\\s.!?\u2026]+$");

    private UndoRules() {
    }

    /** The actions for a message that asks to take the last turn back, or empty when it asks something else. */
    static Optional<List<Action>> read(Utterance read, ConversationContext context) {
        if (Utterance.containsSlot(read.masked())) {
            return Optional.empty();
        }
        String text = END_PUNCTUATION.matcher(read.plain(read.masked()).toLowerCase(Locale.ROOT)).replaceAll("");
        boolean outright = UNDO.matcher(text).matches();
        if (!outright && !PUT_BACK.matcher(text).matches()) {
            return Optional.empty();
        }
        List<String> changed = context.lastTurnChanges();
        if (changed.isEmpty()) {
            return outright ? Optional.of(List.of(new Reply(NOTHING_TO_UNDO))) : Optional.empty();
        }
        return Optional.of(changed.stream().<Action>map(UndoTask::new).toList());
    }
}
