package io.taskbot.agent.offline;

import java.util.regex.Matcher;

/** Reads named groups that only some of the patterns in a rule list have. */
final class RegexGroups {

    private RegexGroups() {
    }

    /** The group's text, or {@code null} when it did not take part or the pattern has no such group. */
    static String optional(Matcher matcher, String name) {
        if (!matcher.pattern().pattern().contains("(?<" + name + ">")) {
            return null;
        }
        return matcher.group(name);
    }
}
