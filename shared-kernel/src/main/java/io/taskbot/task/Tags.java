package io.taskbot.task;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Normalizes tags the way they are stored: lowercase, without a leading {@code #}, no duplicates, in given order. */
public final class Tags {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_-]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Tags() {
    }

    public static List<String> normalize(Collection<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return List.of();
        }
        Set<String> normalized = new LinkedHashSet<>();
        for (String tag : tags) {
            normalized.add(normalizeOne(tag));
        }
        if (normalized.size() > TaskRules.MAX_TAGS) {
            throw new TaskException(TaskErrorCode.INVALID_TAG, "A task has at most " + TaskRules.MAX_TAGS + " tags");
        }
        return List.copyOf(normalized);
    }

    private static String normalizeOne(String tag) {
        String value = tag == null ? "" : tag.strip();
        while (value.startsWith("#")) {
            value = value.substring(1);
        }
        value = WHITESPACE.matcher(value.strip()).replaceAll("-").toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.length() > TaskRules.TAG_MAX_LENGTH || !ALLOWED.matcher(value).matches()) {
            throw new TaskException(TaskErrorCode.INVALID_TAG, "Tags are 1-" + TaskRules.TAG_MAX_LENGTH
                    + " letters, digits, '-' or '_': '" + abbreviate(tag) + "' is not");
        }
        return value;
    }

    private static String abbreviate(String tag) {
        String value = String.valueOf(tag);
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
