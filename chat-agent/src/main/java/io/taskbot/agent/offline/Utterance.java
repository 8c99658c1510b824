package io.taskbot.agent.offline;

import io.taskbot.task.Priority;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An utterance with its quoted text, tags, date phrases and priority phrases replaced by numbered slot markers.
 * The rules then read the sentence's structure ("rename X to Y", "add X and Y") without tripping over what is
 * inside the slots: a quoted "delete all tasks" stays a title, and "tomorrow" never ends up in one.
 */
final class Utterance {

    static final char SLOT_OPEN = '\uE000';
    static final char SLOT_CLOSE = '\uE001';
    /** One slot marker; group 1 is its index. */
    static final String SLOT = "\uE000(\\d+)\uE001";

    sealed interface Slot {
        /** The words the slot replaced, as the user wrote them. */
        String source();
    }

    record Quote(String source, String content) implements Slot {
    }

    record When(String source, Due due) implements Slot {
    }

    record Urgency(String source, Priority priority) implements Slot {
    }

    record Label(String source, String tag) implements Slot {
    }

    private static final Pattern SLOT_PATTERN = Pattern.compile(SLOT);
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"([^\"]+)\"");
    /** 'reply to Anna's email': an apostrophe followed by a letter is part of a word, not the closing quote. */
    private static final Pattern SINGLE_QUOTED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])'((?:[^']|'(?=\\p{L}))+?)'(?![\\p{L}\\p{N}])");
    private static final Pattern HASH_TAG = Pattern.compile("(?<![\\p{L}\\p{N}&#/])#(\\p{L}[\\p{L}\\p{N}_-]*)");
    private static final Pattern DONE_MARKS = Pattern.compile("[\\u2705\\u2714\\u2611]\\uFE0F?");
    /** Zero-width and other format characters: they separate nothing a reader can see. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}&&[^\\u200D]]");
    /** Control characters other than line breaks and tabs read as a blank. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0]+");
    private static final Pattern INLINE_NUMBERED_LIST = Pattern.compile("^\\s*1[.)]\\s+\\S[^\\n]*?\\s2[.)]\\s+\\S");
    private static final Pattern INLINE_NUMBER = Pattern.compile("\\s+(?=(?:[2-9]|1\\d)[.)]\\s+\\S)");
    /** What may stand between a repetition and its time of day: "every monday, at 9". */
    private static final Pattern ADJACENT = Pattern.compile("[\\s,]*");

    private final String masked;
    private final List<Slot> slots;
    private final boolean markedDone;

    private Utterance(String masked, List<Slot> slots, boolean markedDone) {
        this.masked = masked;
        this.slots = List.copyOf(slots);
        this.markedDone = markedDone;
    }

    static Utterance read(String raw, LocalDate today, LocalTime now) {
        return read(raw, today, now, DateOrder.MONTH_FIRST);
    }

    static Utterance read(String raw, LocalDate today, LocalTime now, DateOrder order) {
        String text = normalize(raw);
        boolean markedDone = DONE_MARKS.matcher(text).find();
        text = DONE_MARKS.matcher(text).replaceAll(" ");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        if (INLINE_NUMBERED_LIST.matcher(text).find()) {
            // "1. call bank 2. pay rent": a numbered list typed on one line is a list of lines
            text = INLINE_NUMBER.matcher(text).replaceAll("\n");
        }
        List<Slot> slots = new ArrayList<>();
        text = maskQuotes(text, DOUBLE_QUOTED, slots);
        text = maskQuotes(text, SINGLE_QUOTED, slots);
        text = Lexicon.canonical(text);
        text = maskTags(text, slots);
        text = maskDates(text, today, now, order, slots);
        text = maskPriorities(text, slots);
        return new Utterance(text, slots, markedDone);
    }

    /** Unifies typographic quotes and dashes so that the rules see one spelling. */
    static String normalize(String raw) {
        String text = raw == null ? "" : raw;
        text = text.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201B', '\'').replace('\u2032', '\'')
                .replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"')
                .replace("\u2013", " - ").replace("\u2014", " - ").replace("\r\n", "\n").replace('\r', '\n')
                .replace(SLOT_OPEN, ' ').replace(SLOT_CLOSE, ' ');
        text = INVISIBLE.matcher(text).replaceAll("");
        text = CONTROL.matcher(text).replaceAll(" ");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    String masked() {
        return masked;
    }

    /** Whether the user wrote a check mark ("walked the dog ✅"). */
    boolean markedDone() {
        return markedDone;
    }

    /** The slots whose markers occur in a part of the masked text, in order. */
    List<Slot> slotsIn(String maskedPart) {
        List<Slot> found = new ArrayList<>();
        Matcher matcher = SLOT_PATTERN.matcher(maskedPart);
        while (matcher.find()) {
            found.add(slots.get(Integer.parseInt(matcher.group(1))));
        }
        return Collections.unmodifiableList(found);
    }

    <T extends Slot> List<T> slotsIn(String maskedPart, Class<T> kind) {
        List<T> found = new ArrayList<>();
        for (Slot slot : slotsIn(maskedPart)) {
            if (kind.isInstance(slot)) {
                found.add(kind.cast(slot));
            }
        }
        return found;
    }

    /** The part with every slot put back as the user wrote it (quotes included). */
    String verbatim(String maskedPart) {
        return replaceSlots(maskedPart, true);
    }

    /** The part with quotes put back as their content and every other slot left out. */
    String plain(String maskedPart) {
        return replaceSlots(maskedPart, false);
    }

    /** Whether a part of the masked text is nothing but slots of one kind (and blanks or punctuation). */
    boolean isOnly(String maskedPart, Class<? extends Slot> kind) {
        List<Slot> inPart = slotsIn(maskedPart);
        if (inPart.isEmpty() || !inPart.stream().allMatch(kind::isInstance)) {
            return false;
        }
        return SLOT_PATTERN.matcher(maskedPart).replaceAll("").replaceAll("[\\s,.;:!?()-]", "").isEmpty();
    }

    static boolean containsSlot(String maskedPart) {
        return maskedPart.indexOf(SLOT_OPEN) >= 0;
    }

    private String replaceSlots(String maskedPart, boolean keepAll) {
        Matcher matcher = SLOT_PATTERN.matcher(maskedPart);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            Slot slot = slots.get(Integer.parseInt(matcher.group(1)));
            String replacement;
            if (keepAll) {
                replacement = slot.source();
            } else if (slot instanceof Quote quote) {
                replacement = quote.content();
            } else {
                replacement = "";
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return SPACES.matcher(result.toString()).replaceAll(" ").strip();
    }

    private static String marker(int index) {
        return " " + SLOT_OPEN + index + SLOT_CLOSE + " ";
    }

    private static String maskQuotes(String text, Pattern quoted, List<Slot> slots) {
        Matcher matcher = quoted.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String content = matcher.group(1).strip();
            if (content.isEmpty()) {
                continue;
            }
            slots.add(new Quote(matcher.group(), content));
            matcher.appendReplacement(result, Matcher.quoteReplacement(marker(slots.size() - 1)));
        }
        matcher.appendTail(result);
        return tidy(result.toString());
    }

    private static String maskTags(String text, List<Slot> slots) {
        Matcher matcher = HASH_TAG.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            slots.add(new Label(matcher.group(), matcher.group(1).toLowerCase(Locale.ROOT)));
            matcher.appendReplacement(result, Matcher.quoteReplacement(marker(slots.size() - 1)));
        }
        matcher.appendTail(result);
        return tidy(result.toString());
    }

    /**
     * Masks repetition phrases ("every monday") and date phrases ("tomorrow at 5pm") as date slots. A repetition
     * and a time of day right next to it ("every weekday at 9am") are one slot: the rule's first occurrence at
     * that time. Dates are looked for with the repetitions blanked out, so "monday" in "every monday" is no date.
     */
    private static String maskDates(String text, LocalDate today, LocalTime now, DateOrder order,
                                    List<Slot> slots) {
        List<RecurrenceGrammar.Found> repeats = RecurrenceGrammar.find(text);
        char[] blanked = text.toCharArray();
        for (RecurrenceGrammar.Found repeat : repeats) {
            java.util.Arrays.fill(blanked, repeat.start(), repeat.end(), ' ');
        }
        List<DateGrammar.Found> dates = new ArrayList<>(DateGrammar.find(new String(blanked), today, now, order));
        List<DateSpan> spans = new ArrayList<>();
        for (RecurrenceGrammar.Found repeat : repeats) {
            int start = repeat.start();
            int end = repeat.end();
            LocalTime at = null;
            for (DateGrammar.Found date : dates) {
                boolean after = date.start() >= end && ADJACENT.matcher(text.substring(end, date.start())).matches();
                boolean before = date.end() <= start
                        && ADJACENT.matcher(text.substring(date.end(), start)).matches();
                if (date.timeOnly() && (after || before)) {
                    at = date.due().time();
                    start = Math.min(start, date.start());
                    end = Math.max(end, date.end());
                    dates.remove(date);
                    break;
                }
            }
            spans.add(new DateSpan(start, end, Due.repeating(repeat.rule(), today, now, at)));
        }
        for (DateGrammar.Found date : dates) {
            spans.add(new DateSpan(date.start(), date.end(), date.due()));
        }
        spans.sort(java.util.Comparator.comparingInt(DateSpan::start));
        StringBuilder result = new StringBuilder();
        int copied = 0;
        for (DateSpan span : spans) {
            result.append(text, copied, span.start());
            slots.add(new When(text.substring(span.start(), span.end()).strip(), span.due()));
            result.append(marker(slots.size() - 1));
            copied = span.end();
        }
        result.append(text.substring(copied));
        return tidy(result.toString());
    }

    private record DateSpan(int start, int end, Due due) {
    }

    private static String maskPriorities(String text, List<Slot> slots) {
        StringBuilder result = new StringBuilder();
        int copied = 0;
        for (PriorityPhrases.Found found : PriorityPhrases.find(text)) {
            result.append(text, copied, found.start());
            slots.add(new Urgency(text.substring(found.start(), found.end()).strip(), found.priority()));
            result.append(marker(slots.size() - 1));
            copied = found.end();
        }
        result.append(text.substring(copied));
        return tidy(result.toString());
    }

    /** Collapses the blanks that markers leave and keeps punctuation against the word before it. */
    private static String tidy(String text) {
        return SPACES.matcher(text).replaceAll(" ").replaceAll(" ([,.;:!?)])", "$1").strip();
    }
}
