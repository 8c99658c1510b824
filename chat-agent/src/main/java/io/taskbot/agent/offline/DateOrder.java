package io.taskbot.agent.offline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How the user writes a date in numbers: "3/4" is March 4 in the US ({@link #MONTH_FIRST}, the default) and 3 April
 * in most other places ({@link #DAY_FIRST}). The reply always shows the date it read as YYYY-MM-DD.
 */
public enum DateOrder {
    MONTH_FIRST, DAY_FIRST;

    /** Where people write the month first; English without a region counts as American, the default. */
    private static final Set<String> MONTH_FIRST_REGIONS = Set.of("US", "PH", "FM", "MH", "PW", "AS", "GU", "PR",
            "UM", "VI", "MP");

    /**
     * The order the request's {@code Accept-Language} implies, from its most wanted language: en-US and plain "en"
     * month first; en-GB, de, fr and the rest day first. Empty when there is no header, only "*", or it is malformed.
     */
    public static Optional<DateOrder> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getRange().equals("*") || range.getWeight() <= 0) {
                continue;
            }
            Locale locale = Locale.forLanguageTag(range.getRange());
            String region = locale.getCountry().toUpperCase(Locale.ROOT);
            if (!region.isEmpty()) {
                return Optional.of(MONTH_FIRST_REGIONS.contains(region) ? MONTH_FIRST : DAY_FIRST);
            }
            return Optional.of(locale.getLanguage().equals("en") ? MONTH_FIRST : DAY_FIRST);
        }
        return Optional.empty();
    }
}
