package io.taskbot.agent.offline;

import java.util.regex.Pattern;

/** Turns what is left of a request, once its dates, priorities and tags are cut out, into a clean task title. */
final class Titles {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern TRAILING_FILLER = Pattern.compile(
            "(?:[\\s,;:&+-]+"
                    // "mail the card, has to be out by 7/14": what is left of a deadline once its date is cut out
                    + "|,\\s*(?:it\\s+|they\\s+)?(?:has|have|needs?|must)\\s+(?:to\\s+)?be\\s+(?:done|out|in|sent|ready|finished|paid"
                    + "|submitted|back)"
                    + "|\\s+(?:please|pls|thanks|thank\\s+you|for\\s+me|as\\s+well|due|and"
                    + "|instead|to\\s+(?:my|the)\\s+(?:to-?do\\s+|todo\\s+|task\\s+)?list|on\\s+(?:my|the)\\s+list"
                    + "|(?:,\\s*)?(?:and\\s+)?(?:make|mark|set|flag)\\s+(?:it|that)(?:\\s+(?:as|to))?))+$", FLAGS);
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:[\\s,;:&+*\\u2022-]+|(?:to|and|also|then|please)\\s+)+", FLAGS);
    /** Emoji and other symbols at the end decorate a message ("buy batteries 🔋", "call mom 😅"); no title needs them. */
    private static final Pattern TRAILING_SYMBOLS = Pattern.compile(
            "(?:[\\s]*[\\p{So}\\p{Sk}\\p{Cs}\\uFE0F\\u200D\\u20E3]+|\\s+(?:lol|haha+|lmao|xd|:\\)|:\\(|:d|;\\)))+$", FLAGS);
    /** Brackets left with nothing but punctuation once a slot was cut out: "buy tickets (urgent!)". */
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*[\\p{P}&&[^()]]*\\s*\\)|\\[\\s*[\\p{P}&&[^\\[\\]]]*\\s*]");
    private static final Pattern SURROUNDING_QUOTES = Pattern.compile("^([\"'`])(.+)\\1$");

    private Titles() {
    }

    static String clean(String text) {
        String title = EMPTY_BRACKETS.matcher(text).replaceAll(" ");
        title = title.replaceAll("\\s+", " ").strip();
        String previous;
        do {
            previous = title;
            title = TRAILING_SYMBOLS.matcher(title).replaceAll("");
            title = TRAILING_FILLER.matcher(title).replaceAll("");
            title = LEADING_FILLER.matcher(title).replaceAll("");
            title = title.replaceAll("[.!?…]+$", "").strip();
            var quoted = SURROUNDING_QUOTES.matcher(title);
            if (quoted.matches()) {
                title = quoted.group(2).strip();
            }
        } while (!title.equals(previous));
        return title;
    }
}
