package io.taskbot.agent.offline;

import io.taskbot.agent.offline.Turn.Change;
import io.taskbot.agent.offline.Turn.Found;
import io.taskbot.agent.offline.Turn.Purpose;
import io.taskbot.agent.offline.Turn.Resolution;
import io.taskbot.agent.offline.Turn.Unclear;
import io.taskbot.task.Priority;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes to tasks that already exist: complete, reopen, rename, priority, due date, description, tags, delete.
 * Each rule reads the sentence's shape and leaves the "which task" question to {@link Turn#resolve}; a rule whose
 * reference names no task at all steps aside when its verb could just as well start a new task ("finish the tax
 * return", "move the couch to the garage").
 */
final class ChangeRules {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String SLOT = Utterance.SLOT;
    private static final String DONE_WORDS = "done|complete|completed|finished|checked(?:\\s+off)?|ticked(?:\\s+off)?"
            + "|resolved|closed|dealt\\s+with|crossed\\s+off";
    private static final String NOT_DONE_WORDS = "not\\s+(?:yet\\s+)?(?:done|finished|complete|completed)|undone"
            + "|unfinished|incomplete|uncompleted|open|pending|to\\s*do|todo|active|outstanding|unchecked"
            + "|not\\s+checked|not\\s+yet\\s+done";
    private static final String LEVEL_WORDS = "urgent|high|low|medium|normal|top|critical|important|priority";
    private static final String COUNT = "\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\\s+couple(?:\\s+of)?"
            + "|couple(?:\\s+of)?|a\\s+few|few";
    private static final String LIST_END = "(?:\\s+(?:from|off|on)\\s+(?:my|the)\\s+(?:to-?do\\s+|todo\\s+|task\\s+)?"
            + "(?:list|tasks|todos|to-dos))?";
    private static final String TAG_WORDS = "(?<tags>(?:" + SLOT + "|#?[\\p{L}\\d_-]+)(?:\\s*(?:,|and|&)?\\s*(?:" + SLOT
            + "|#?[\\p{L}\\d_-]+))*)";

    // ---- descriptions
    private static final List<Pattern> NOTES = patterns(
            "^(?:add|attach|put|write|leave|append)\\s+(?:a\\s+|an\\s+|the\\s+|some\\s+|this\\s+)?(?:note|description"
                    + "|comment|details?|memo|info)\\s+(?:to|on|for|about|in)\\s+(?<ref>.+?)(?:\\s*:\\s*|\\s+-\\s+"
                    + "|\\s+(?:saying|that\\s+says|reading|that\\s+reads|which\\s+says)\\s*:?\\s*)(?<text>.+)$",
            "^(?:note|description|comment|details|memo)\\s+(?:on|for|to|about)\\s+(?!(?:my)?self\\b)(?<ref>.+?)"
                    + "(?:\\s*:\\s*|\\s+-\\s+)(?<text>.+)$",
            "^(?:set|change|update|make)\\s+(?:the\\s+)?(?:description|note|notes|details)\\s+(?:of|on|for|to)\\s+"
                    + "(?<ref>.+?)\\s+to\\s*:?\\s*(?<text>.+)$",
            "^(?:for|on|about|re|regarding)\\s+(?<ref>.+?)\\s*,\\s*(?:add|put|write|leave)\\s+(?:a\\s+|the\\s+)?"
                    + "(?:note|description|comment)\\s*(?::|-|saying|that\\s+says)?\\s*(?<text>.+)$",
            "^describe\\s+(?<ref>.+?)\\s+as\\s+(?<text>.+)$",
            "^(?:add|put|write|attach)\\s+(?<text>.+?)\\s+(?:to|on)\\s+(?<ref>.+?)\\s+as\\s+(?:a\\s+|the\\s+)?(?:note|description"
                    + "|comment)$");
    private static final Pattern NOTE_ON_IT = Pattern.compile(
            "^(?:add\\s+)?(?:a\\s+)?(?:note|description|comment)\\s*:\\s*(?<text>.+)$", FLAGS);

    // ---- tags
    private static final List<Pattern> ADD_TAGS = patterns(
            "^(?:tag|label)\\s+(?<ref>.+?)\\s+(?:with|as)\\s+(?:the\\s+)?(?:tags?\\s+|labels?\\s+)?" + TAG_WORDS + "$",
            "^(?:tag|label)\\s+(?<ref>.+?)\\s+(?<tags>" + SLOT + "(?:\\s*(?:,|and|&)?\\s*" + SLOT + ")*)$",
            "^(?:add|put|apply|attach|give)\\s+(?:the\\s+|a\\s+)?(?:tags?|labels?)\\s+" + TAG_WORDS
                    + "\\s+(?:to|on)\\s+(?<ref>.+)$",
            "^(?:add|put|stick|apply|attach|give|slap)\\s+(?:the\\s+|a\\s+)?(?<tags>" + SLOT + "|#?[\\p{L}\\d_-]+)\\s+"
                    + "(?:tag|label)s?\\s+(?:to|on|onto)\\s+(?<ref>.+)$",
            // last: "add <slots> to X" may be adding a task to a list, so it needs X to be a task
            "^(?:add|put)\\s+(?<tags>" + SLOT + "(?:\\s*(?:,|and|&)?\\s*" + SLOT + ")*)\\s+(?:to|on)\\s+(?<ref>.+)$",
            // "tag the flights one travel", "tag it money": the last word is the tag, if the rest names a task
            "^(?:tag|label)\\s+(?<ref>.+?)\\s+(?<tags>#?[\\p{L}\\d_-]+)$");
    /** "retag X as Y", "clear the tags on X", "untag X": the tags are replaced, or all go. */
    private static final List<Pattern> REPLACE_TAGS = patterns(
            "^(?:retag|re-tag|relabel)\\s+(?<ref>.+?)\\s+(?:as|with|to)\\s+" + TAG_WORDS + "$",
            "^(?:clear|remove|delete|drop|strip)\\s+(?:all\\s+)?(?:the\\s+|its\\s+)?(?:tags|labels)\\s+(?:on|from|of|off)\\s+"
                    + "(?<ref>.+)$",
            "^(?:untag|unlabel)\\s+(?<ref>.+)$");
    private static final List<Pattern> REMOVE_TAGS = patterns(
            "^(?:remove|delete|drop|take\\s+off|strip|clear)\\s+(?:the\\s+)?(?<tags>" + SLOT
                    + "|#?[\\p{L}\\d_-]+)\\s+(?:tag|label)s?\\s+(?:from|off|on)\\s+(?<ref>.+)$",
            "^(?:remove|delete|drop|take\\s+off)\\s+(?:the\\s+)?(?:tags?|labels?)\\s+" + TAG_WORDS
                    + "\\s+(?:from|off)\\s+(?<ref>.+)$",
            "^untag\\s+(?<ref>.+?)\\s+(?:from\\s+|as\\s+)?(?<tags>" + SLOT + ")$",
            "^(?:take|get)\\s+(?:the\\s+)?(?<tags>" + SLOT + "|#?[\\p{L}\\d_-]+)\\s+(?:tag|label)s?\\s+off(?:\\s+of)?\\s+(?<ref>.+)$");

    // ---- reopen
    private static final List<Pattern> REOPEN_REQUESTS = patterns(
            "^(?:reopen|re-open|unmark|uncheck|untick|un-tick|undo|restore|uncomplete|un-complete|revive|unarchive)\\s+"
                    + "(?<ref>.+?)(?:\\s+(?:as\\s+)?(?:done|complete|completed))?$",
            "^(?:mark|set|flag|put|move|change|turn)\\s+(?<ref>.+?)\\s+(?:back\\s+)?(?:as\\s+|to\\s+|into\\s+)?"
                    + "(?:back\\s+)?(?:" + NOT_DONE_WORDS + ")(?:\\s+again)?$",
            "^(?:put|add|bring)\\s+(?<ref>.+?)\\s+back(?:\\s+(?:on|in|onto|into|to)\\s+(?:my\\s+|the\\s+)?(?:list"
                    + "|to-?do\\s+list|todos|tasks))?$",
            "^(?:i'?m|i\\s+am|we'?re)\\s+not\\s+(?:yet\\s+)?(?:done|finished)\\s+with\\s+(?<ref>.+)$",
            // "marked the vacuuming done by mistake", "moved 'plan the trip' to done too early, bring it back"
            "^(?:i\\s+)?(?:accidentally\\s+|wrongly\\s+|mistakenly\\s+)?(?:marked|ticked|checked|moved|set|put|crossed)\\s+"
                    + "(?<ref>.+?)\\s+(?:off\\s+)?(?:as\\s+|to\\s+)?(?:done|complete|completed|finished|off)?\\s*"
                    + "(?:by\\s+mistake|by\\s+accident|accidentally|too\\s+(?:early|soon)|wrongly|in\\s+error)"
                    + "(?:\\s*,.*)?$",
            "^(?:make|set|mark|turn)\\s+(?<ref>.+?)\\s+(?:as\\s+)?(?:incomplete|undone|unfinished|not\\s+done|open|pending"
                    + "|active)(?:\\s+again)?$",
            "^(?:put|move|bring)\\s+(?<ref>.+?)\\s+back(?:\\s+(?:on|onto|in|into|to)\\s+(?:my|the)\\s+(?:(?:open|active"
                    + "|to-?do|current|pending)\\s+)*(?:list|tasks|todos|ones))?(?:\\s*,?\\s*(?:it'?s|its|it\\s+is)\\s+not\\s+"
                    + "(?:done|finished|complete)(?:\\s+yet)?)?$",
            "^(?:bring|put)\\s+back\\s+(?<ref>.+?)(?:\\s*,?\\s*(?:(?:it'?s|its|it\\s+is)\\s+)?not\\s+(?:done|finished"
                    + "|complete)(?:\\s+yet)?)?$",
            "^(?:take|remove|clear)\\s+(?:the\\s+)?(?:done|completed|check|tick)\\s*(?:mark|status|tick)?\\s+(?:off|from)"
                    + "(?:\\s+of)?\\s+(?<ref>.+)$",
            // "the car still needs washing": it is not done after all
            "^(?<ref>.+?)\\s+still\\s+(?:needs?|wants?|has\\s+to\\s+be|must\\s+be)\\s+(?:doing|done|[\\p{L}]+ing"
                    + "|to\\s+be\\s+done)(?:\\s+actually)?$",
            "^(?<ref>.+?)(?:'s|\\s+is)\\s+(?:still\\s+)?not\\s+(?:done|finished|complete|completed)(?:\\s+yet)?$");
    private static final Pattern NOT_DONE_STATE = Pattern.compile(
            "^(?<ref>.+?)\\s+(?:isn'?t|is\\s+not|isnt|wasn'?t|was\\s+not|aren'?t|are\\s+not|hasn'?t\\s+been"
                    + "|has\\s+not\\s+been|is\\s+still\\s+not|still\\s+isn'?t|is\\s+no\\s+longer)\\s+"
                    + "(?:actually\\s+|really\\s+|quite\\s+|yet\\s+)?(?<state>[\\p{L}-]+(?:\\s+(?:off|out|up))?)"
                    + "(?:\\s+yet)?(?:\\s+after\\s+all)?$", FLAGS);
    private static final Pattern NOT_DONE_YET = Pattern.compile(
            "^(?:(?:i|we)\\s+)?(?:haven'?t|have\\s+not|havent|didn'?t|did\\s+not|didnt|never|hadn'?t)\\s+"
                    + "(?:actually\\s+|really\\s+|yet\\s+|even\\s+|quite\\s+)?(?<verb>[\\p{L}-]+)\\s+(?<rest>.+?)"
                    + "(?:\\s+(?:yet|after\\s+all|actually|at\\s+all))*$", FLAGS);
    private static final Pattern STILL_NEED_TO = Pattern.compile(
            "^(?:i\\s+|we\\s+)?still\\s+(?:need|have|got)\\s+to\\s+(?<ref>.+)$", FLAGS);

    // ---- rename
    private static final Pattern RENAME = Pattern.compile(
            "^(?:rename|retitle|re-title|re-name)\\s+(?<rest>.+)$", FLAGS);
    private static final Pattern RENAME_SEPARATOR = Pattern.compile("\\s+(?:to|as|into)\\s+(?:say\\s+|read\\s+)?",
            FLAGS);
    private static final Pattern TITLE_OF = Pattern.compile(
            "^(?:change|update|edit|set|fix|correct)\\s+(?:the\\s+)?(?:title|name|text|wording)\\s+(?:of|on|for)\\s+"
                    + "(?<rest>.+)$", FLAGS);
    private static final Pattern TITLE_OF_POSSESSIVE = Pattern.compile(
            "^(?:change|update|edit|set)\\s+(?<ref>.+?)(?:'s)?\\s+(?:title|name)\\s+to\\s+(?<title>.+)$", FLAGS);
    private static final Pattern CHANGE_TO = Pattern.compile(
            "^(?:change|edit|update|correct|fix|switch|turn|amend|modify)\\s+(?<rest>.+)$", FLAGS);
    private static final Pattern CHANGE_SEPARATOR = Pattern.compile("\\s+(?:to|into)\\s+(?:say\\s+|read\\s+)?",
            FLAGS);
    private static final Pattern SHOULD_BE_CALLED = Pattern.compile(
            "^(?<ref>.+?)\\s+(?:should\\s+(?:be\\s+)?(?:called|named|titled|say|read)|is\\s+(?:now|actually)\\s+called"
                    + "|needs\\s+to\\s+be\\s+called)\\s+(?<title>.+)$", FLAGS);
    /** "'A' -> 'B'", "'A' should say 'B'": a quoted title and what it becomes. */
    private static final Pattern QUOTED_RENAME = Pattern.compile(
            "^(?:(?:fix|correct)\\s+(?:the\\s+|a\\s+)?(?:typo|spelling|title|name)s?\\s*(?:in\\s+|on\\s+)?:?\\s*)?"
                    + "(?<ref>" + SLOT + ")\\s*(?:->|=>|-->|\u2192|>|should\\s+(?:say|read|be)|now\\s+(?:says|reads)|becomes|is\\s+now)"
                    + "\\s*(?<title>" + SLOT + ")$", FLAGS);
    private static final Pattern CALL_INSTEAD = Pattern.compile("^call\\s+(?<rest>.+?)\\s+instead$", FLAGS);
    private static final Pattern CALL_IT = Pattern.compile(
            "^(?:call|name|title|retitle|rename)\\s+(?<ref>it|that|this)\\s+(?:to\\s+|as\\s+)?(?<title>.+?)"
                    + "(?:\\s+instead)?$", FLAGS);

    // ---- priority
    private static final List<Pattern> SET_PRIORITY = patterns(
            "^(?:make|set|mark|flag|change|put|move|switch|turn|bump|raise|lower|drop|upgrade|downgrade)\\s+(?<ref>.+?)"
                    + "\\s+(?:as\\s+|to\\s+|at\\s+|into\\s+|up\\s+to\\s+|down\\s+to\\s+)?(?:an?\\s+)?(?:(?<slot>" + SLOT
                    + ")|(?<level>" + LEVEL_WORDS + ")(?:\\s+priority|\\s+prio)?)$",
            "^(?:set|change|update|make|put|switch|raise|lower)\\s+(?:the\\s+)?(?:priority|prio|importance)\\s+"
                    + "(?:of|on|for)\\s+(?<ref>.+?)\\s+(?:to|as|at)\\s+(?:an?\\s+)?(?:(?<slot>" + SLOT + ")|(?<level>"
                    + LEVEL_WORDS + "|p[1-4]))(?:\\s+priority)?$",
            "^(?:set|change|update|make)\\s+(?<ref>.+?)(?:'s)?\\s+priority\\s+(?:to|as)\\s+(?:(?<slot>" + SLOT
                    + ")|(?<level>" + LEVEL_WORDS + "|p[1-4]))$",
            "^(?<ref>.+?)\\s+(?:is|are|should\\s+be|needs\\s+to\\s+be|must\\s+be|has\\s+become|became|is\\s+now)"
                    + "\\s+(?:now\\s+|really\\s+|very\\s+|super\\s+|quite\\s+|kind\\s+of\\s+|actually\\s+)?(?<slot>"
                    + SLOT + ")$");
    private static final Pattern RAISE = Pattern.compile(
            "^(?:bump|raise|increase|escalate|prioriti[sz]e|boost|elevate|up)\\s+(?:up\\s+)?(?:the\\s+)?"
                    + "(?:priority\\s+(?:of|on|for)\\s+|importance\\s+of\\s+)?(?<ref>.+?)(?:\\s+up)?(?:'s\\s+priority)?"
                    + "(?:\\s+(?:a\\s+(?:bit|notch|level)|one\\s+level))?$", FLAGS);
    private static final Pattern LOWER = Pattern.compile(
            "^(?:lower|decrease|reduce|deprioriti[sz]e|de-prioriti[sz]e|downgrade|demote)\\s+(?:the\\s+)?"
                    + "(?:priority\\s+(?:of|on|for)\\s+|importance\\s+of\\s+)?(?<ref>.+?)(?:'s\\s+priority)?"
                    + "(?:\\s+(?:a\\s+(?:bit|notch|level)|one\\s+level))?$", FLAGS);
    /** "X isn't urgent anymore": back to the default priority. */
    private static final Pattern NO_LONGER_PRIORITY = Pattern.compile(
            "^(?<ref>.+?)\\s+(?:isn'?t|is\\s+not|isnt|'s\\s+not|is\\s+no\\s+longer|aren'?t|are\\s+no\\s+longer)\\s+"
                    + "(?:that\\s+|so\\s+)?(?<slot>" + SLOT + ")(?:\\s+any\\s?more)?$", FLAGS);
    /** "the roof quote can be low priority", "that one's urgent". */
    private static final Pattern PRIORITY_STATEMENT = Pattern.compile(
            "^(?<ref>.+?)(?:\\s+(?:can|could|should|may|might|must)\\s+be|'s|\\s+is(?:\\s+now)?|\\s+are(?:\\s+now)?)\\s+"
                    + "(?<slot>" + SLOT + ")(?<anymore>\\s+any\\s?more)?$", FLAGS);
    /** "high prio that one", "urgent: the tax return". */
    private static final Pattern LEVEL_THEN_REFERENCE = Pattern.compile(
            "^(?<slot>" + SLOT + ")\\s*(?:[:,-]\\s*)?(?:for\\s+|on\\s+)?(?<ref>(?!" + SLOT + ").+)$", FLAGS);
    private static final Pattern CAN_WAIT = Pattern.compile(
            "^(?<ref>.+?)\\s+(?:can\\s+wait|is\\s+not\\s+(?:that\\s+)?important|isn'?t\\s+(?:that\\s+)?important)$",
            FLAGS);

    // ---- due dates
    private static final List<Pattern> SET_DUE = patterns(
            "^(?:set|change|update|move|make|push)\\s+(?:the\\s+)?(?:due\\s+date|deadline|date|due|due\\s+time|time)"
                    + "\\s+(?:of|for|on)\\s+(?<ref>.+?)\\s+(?:to|for|as)?\\s*(?<slot>" + SLOT + ")$",
            "^(?:set|change|update|move|make)\\s+(?:the\\s+)?(?<ref>.+?)(?:'s)?\\s+(?:due\\s+date|deadline|date"
                    + "|due\\s+time)\\s+(?:to|for|as)?\\s*(?<slot>" + SLOT + ")$",
            "^(?:move|postpone|push|reschedule|shift|defer|delay|put\\s+off|push\\s+back|bring\\s+forward"
                    + "|pull\\s+forward|change|set|make|switch|bump|plan|schedule|put)\\s+(?<ref>.+?)"
                    + "(?:\\s+(?:back|forward|out|up))?\\s+(?:to|until|till|til|for|on|at|into)?\\s*(?<slot>" + SLOT
                    + ")(?:\\s+instead)?$",
            "^(?<ref>.+?)\\s+(?:is|are|'s)\\s+(?:now\\s+|actually\\s+)?due\\s*(?<slot>" + SLOT + ")$",
            "^(?<ref>.+?)\\s+(?:should|must|needs?\\s+to|has\\s+to|have\\s+to|got\\s+to)\\s+be\\s+(?:done|finished|completed"
                    + "|ready|sent|paid|submitted|handed\\s+in)\\s*(?<slot>" + SLOT + ")$",
            "^(?:due\\s+date|deadline|due)\\s+(?:for|of|on)\\s+(?<ref>.+?)\\s*[:\\-]?\\s*(?:is\\s+)?(?<slot>" + SLOT
                    + ")$",
            "^(?:do\\s+|make\\s+)?(?<ref>.+?)\\s*(?<slot>" + SLOT + ")\\s+instead$",
            "^(?<ref>.+?)\\s+instead\\s*(?<slot>" + SLOT + ")$",
            "^(?<ref>.+?)(?:\\s+(?:is|are|was|were)|'s)\\s+(?:now|actually|moved|changed|pushed|rescheduled"
                    + "|happening)(?:\\s+(?:to|for))?\\s*(?<slot>" + SLOT + ")$");
    /** The index in {@link #SET_DUE} of "move X to DATE", whose verb may also start a new task. */
    private static final int MOVE_TO_DATE = 2;
    private static final Pattern DUE_ON_IT = Pattern.compile(
            "^(?:(?:make\\s+it|it'?s|it\\s+is|set\\s+it|and)\\s+)?(?<due>due\\s+)?(?<slot>" + SLOT + ")(?<instead>\\s+instead)?$",
            FLAGS);
    private static final Pattern SHIFT = Pattern.compile(
            "^(?:postpone|delay|push(?:\\s+back)?|defer|move|put\\s+off|bump|push\\s+out|snooze)\\s+(?<ref>.+?)\\s+"
                    + "(?:back\\s+|out\\s+)?(?:by\\s+)?(?<count>" + COUNT + ")\\s+(?<unit>days?|weeks?|months?)$", FLAGS);
    private static final Pattern POSTPONE = Pattern.compile(
            "^(?:postpone|delay|defer|put\\s+off|push\\s+back|snooze)\\s+(?<ref>.+?)$", FLAGS);

    /** Clearing a field is a change of the task: "remove the due date from X" must never delete X. */
    private static final String DUE_FIELD = "(?:the\\s+|its\\s+|a\\s+)?(?:due\\s+date|deadline|due\\s+day|date|due)";
    private static final List<Pattern> CLEAR_DUE = patterns(
            "^(?:remove|delete|clear|drop|erase|unset|scrap|cancel|get\\s+rid\\s+of|take\\s+(?:away|out|off))\\s+"
                    + DUE_FIELD + "\\s+(?:from|of|on|for|off)\\s+(?<ref>.+?)" + "(?:\\s+(?:please|pls|now))?$",
            "^(?:remove|delete|clear|drop|erase|unset)\\s+(?<ref>.+?)(?:'s)\\s+(?:due\\s+date|deadline)$",
            "^take\\s+" + DUE_FIELD + "\\s+off(?:\\s+of)?\\s+(?<ref>.+)$",
            // "drop the date", "no due date": about the task the conversation is on
            "^(?:remove|delete|clear|drop|erase|unset|scrap|lose|ditch|get\\s+rid\\s+of)\\s+(?<ref>)" + DUE_FIELD + "$",
            "^(?:there'?s\\s+|there\\s+is\\s+)?(?:no|without\\s+an?)\\s+(?:due\\s+date|deadline|date|due)\\s+(?:for|on)\\s+"
                    + "(?<ref>.+?)(?:\\s+(?:any\\s?more|now|after\\s+all))?$",
            "^(?<ref>.+?)\\s+(?:has|needs|gets|should\\s+have)\\s+no\\s+(?:due\\s+date|deadline)(?:\\s+any\\s?more)?$",
            "^(?<ref>.+?)\\s+(?:doesn'?t|does\\s+not|don'?t|do\\s+not)\\s+(?:need|have)\\s+(?:a|to\\s+have\\s+a)\\s+"
                    + "(?:due\\s+date|deadline)(?:\\s+any\\s?more)?$");

    // ---- repetition
    /** "stop repeating X", "X doesn't need to repeat anymore", "make X a one-off": the task stays, the rule goes. */
    private static final List<Pattern> STOP_REPEATING = patterns(
            "^(?:stop|quit|end|turn\\s+off|disable|pause)\\s+(?:the\\s+)?(?:repeating|recurring|repetition|recurrence"
                    + "|repeats?)(?:\\s+(?:of|for|on|from))?\\s+(?<ref>.+?)(?:\\s+any\\s?more)?$",
            "^(?:cancel|remove|delete|drop|clear|get\\s+rid\\s+of|take\\s+off|take\\s+away)\\s+(?:the\\s+)?"
                    + "(?:repetition|recurrence|repeat|repeating|recurring)(?:\\s+(?:rule|schedule|setting))?\\s+"
                    + "(?:of|for|on|from|off)\\s+(?<ref>.+)$",
            "^(?:stop|don'?t|do\\s+not|no\\s+more)\\s+(?:repeat|repeating)\\s+(?<ref>.+?)(?:\\s+any\\s?more)?$",
            "^(?:stop|make)\\s+(?<ref>.+?)\\s+(?:from\\s+)?(?:repeating|recurring|stop\\s+repeating|stop\\s+recurring)"
                    + "(?:\\s+any\\s?more)?$",
            "^(?<ref>.+?)\\s+(?:doesn'?t|does\\s+not|shouldn'?t|should\\s+not|won'?t|will\\s+not|needn'?t|can\\s+stop"
                    + "|should\\s+stop|needs\\s+to\\s+stop)\\s+(?:need\\s+to\\s+|have\\s+to\\s+)?(?:repeat|recur|repeating"
                    + "|recurring)(?:\\s+any\\s?more)?$",
            "^(?<ref>.+?)\\s+(?:is|'s|isn'?t)\\s+(?:no\\s+longer\\s+|not\\s+)?(?:repeating|recurring|a\\s+recurring"
                    + "\\s+(?:task|thing)|a\\s+repeating\\s+(?:task|thing))\\s+any\\s?more$",
            "^(?<ref>.+?)\\s+(?:is|'s)\\s+(?:no\\s+longer|not)\\s+(?:repeating|recurring|a\\s+recurring\\s+(?:task|thing))$",
            "^make\\s+(?<ref>.+?)\\s+(?:a\\s+)?(?:one-?off|one[-\\s]time|non-?recurring|not\\s+recurring|non-?repeating)"
                    + "(?:\\s+(?:task|thing))?$",
            "^(?<ref>.+?)\\s+(?:is|'s)\\s+(?:just\\s+)?(?:a\\s+)?(?:one-?off|one[-\\s]time\\s+thing)(?:\\s+now)?$");
    /** "make X repeat every monday", "X should recur monthly": the slot carries the rule and its first date. */
    private static final List<Pattern> SET_REPEATING = patterns(
            "^(?:make|set|have|let|get)\\s+(?<ref>.+?)\\s+(?:to\\s+)?(?:repeat|recur|happen|come\\s+back|come\\s+up)s?"
                    + "\\s*(?<slot>" + SLOT + ")$",
            "^(?:repeat|recur)\\s+(?<ref>.+?)\\s*(?<slot>" + SLOT + ")$",
            "^(?<ref>.+?)\\s+(?:should\\s+|must\\s+|needs\\s+to\\s+|has\\s+to\\s+|will\\s+|can\\s+|is\\s+)?"
                    + "(?:repeats?|recurs?|repeating|recurring|happens?|comes\\s+back|come\\s+back)\\s*(?<slot>" + SLOT + ")$",
            "^(?:make|set|turn)\\s+(?<ref>.+?)\\s+(?:into\\s+)?(?:an?\\s+)?(?:recurring|repeating)(?:\\s+(?:task|thing))?"
                    + "\\s*(?<slot>" + SLOT + ")$");

    // ---- complete
    private static final List<Pattern> COMPLETE_REQUESTS = patterns(
            "^(?:mark|set|flag|tick|check|put)\\s+(?<ref>.+?)\\s+(?:as\\s+|to\\s+)?(?:" + DONE_WORDS + ")$",
            "^(?:tick|check|cross|strike)\\s+(?<ref>.+?)\\s+off" + LIST_END + "$",
            "^(?:done|completed|finished|complete|ticked\\s+off|checked\\s+off)\\s*(?::|\\s-)\\s*(?<ref>.+)$",
            "^(?:i'?m\\s+|i\\s+am\\s+|we'?re\\s+|we\\s+are\\s+)?(?:all\\s+|now\\s+|finally\\s+|totally\\s+)?"
                    + "(?:done|finished|through)\\s+with\\s+(?<ref>.+)$",
            "^(?:i\\s+|we\\s+)?(?:(?:have|'ve|just|already|finally|now)\\s+)*(?:took\\s+care\\s+of|taken\\s+care\\s+of"
                    + "|dealt\\s+with|handled|sorted\\s+out|got\\s+through)\\s+(?<ref>.+)$",
            "^(?:i\\s+|we\\s+)?(?:(?:have|'ve|just)\\s+)*(?:got|gotten)\\s+(?<ref>.+?)\\s+done$",
            "^(?<ref>.+?)(?:\\s+(?:is|are|was|were|has\\s+been|have\\s+been|got|is\\s+now|are\\s+now)|'s)\\s+"
                    + "(?:all\\s+|now\\s+|finally\\s+|already\\s+)?(?:done|finished|complete|completed"
                    + "|sorted(?:\\s+out)?|taken\\s+care\\s+of|dealt\\s+with|handled|ticked\\s+off|checked\\s+off"
                    + "|over\\s+with|out\\s+of\\s+the\\s+way)$");
    /** "finish X" and "I finished X": a new task when X is no task and comes with a date ("finish it by friday"). */
    private static final Pattern FINISH = Pattern.compile(
            "^(?:(?:i|we)\\s+)?(?:(?:have|'ve|just|already|finally|now)\\s+)*(?<verb>complete|finish|close|resolve"
                    + "|finished|completed|did|done|wrapped\\s+up|tick\\s+off|check\\s+off|cross\\s+off|cross\\s+out"
                    + "|strike\\s+(?:off|out|through))\\s+(?<ref>.+?)" + LIST_END + "$", FLAGS);
    private static final Pattern PAST_STATE = Pattern.compile(
            "^(?<ref>.+?)\\s+(?:is|are|was|were|has\\s+been|have\\s+been|got|is\\s+now|are\\s+now)\\s+"
                    + "(?:all\\s+|now\\s+|finally\\s+|already\\s+)?(?<verb>[\\p{L}-]+)(?:\\s+(?:already|now|today|off"
                    + "|in|out))?$", FLAGS);
    private static final Pattern PAST_ACTION = Pattern.compile(
            "^(?:(?:i|we)\\s+|(?:i|we)'ve\\s+)?(?:(?:have|just|already|finally|now|also|actually|totally|successfully)"
                    + "\\s+)*(?<verb>[\\p{L}-]+)\\s+(?<rest>.+)$", FLAGS);
    private static final Pattern MARK_AS_PAST = Pattern.compile(
            "^(?:mark|set|flag)\\s+(?<ref>.+?)\\s+as\\s+(?<verb>[\\p{L}-]+)$", FLAGS);
    /** "printer paper ordered": a task named by its object, then the verb that happened to it. */
    private static final Pattern OBJECT_THEN_PAST = Pattern.compile("^(?<ref>.+?)\\s+(?<verb>[\\p{L}-]+)$", FLAGS);
    /** "I haven't finished X": the verb says nothing about which task, X does. */
    private static final Set<String> FINISHING_VERBS = Set.of("finish", "finished", "complete", "completed", "do",
            "done");
    private static final Pattern WORD_GAP = Pattern.compile("\\s+");
    private static final Set<String> STATE_WORDS = Set.of("done", "finished", "complete", "completed", "sorted",
            "ticked off", "checked off", "handled");

    // ---- delete
    private static final List<Pattern> DELETE_REQUESTS = patterns(
            "^(?<verb>delete|remove|erase|trash|drop|scrap|cancel|discard|ditch|bin|kill|nuke|axe|get\\s+rid\\s+of"
                    + "|forget\\s+about|forget|throw\\s+away|throw\\s+out|toss|take\\s+away|scratch|strike|lose|ditch)\\s+(?<ref>.+?)"
                    + LIST_END
                    + "(?:\\s+(?:please|now|too|as\\s+well|for\\s+good))?$",
            "^(?<verb>take|strike|cross)\\s+(?<ref>.+?)\\s+off\\s+(?:my|the)\\s+(?:to-?do\\s+)?list$",
            "^(?<verb>take)\\s+(?<ref>it|that|this|them)\\s+off$",
            "^(?:(?:i|we)\\s+)?(?:don'?t|do\\s+not|dont|no\\s+longer|won'?t|will\\s+not)\\s+(?:need|have|want|got)\\s+to"
                    + "\\s+(?<ref>.+?)(?:\\s+any\\s?more|\\s+after\\s+all)?$",
            "^(?:i|we)\\s+(?:don'?t|do\\s+not|dont|no\\s+longer)\\s+(?:need|want)\\s+(?<ref>.+?)"
                    + "(?:\\s+any\\s?more|\\s+after\\s+all)$",
            "^no\\s+need\\s+(?:to|for)\\s+(?<ref>.+?)(?:\\s+any\\s?more)?$",
            "^(?<verb>never\\s*mind|nevermind|forget)\\s+about\\s+(?<ref>.+)$",
            "^(?<ref>.+?)\\s+(?:got|was|were|has\\s+been|have\\s+been)\\s+(?:cancell?ed|called\\s+off|scrapped)$",
            "^(?<ref>.+?)(?:\\s+(?:is|are)|'s)\\s+(?:no\\s+longer\\s+(?:needed|necessary|relevant|happening)"
                    + "|not\\s+needed(?:\\s+any\\s?more)?|not\\s+necessary(?:\\s+any\\s?more)?|cancell?ed|called\\s+off"
                    + "|scrapped|off"
                    + "|irrelevant(?:\\s+now)?|obsolete)$");
    /** Verbs that only ever manage the list: an unknown reference after them is a question, never a new task. */
    private static final Set<String> LIST_ONLY_VERBS = Set.of("delete", "erase", "trash", "scrap", "discard",
            "never", "nevermind",
            "ditch", "bin", "kill", "nuke", "axe", "forget", "take", "strike", "cross", "toss", "scratch");

    /** "both A and B": the word says how many, the parts say which. */
    private static final Pattern BOTH = Pattern.compile("^(?:both(?:\\s+of)?|the\\s+tasks?\\s+(?:about|for|called))\\s+",
            FLAGS);

    private ChangeRules() {
    }

    private static List<Pattern> patterns(String... regexes) {
        List<Pattern> compiled = new ArrayList<>();
        for (String regex : regexes) {
            compiled.add(Pattern.compile(regex, FLAGS));
        }
        return List.copyOf(compiled);
    }

    // ---- descriptions and tags (read before "add …" creates a task)

    static boolean describe(Turn turn, String body) {
        for (Pattern pattern : NOTES) {
            Matcher matcher = pattern.matcher(body);
            if (matcher.matches()) {
                turn.apply(turn.resolve(matcher.group("ref"), Purpose.CHANGE),
                        Change.describe(noteText(turn, matcher.group("text"))));
                return true;
            }
        }
        Matcher onIt = NOTE_ON_IT.matcher(body);
        if (onIt.matches()) {
            Resolution resolution = turn.resolve("it", Purpose.CHANGE);
            if (resolution instanceof Unclear) {
                return false;
            }
            turn.apply(resolution, Change.describe(noteText(turn, onIt.group("text"))));
            return true;
        }
        return false;
    }

    static boolean tag(Turn turn, String body) {
        for (Pattern pattern : REPLACE_TAGS) {
            Matcher matcher = pattern.matcher(body);
            if (matcher.matches()) {
                List<String> tags = RegexGroups.optional(matcher, "tags") == null ? List.of()
                        : tagNames(turn, matcher.group("tags"));
                turn.apply(turn.resolve(matcher.group("ref"), Purpose.CHANGE), Change.replacingTags(tags));
                return true;
            }
        }
        for (Pattern pattern : REMOVE_TAGS) {
            Matcher matcher = pattern.matcher(body);
            if (matcher.matches()) {
                turn.apply(turn.resolve(matcher.group("ref"), Purpose.CHANGE),
                        Change.tags(List.of(), tagNames(turn, matcher.group("tags"))));
                return true;
            }
        }
        for (int i = 0; i < ADD_TAGS.size(); i++) {
            Matcher matcher = ADD_TAGS.get(i).matcher(body);
            if (!matcher.matches()) {
                continue;
            }
            Resolution resolution = turn.resolve(matcher.group("ref"), Purpose.CHANGE);
            boolean addingTagsToText = i >= ADD_TAGS.size() - 2;
            if (addingTagsToText && resolution instanceof Unclear) {
                return false;
            }
            turn.apply(resolution, Change.tags(tagNames(turn, matcher.group("tags")), List.of()));
            return true;
        }
        return false;
    }

    /** "I still need to walk the dog": reopens a completed task of that name; otherwise it is a new task. */
    static boolean stillNeeded(Turn turn, String body) {
        Matcher matcher = STILL_NEED_TO.matcher(body);
        if (!matcher.matches()) {
            return false;
        }
        Resolution resolution = turn.resolve(matcher.group("ref"), Purpose.REOPEN);
        double strength = turn.referenceStrength(matcher.group("ref"), Purpose.REOPEN);
        if (resolution instanceof Found found && found.task().completed() && strength >= 0.9) {
            turn.apply(resolution, Change.completion(false));
            return true;
        }
        if (resolution instanceof Found found && !found.task().completed() && strength >= TaskMatcher.ACCEPTED) {
            // "still need to vacuum" with "vacuum the living room" open: it is on the list already
            turn.reply("\"" + found.task().title() + "\" is still on your list.");
            return true;
        }
        return false;
    }

    // ---- the rest, in order

    static boolean change(Turn turn, String body) {
        return repetition(turn, body) || clearDue(turn, body) || priorityStatement(turn, body) || reopen(turn, body) || rename(turn, body) || setPriority(turn, body) || setDue(turn, body)
                || stepPriority(turn, body) || complete(turn, body) || delete(turn, body) || pastTense(turn, body);
    }

    /** "walk the dog ✅": the check mark alone says it is done. */
    static boolean completeMarked(Turn turn, String body) {
        Resolution resolution = turn.resolve(body, Purpose.COMPLETE);
        if (resolution instanceof Unclear unclear && unclear.nothingSimilar()) {
            return false;
        }
        turn.apply(resolution, Change.completion(true));
        return true;
    }

    private static boolean reopen(Turn turn, String body) {
        for (Pattern pattern : REOPEN_REQUESTS) {
            Matcher matcher = pattern.matcher(body);
            if (matcher.matches()) {
                applyToEach(turn, matcher.group("ref"), Purpose.REOPEN, Change.completion(false));
                return true;
            }
        }
        Matcher state = NOT_DONE_STATE.matcher(body);
        if (state.matches() && isDoneState(turn, state.group("state"))) {
            turn.apply(turn.resolve(state.group("ref"), Purpose.REOPEN), Change.completion(false));
            return true;
        }
        Matcher notYet = NOT_DONE_YET.matcher(body);
        if (notYet.matches()) {
            String verb = notYet.group("verb").toLowerCase(Locale.ROOT);
            String rest = notYet.group("rest");
            if (FINISHING_VERBS.contains(verb)) {
                turn.apply(turn.resolve(rest, Purpose.REOPEN), Change.completion(false));
                return true;
            }
            Optional<String> base = Words.isTaskVerb(verb) || turn.titleVerbs().contains(verb)
                    ? Optional.of(verb) : Words.baseOfPast(verb, turn.titleVerbs());
            if (base.isPresent()) {
                Resolution resolution = actionReference(turn, base.get(), rest, Purpose.REOPEN);
                if (resolution != null) {
                    turn.apply(resolution, Change.completion(false));
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean rename(Turn turn, String body) {
        Matcher quoted = QUOTED_RENAME.matcher(body);
        if (quoted.matches() && turn.utterance.isOnly(quoted.group("ref"), Utterance.Quote.class)
                && turn.utterance.isOnly(quoted.group("title"), Utterance.Quote.class)) {
            turn.apply(turn.resolve(quoted.group("ref"), Purpose.CHANGE),
                    Change.rename(newTitle(turn, quoted.group("title"))));
            return true;
        }
        Matcher callIt = CALL_IT.matcher(body);
        if (callIt.matches() && !turn.utterance.slotsIn(callIt.group("title")).stream()
                .anyMatch(slot -> slot instanceof Utterance.When)) {
            turn.apply(turn.resolve(callIt.group("ref"), Purpose.CHANGE), Change.rename(newTitle(turn,
                    callIt.group("title"))));
            return true;
        }
        Matcher renaming = RENAME.matcher(body);
        if (renaming.matches()) {
            Optional<String[]> split = firstReferenceSplit(turn, renaming.group("rest"), RENAME_SEPARATOR);
            if (split.isPresent()) {
                turn.apply(turn.resolve(split.get()[0], Purpose.CHANGE), Change.rename(newTitle(turn, split.get()[1])));
                return true;
            }
            return false;
        }
        Matcher titleOf = TITLE_OF.matcher(body);
        if (titleOf.matches()) {
            Optional<String[]> split = firstReferenceSplit(turn, titleOf.group("rest"), CHANGE_SEPARATOR);
            if (split.isPresent()) {
                turn.apply(turn.resolve(split.get()[0], Purpose.CHANGE), Change.rename(newTitle(turn, split.get()[1])));
                return true;
            }
        }
        Matcher shouldBeCalled = SHOULD_BE_CALLED.matcher(body);
        if (shouldBeCalled.matches()) {
            turn.apply(turn.resolve(shouldBeCalled.group("ref"), Purpose.CHANGE),
                    Change.rename(newTitle(turn, shouldBeCalled.group("title"))));
            return true;
        }
        Matcher possessive = TITLE_OF_POSSESSIVE.matcher(body);
        if (possessive.matches()) {
            turn.apply(turn.resolve(possessive.group("ref"), Purpose.CHANGE),
                    Change.rename(newTitle(turn, possessive.group("title"))));
            return true;
        }
        Matcher changeTo = CHANGE_TO.matcher(body);
        if (changeTo.matches()) {
            Optional<String[]> split = firstReferenceSplit(turn, changeTo.group("rest"), CHANGE_SEPARATOR);
            if (split.isPresent() && turn.referenceStrength(split.get()[0], Purpose.CHANGE) >= TaskMatcher.ACCEPTED) {
                Resolution resolution = turn.resolve(split.get()[0], Purpose.CHANGE);
                turn.apply(resolution, changeTowards(turn, split.get()[1]));
                return true;
            }
        }
        Matcher callInstead = CALL_INSTEAD.matcher(body);
        if (callInstead.matches() && turn.utterance.slotsIn(callInstead.group("rest"), Utterance.When.class).isEmpty()) {
            Optional<String[]> split = bestSplit(turn, callInstead.group("rest"), WORD_GAP);
            if (split.isPresent() && turn.referenceStrength(split.get()[0], Purpose.CHANGE) >= TaskMatcher.ACCEPTED) {
                turn.apply(turn.resolve(split.get()[0], Purpose.CHANGE), Change.rename(newTitle(turn, split.get()[1])));
                return true;
            }
        }
        return false;
    }

    /** What "change X to Y" changes: the due date, the priority, the state, or else the title. */
    private static Change changeTowards(Turn turn, String target) {
        Utterance utterance = turn.utterance;
        if (utterance.isOnly(target, Utterance.When.class)) {
            return Change.due(utterance.slotsIn(target, Utterance.When.class).get(0).due());
        }
        if (utterance.isOnly(target, Utterance.Urgency.class)) {
            return Change.priority(utterance.slotsIn(target, Utterance.Urgency.class).get(0).priority());
        }
        String words = utterance.plain(target).toLowerCase(Locale.ROOT).strip();
        if (words.matches("(?:an?\\s+)?(?:" + LEVEL_WORDS + ")(?:\\s+priority)?")) {
            return Change.priority(PriorityPhrases.levelOf(words.replaceAll("^an?\\s+|\\s+priority$", "")));
        }
        if (words.matches("(?:" + DONE_WORDS + ")")) {
            return Change.completion(true);
        }
        if (words.matches("(?:" + NOT_DONE_WORDS + ")")) {
            return Change.completion(false);
        }
        return Change.rename(newTitle(turn, target));
    }

    private static boolean priorityStatement(Turn turn, String body) {
        Matcher noLonger = NO_LONGER_PRIORITY.matcher(body);
        if (noLonger.matches() && turn.utterance.isOnly(noLonger.group("slot"), Utterance.Urgency.class)) {
            Resolution resolution = turn.resolve(noLonger.group("ref"), Purpose.CHANGE);
            if (!(resolution instanceof Unclear unclear && unclear.nothingSimilar())) {
                turn.apply(resolution, Change.priority(Priority.DEFAULT));
                return true;
            }
        }
        Matcher statement = PRIORITY_STATEMENT.matcher(body);
        if (statement.matches() && turn.utterance.isOnly(statement.group("slot"), Utterance.Urgency.class)) {
            String reference = statement.group("ref");
            Resolution resolution = turn.resolve(reference, Purpose.CHANGE);
            if (resolution instanceof Found || turn.isPointer(reference) && !(resolution instanceof Unclear)) {
                Utterance.Urgency urgency = turn.utterance.slotsIn(statement.group("slot"), Utterance.Urgency.class)
                        .get(0);
                // "not urgent anymore" takes the urgency away: back to the default, not down to low
                boolean takenAway = statement.group("anymore") != null
                        && urgency.source().toLowerCase(java.util.Locale.ROOT).startsWith("not");
                Priority priority = takenAway ? Priority.DEFAULT : urgency.priority();
                turn.apply(resolution, Change.priority(priority));
                return true;
            }
        }
        return false;
    }

    private static boolean setPriority(Turn turn, String body) {
        if (turn.utterance.isOnly(body, Utterance.Urgency.class)) {
            Resolution resolution = turn.resolve("it", Purpose.CHANGE);
            turn.apply(resolution, Change.priority(
                    turn.utterance.slotsIn(body, Utterance.Urgency.class).get(0).priority()));
            return true;
        }
        for (int i = 0; i < SET_PRIORITY.size(); i++) {
            Matcher matcher = SET_PRIORITY.get(i).matcher(body);
            if (!matcher.matches()) {
                continue;
            }
            Priority priority = priorityOf(turn, matcher);
            if (priority == null) {
                continue;
            }
            String reference = matcher.group("ref");
            boolean statement = i == SET_PRIORITY.size() - 1;
            if (statement && turn.referenceStrength(reference, Purpose.CHANGE) < TaskMatcher.ACCEPTED) {
                continue;
            }
            turn.apply(turn.resolve(reference, Purpose.CHANGE), Change.priority(priority));
            return true;
        }
        Matcher levelFirst = LEVEL_THEN_REFERENCE.matcher(body);
        if (levelFirst.matches() && turn.utterance.isOnly(levelFirst.group("slot"), Utterance.Urgency.class)
                && (turn.isPointer(levelFirst.group("ref"))
                || turn.referenceStrength(levelFirst.group("ref"), Purpose.CHANGE) >= TaskMatcher.ACCEPTED)) {
            turn.apply(turn.resolve(levelFirst.group("ref"), Purpose.CHANGE), Change.priority(
                    turn.utterance.slotsIn(levelFirst.group("slot"), Utterance.Urgency.class).get(0).priority()));
            return true;
        }
        Matcher canWait = CAN_WAIT.matcher(body);
        if (canWait.matches() && turn.referenceStrength(canWait.group("ref"), Purpose.CHANGE) >= TaskMatcher.ACCEPTED) {
            turn.apply(turn.resolve(canWait.group("ref"), Purpose.CHANGE), Change.priority(Priority.LOW));
            return true;
        }
        return false;
    }

    private static Priority priorityOf(Turn turn, Matcher matcher) {
        String slot = matcher.group("slot");
        if (slot != null) {
            List<Utterance.Urgency> urgencies = turn.utterance.slotsIn(slot, Utterance.Urgency.class);
            return urgencies.isEmpty() ? null : urgencies.get(0).priority();
        }
        String level = RegexGroups.optional(matcher, "level");
        return level == null ? null : PriorityPhrases.levelOf(level);
    }

    private static boolean stepPriority(Turn turn, String body) {
        Matcher raise = RAISE.matcher(body);
        if (raise.matches()) {
            turn.apply(turn.resolve(raise.group("ref"), Purpose.CHANGE), Change.priorityStep(1));
            return true;
        }
        Matcher lower = LOWER.matcher(body);
        if (lower.matches()) {
            turn.apply(turn.resolve(lower.group("ref"), Purpose.CHANGE), Change.priorityStep(-1));
            return true;
        }
        return false;
    }

    private static boolean repetition(Turn turn, String body) {
        for (Pattern pattern : STOP_REPEATING) {
            Matcher matcher = pattern.matcher(body);
            if (matcher.matches()) {
                applyToEach(turn, matcher.group("ref"), Purpose.CHANGE, Change.stoppingRepetition());
                return true;
            }
        }
        for (Pattern pattern : SET_REPEATING) {
            Matcher matcher = pattern.matcher(body);
            if (matcher.matches() && turn.utterance.isOnly(matcher.group("slot"), Utterance.When.class)) {
                Due due = whenIn(turn, matcher.group("slot"));
                if (due.recurrence() != null) {
                    turn.apply(turn.resolve(matcher.group("ref"), Purpose.CHANGE), Change.due(due));
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean clearDue(Turn turn, String body) {
        for (Pattern pattern : CLEAR_DUE) {
            Matcher matcher = pattern.matcher(body);
            if (matcher.matches()) {
                String reference = matcher.group("ref").isBlank() ? "it" : matcher.group("ref");
                applyToEach(turn, reference, Purpose.CHANGE, Change.clearingDue());
                return true;
            }
        }
        return false;
    }

    private static boolean setDue(Turn turn, String body) {
        Matcher onIt = DUE_ON_IT.matcher(body);
        if (onIt.matches() && turn.utterance.isOnly(onIt.group("slot"), Utterance.When.class)) {
            boolean explicit = onIt.group("due") != null || onIt.group("instead") != null
                    || !body.strip().startsWith(String.valueOf(Utterance.SLOT_OPEN));
            Resolution resolution = turn.resolve("it", Purpose.CHANGE);
            if (explicit || !(resolution instanceof Unclear)) {
                turn.apply(resolution, Change.due(whenIn(turn, onIt.group("slot"))));
                return true;
            }
            return false;
        }
        for (int i = 0; i < SET_DUE.size(); i++) {
            Matcher matcher = SET_DUE.get(i).matcher(body);
            if (!matcher.matches() || !turn.utterance.isOnly(matcher.group("slot"), Utterance.When.class)) {
                continue;
            }
            String reference = matcher.group("ref");
            Resolution resolution = turn.resolve(reference, Purpose.CHANGE);
            boolean verbCouldStartATask = i == MOVE_TO_DATE && Words.isTaskVerb(firstWord(body));
            boolean statement = i >= SET_DUE.size() - 3;
            if (resolution instanceof Unclear unclear && !turn.isPointer(reference)
                    && (statement || verbCouldStartATask && unclear.nothingSimilar())) {
                return false;
            }
            turn.apply(resolution, Change.due(whenIn(turn, matcher.group("slot"))));
            return true;
        }
        Matcher shift = SHIFT.matcher(body);
        if (shift.matches()) {
            Optional<Integer> readCount = Words.number(shift.group("count"));
            if (readCount.isEmpty()) {
                turn.reply("That is further ahead than I can plan, so I left the due date as it is.");
                return true;
            }
            int count = readCount.get();
            String unit = shift.group("unit").toLowerCase(Locale.ROOT);
            Period period = unit.startsWith("d") ? Period.ofDays(count)
                    : unit.startsWith("w") ? Period.ofWeeks(count) : Period.ofMonths(count);
            turn.apply(turn.resolve(shift.group("ref"), Purpose.CHANGE), Change.shift(period));
            return true;
        }
        Matcher postpone = POSTPONE.matcher(body);
        if (postpone.matches() && !Utterance.containsSlot(postpone.group("ref"))) {
            turn.apply(turn.resolve(postpone.group("ref"), Purpose.CHANGE), Change.shift(Period.ofDays(1)));
            return true;
        }
        return false;
    }

    private static boolean complete(Turn turn, String body) {
        for (Pattern pattern : COMPLETE_REQUESTS) {
            Matcher matcher = pattern.matcher(body);
            if (matcher.matches()) {
                applyToEach(turn, matcher.group("ref"), Purpose.COMPLETE, Change.completion(true));
                return true;
            }
        }
        Matcher finish = FINISH.matcher(body);
        if (finish.matches()) {
            String reference = finish.group("ref");
            boolean plansAhead = turn.utterance.slotsIn(reference).stream()
                    .anyMatch(slot -> slot instanceof Utterance.When || slot instanceof Utterance.Urgency);
            if (plansAhead) {
                return false;
            }
            Resolution resolution = turn.resolve(reference, Purpose.COMPLETE);
            if (resolution instanceof Unclear unclear && unclear.nothingSimilar() && !turn.isPointer(reference)) {
                return false;
            }
            applyToEach(turn, reference, Purpose.COMPLETE, Change.completion(true));
            return true;
        }
        return false;
    }

    private static boolean delete(Turn turn, String body) {
        for (Pattern pattern : DELETE_REQUESTS) {
            Matcher matcher = pattern.matcher(body);
            if (!matcher.matches()) {
                continue;
            }
            String reference = matcher.group("ref");
            Resolution resolution = turn.resolve(reference, Purpose.CHANGE);
            String verb = groupOrEmpty(matcher, "verb").toLowerCase(Locale.ROOT).split("\\s+")[0];
            boolean couldBeANewTask = !verb.isEmpty() && !LIST_ONLY_VERBS.contains(verb);
            if (resolution instanceof Unclear unclear && unclear.nothingSimilar() && couldBeANewTask
                    && !turn.isPointer(reference)) {
                return false;
            }
            applyToEach(turn, reference, Purpose.CHANGE, Change.deletion());
            return true;
        }
        return false;
    }

    /** "I watered the plants", "the electricity bill is paid": telling that it happened completes the task. */
    private static boolean pastTense(Turn turn, String body) {
        Matcher state = PAST_STATE.matcher(body);
        if (state.matches()) {
            String verb = state.group("verb").toLowerCase(Locale.ROOT);
            // "the fridge is clean now" for "clean the fridge": the title's verb used as the state it leads to
            Optional<String> base = Words.baseOfPast(verb, turn.titleVerbs())
                    .or(() -> turn.titleVerbs().contains(verb) ? Optional.of(verb) : Optional.empty());
            if (base.isPresent() || STATE_WORDS.contains(verb)) {
                Resolution resolution = base.isPresent()
                        ? actionReference(turn, base.get(), state.group("ref"), Purpose.COMPLETE)
                        : turn.resolve(state.group("ref"), Purpose.COMPLETE);
                if (resolution != null) {
                    turn.apply(resolution, Change.completion(true));
                    return true;
                }
            }
        }
        Matcher markedAs = MARK_AS_PAST.matcher(body);
        if (markedAs.matches() && Words.baseOfPast(markedAs.group("verb"), turn.titleVerbs()).isPresent()) {
            applyToEach(turn, markedAs.group("ref"), Purpose.COMPLETE, Change.completion(true));
            return true;
        }
        Matcher objectFirst = OBJECT_THEN_PAST.matcher(body);
        if (objectFirst.matches() && !Words.isTaskVerb(firstWord(objectFirst.group("ref")))) {
            Optional<String> base = Words.baseOfPast(objectFirst.group("verb"), turn.titleVerbs());
            Resolution resolution = base.isEmpty() ? null
                    : actionReference(turn, base.get(), objectFirst.group("ref"), Purpose.COMPLETE);
            if (resolution != null) {
                turn.apply(resolution, Change.completion(true));
                return true;
            }
        }
        Matcher action = PAST_ACTION.matcher(body);
        if (!action.matches()) {
            return false;
        }
        String verb = action.group("verb").toLowerCase(Locale.ROOT);
        Optional<String> base = Words.baseOfPast(verb, turn.titleVerbs());
        if (base.isEmpty()) {
            return false;
        }
        Resolution resolution = actionReference(turn, base.get(), action.group("rest"), Purpose.COMPLETE);
        if (resolution == null) {
            turn.reply("I couldn't find a task about that on your list, so nothing changed.");
            return true;
        }
        turn.apply(resolution, Change.completion(true));
        return true;
    }

    /**
     * The task an action names ("walked" + "the dog"): it must both contain the verb and share a word with the
     * object, so "I walked to the park" does not complete "walk the dog". {@code null} when nothing fits.
     */
    private static Resolution actionReference(Turn turn, String baseVerb, String maskedObject, Purpose purpose) {
        String object = maskedObject.replaceAll(SLOT, " ").strip();
        if (object.isEmpty()) {
            return null;
        }
        if (turn.isPointer(object)) {
            return turn.resolve(object, purpose);
        }
        String verbStem = Words.stem(baseVerb);
        List<String> objectStems = Words.contentStems(turn.utterance.plain(object));
        Resolution resolution = turn.resolve(baseVerb + " " + object, purpose);
        if (resolution instanceof Found found) {
            List<String> titleStems = Words.contentStems(found.task().title());
            boolean sharesObject = objectStems.isEmpty() || objectStems.stream().anyMatch(titleStems::contains);
            boolean sharesVerb = titleStems.contains(verbStem);
            boolean objectAloneIsEnough = turn.referenceStrength(object, purpose) >= 0.8;
            return sharesObject && (sharesVerb || objectAloneIsEnough) ? resolution : null;
        }
        if (resolution instanceof Unclear unclear && !unclear.candidateIds().isEmpty()) {
            return resolution;
        }
        return null;
    }

    /** Applies a change to one task, or to each of "X and Y" when both name a task and together they name none. */
    private static void applyToEach(Turn turn, String reference, Purpose purpose, Change change) {
        Resolution whole = turn.resolve(reference, purpose);
        // "delete the gym and the yoga tasks" names two tasks even when one of them alone matches the whole phrase;
        // only an exact title with an "and" in it ("salt and pepper") stays one reference
        boolean exactTitle = whole instanceof Found && turn.referenceStrength(reference, purpose) >= TaskMatcher.EXACT;
        if (!exactTitle && !reference.toLowerCase(Locale.ROOT).startsWith("the one")) {
            String[] parts = BOTH.matcher(reference).replaceFirst("")
                    .split("\\s*(?:,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*)\\s*");
            if (parts.length > 1) {
                List<Resolution> each = new ArrayList<>();
                Set<String> ids = new java.util.HashSet<>();
                for (String part : parts) {
                    Resolution resolution = turn.resolve(part, purpose);
                    if (!(resolution instanceof Found found) || turn.referenceStrength(part, purpose) < 0.8
                            || !ids.add(found.task().id())) {
                        each.clear();
                        break;
                    }
                    each.add(resolution);
                }
                if (!each.isEmpty()) {
                    each.forEach(resolution -> turn.apply(resolution, change));
                    return;
                }
            }
        }
        turn.apply(whole, change);
    }

    /**
     * Splits "X to Y" for a rename: at an exact title if there is one ("send the invoice to ACME to …"), otherwise
     * at the first "to" after which X names a task, because the new title tends to repeat the old one's words and
     * would otherwise pull the split to the right.
     */
    private static Optional<String[]> firstReferenceSplit(Turn turn, String text, Pattern separator) {
        Matcher matcher = separator.matcher(text);
        String[] firstAccepted = null;
        while (matcher.find()) {
            String left = text.substring(0, matcher.start()).strip();
            String right = text.substring(matcher.end()).strip();
            if (left.isEmpty() || right.isEmpty()) {
                continue;
            }
            double strength = turn.referenceStrength(left, Purpose.CHANGE);
            if (strength >= TaskMatcher.EXACT) {
                return Optional.of(new String[] {left, right});
            }
            if (strength >= TaskMatcher.ACCEPTED && firstAccepted == null) {
                firstAccepted = new String[] {left, right};
            }
        }
        return firstAccepted != null ? Optional.of(firstAccepted) : bestSplit(turn, text, separator);
    }

    /** Splits "X <separator> Y" where X best names a task (the left side may itself contain the separator). */
    private static Optional<String[]> bestSplit(Turn turn, String text, Pattern separator) {
        Matcher matcher = separator.matcher(text);
        String[] best = null;
        double bestStrength = -1;
        while (matcher.find()) {
            String left = text.substring(0, matcher.start()).strip();
            String right = text.substring(matcher.end()).strip();
            if (left.isEmpty() || right.isEmpty()) {
                continue;
            }
            double strength = turn.referenceStrength(left, Purpose.CHANGE);
            // on a tie the longer reference wins: "the garage task 'x'" names "the garage task", renamed to 'x'
            if (strength >= bestStrength) {
                bestStrength = strength;
                best = new String[] {left, right};
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isDoneState(Turn turn, String state) {
        String value = state.toLowerCase(Locale.ROOT);
        return STATE_WORDS.contains(value) || Words.baseOfPast(value.split("\\s+")[0], turn.titleVerbs()).isPresent();
    }

    private static String newTitle(Turn turn, String maskedTitle) {
        return Titles.clean(turn.utterance.verbatim(maskedTitle));
    }

    private static String noteText(Turn turn, String maskedText) {
        return Titles.clean(turn.utterance.verbatim(maskedText));
    }

    private static List<String> tagNames(Turn turn, String maskedTags) {
        List<String> names = new ArrayList<>();
        for (Utterance.Label label : turn.utterance.slotsIn(maskedTags, Utterance.Label.class)) {
            names.add(label.tag());
        }
        // priority words stay tag names here: "take the urgent tag off X"
        String words = turn.utterance.verbatim(maskedTags).replaceAll("[\"']", " ");
        for (String word : words.split("[\\s,&]+")) {
            String name = word.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
            if (!name.isBlank() && !name.equals("and") && !name.equals("the") && !name.equals("tag")
                    && !name.equals("tags")) {
                names.add(name);
            }
        }
        return names.stream().distinct().toList();
    }

    private static Due whenIn(Turn turn, String maskedSlot) {
        return turn.utterance.slotsIn(maskedSlot, Utterance.When.class).get(0).due();
    }

    private static String firstWord(String text) {
        List<String> words = Words.tokens(text);
        return words.isEmpty() ? "" : words.get(0);
    }

    private static String groupOrEmpty(Matcher matcher, String group) {
        String value = RegexGroups.optional(matcher, group);
        return value == null ? "" : value;
    }
}
