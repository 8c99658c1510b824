package io.taskbot.agent.offline;

/**
 * How the user writes a date in numbers: "3/4" is March 4 in the US ({@link #MONTH_FIRST}, the default) and 3 April
 * in most other places ({@link #DAY_FIRST}). The reply always shows the date it read as YYYY-MM-DD.
 */
public enum DateOrder {
    MONTH_FIRST, DAY_FIRST
}
