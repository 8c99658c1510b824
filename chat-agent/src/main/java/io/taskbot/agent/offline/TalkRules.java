package io.taskbot.agent.offline;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Small talk, help, and what to say when a message is not about tasks or not understood. */
final class TalkRules {

    static final String HELP = "I keep your task list. You can say things like: \"add call mom tomorrow at 5pm\", "
            + "\"remind me to pay rent on the 1st #bills\", \"what's due this week?\", \"I finished the report\", "
            + "\"move the dentist appointment to friday\", \"make it urgent\", \"rename buy bread to buy sourdough\", "
            + "\"search for invoice\", \"delete the second one\".";
    static final String OUT_OF_SCOPE = "I can only help with your tasks: adding, changing, completing, finding and "
            + "deleting them. Say \"help\" to see what I understand.";
    static final String NOT_UNDERSTOOD = "Sorry, I didn't get that. Try \"add buy milk tomorrow\", \"list my tasks\" "
            + "or \"mark buy milk as done\", or say \"help\".";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "hiya", "howdy", "yo", "heya",
            "greetings", "morning", "afternoon", "evening", "hola", "sup");
    private static final Set<String> THANKS = Set.of("thanks", "thank", "thx", "ty", "cheers", "appreciated",
            "appreciate", "ta");
    private static final Set<String> FAREWELLS = Set.of("bye", "goodbye", "cya", "later", "night", "goodnight");
    private static final Set<String> APOLOGIES = Set.of("sorry", "oops", "apologies", "whoops");
    private static final Set<String> PRAISE = Set.of("awesome", "great", "amazing", "brilliant", "excellent",
            "best", "love", "smart", "helpful", "genius", "star", "legend");
    /** Every word of a message made only of these is small talk. */
    private static final Set<String> SMALL_TALK_WORDS = Set.of("hi", "hello", "hey", "hiya", "howdy", "yo", "heya",
            "greetings", "good", "morning", "afternoon", "evening", "night", "goodnight", "day", "there", "all",
            "everyone", "folks", "bot", "taskbot", "buddy", "mate", "friend", "thanks", "thank", "you", "thx", "ty",
            "ta", "cheers", "much", "so", "a", "lot", "very", "appreciated", "appreciate", "it", "great", "awesome",
            "perfect", "nice", "cool", "ok", "okay", "k", "kk", "alright", "fine", "got", "sounds", "lol", "haha",
            "hahaha", "lmao", "bye", "goodbye", "cya", "see", "ya", "later", "soon", "sorry", "oops", "whoops",
            "apologies", "np", "no", "problem", "worries", "welcome", "wow", "amazing", "brilliant", "excellent",
            "super", "sweet", "love", "you're", "youre", "are", "the", "best", "u", "right", "sure", "yes", "yeah",
            "yep", "yup", "nope", "hola", "sup", "that's", "thats", "that", "is", "helpful", "smart", "genius",
            "star", "legend", "really", "just", "well", "done", "again", "too", "as", "always", "i", "hmm",
            "hm", "ah", "oh", "uh", "um", "indeed", "exactly", "true", "wonderful", "fantastic", "thanx", "tks");
    /** Thanks said to the assistant ("thank you", not "thank grandma"), however long the message goes on. */
    private static final Pattern THANKS_TO_ME = Pattern.compile(
            "^(?:thank\\s+(?:you|u|ya)|thanks|thanx|thx|ty|many\\s+thanks|cheers)\\b.*", FLAGS);
    /** Words that turn a thank-you into a request as well ("thanks, now add milk"). */
    private static final Set<String> REQUEST_WORDS = Set.of("add", "create", "remind", "put", "mark", "delete",
            "remove", "complete", "finish", "change", "move", "rename", "set", "undo", "reopen", "need", "needs",
            "todo", "to-do", "task", "tasks", "list", "schedule", "also", "please", "pls", "can", "could");
    private static final Pattern HELP_REQUEST = Pattern.compile(
            "^(?:help|help\\s+me|help\\s+please|please\\s+help|i\\s+need\\s+help|what\\s+can\\s+you\\s+do"
                    + "|what\\s+(?:else\\s+)?can\\s+you\\s+do(?:\\s+for\\s+me)?|what\\s+do\\s+you\\s+do"
                    + "|what\\s+can\\s+i\\s+(?:say|ask|do|tell\\s+you)|how\\s+(?:does\\s+this|do\\s+you|does\\s+it)\\s+work"
                    + "|how\\s+do\\s+i\\b.*|how\\s+can\\s+i\\b.*|how\\s+to\\b.*|what\\s+commands\\b.*|commands|instructions"
                    + "|usage|menu|options|what\\s+are\\s+you\\s+able\\s+to\\s+do|what\\s+can\\s+you\\s+help(?:\\s+me)?\\s+with"
                    + "|what\\s+do\\s+you\\s+understand|examples?|show\\s+me\\s+(?:some\\s+)?examples|what\\s+should\\s+i\\s+say"
                    + "|what\\s+are\\s+your\\s+(?:commands|features|capabilities))$", FLAGS);
    private static final Pattern IDENTITY = Pattern.compile(
            "^(?:(?:who|what)\\s+are\\s+you|are\\s+you\\s+(?:a\\s+|an\\s+)?(?:bot|robot|human|real|ai|person|machine)"
                    + "|what'?s\\s+your\\s+name|what\\s+is\\s+your\\s+name|your\\s+name|who\\s+made\\s+you)\\b.*", FLAGS);
    private static final Pattern HOW_ARE_YOU = Pattern.compile(
            "^(?:how\\s+(?:are|r)\\s+(?:you|u|things)|how'?s\\s+it\\s+going|how\\s+is\\s+it\\s+going"
                    + "|what'?s\\s+up|wassup|how\\s+have\\s+you\\s+been|how\\s+do\\s+you\\s+do)\\b.*", FLAGS);
    private static final Pattern NEVER_MIND = Pattern.compile(
            "^(?:never\\s*mind|nvm|forget\\s+it|forget\\s+that|ignore\\s+that|no\\s+worries|all\\s+good|that'?s\\s+all"
                    + "|that'?s\\s+it|nothing(?:\\s+else)?|no\\s+thanks|not\\s+now|i'?m\\s+good|i'?m\\s+done)$", FLAGS);
    private static final Pattern ASKS_ABOUT_WORLD = Pattern.compile(
            "^(?:tell\\s+me|sing|write\\s+(?:me\\s+)?an?\\s+(?:poem|story|song|essay|email|letter)|translate|explain"
                    + "|calculate|compute|define|what\\s+is|what'?s|what\\s+are|who|whom|whose|when|where|why|how|is\\s+it"
                    + "|is\\s+there|are\\s+there|will\\s+it|will\\s+there|do\\s+you|does|did|can\\s+you|could\\s+you"
                    + "|would\\s+you|should\\s+i|which|i\\s+wonder)\\b", FLAGS);

    private TalkRules() {
    }

    /** The reply to a message that is only small talk or a request for help, if it is one. */
    static Optional<String> smallTalk(String lowercaseText) {
        String text = lowercaseText.strip().replaceAll("[.!?,;:]+$", "").strip();
        if (text.isEmpty()) {
            return Optional.of(HELP);
        }
        if (HELP_REQUEST.matcher(text).matches()) {
            return Optional.of(HELP);
        }
        if (IDENTITY.matcher(text).matches()) {
            return Optional.of("I'm Taskbot's assistant: I keep your task list and change it when you ask. " + HELP);
        }
        if (HOW_ARE_YOU.matcher(text).matches()) {
            return Optional.of("I'm fine, thanks! What can I do for your tasks?");
        }
        if (NEVER_MIND.matcher(text).matches()) {
            return Optional.of("Okay.");
        }
        List<String> words = Words.tokens(text);
        if (words.isEmpty()) {
            return Optional.of(text.contains("?") ? HELP : "\uD83D\uDC4D Anything else I can do for your tasks?");
        }
        if (THANKS_TO_ME.matcher(text).matches() && words.stream().noneMatch(REQUEST_WORDS::contains)) {
            // "thank you my friend, you are gold": gratitude in many words is still no task
            return Optional.of("You're welcome!");
        }
        if (!SMALL_TALK_WORDS.containsAll(words)) {
            return Optional.empty();
        }
        if (words.stream().anyMatch(THANKS::contains)) {
            return Optional.of("You're welcome!");
        }
        if (words.stream().anyMatch(FAREWELLS::contains)) {
            return Optional.of("Bye! Your tasks will be here when you come back.");
        }
        if (words.stream().anyMatch(GREETINGS::contains)) {
            return Optional.of("Hi! What can I do for your tasks today?");
        }
        if (words.stream().anyMatch(APOLOGIES::contains)) {
            return Optional.of("No worries.");
        }
        if (words.stream().anyMatch(PRAISE::contains)) {
            return Optional.of("Thank you! What else can I do for your tasks?");
        }
        return Optional.of("Okay. Anything else I can do for your tasks?");
    }

    /** Whether an unhandled message reads as a question or request about the world rather than about tasks. */
    static boolean asksAboutTheWorld(String lowercaseText, boolean endsWithQuestionMark) {
        return endsWithQuestionMark || ASKS_ABOUT_WORLD.matcher(lowercaseText.strip()).find();
    }

    static String cannotDoThat(String request) {
        return "I can't do that myself, but I can put it on your list: say \"add " + request + "\".";
    }
}
