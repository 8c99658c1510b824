package io.taskbot.agent.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small English lexicon the interpreter needs: verbs that start tasks, irregular past forms, words that carry
 * no meaning for matching, and a stemmer. The stemmer is not a linguist's lemmatizer: it only has to map
 * "watered", "watering" and "water" (or "wrote" and "write") to the same key, on both the utterance and the titles.
 */
final class Words {

    /** Verbs people start a task with; used to recognize bare imperatives and to split "buy milk and call mom". */
    static final Set<String> TASK_VERBS = Set.of(
            "add", "answer", "apply", "arrange", "ask", "assemble", "attend", "back", "bake", "bathe", "book",
            "borrow", "bring", "brush", "buy", "call", "cancel", "celebrate", "change", "charge", "chase", "check",
            "choose", "clean", "clear", "close", "collect", "compare", "complete", "confirm", "contact", "cook",
            "copy", "cut", "deal", "decide", "declutter", "decorate", "defrost", "deliver", "deposit", "descale",
            "design", "discuss", "dispose", "do", "donate", "download", "draft", "draw", "drink", "drive", "drop",
            "dry", "dust", "eat", "edit", "email", "empty", "enroll", "enrol", "exchange", "exercise", "feed",
            "fetch", "file", "fill", "find", "finish", "fix", "fold", "follow", "freeze", "get", "give", "go",
            "grab", "grill", "hand", "hang", "have", "hire", "hoover", "host", "install", "invite", "iron", "jog",
            "join", "learn", "leave", "lend", "look", "mail", "make", "meet", "mend", "message", "mop", "move",
            "mow", "oil", "open", "order", "organise", "organize", "pack", "paint", "pay", "phone", "photograph",
            "pick", "plan", "plant", "play", "polish", "post", "practice", "practise", "prepare", "present",
            "print", "proofread", "prune", "publish", "purchase", "put", "rake", "read", "rebook", "recharge",
            "record", "recycle", "refill", "register", "rehearse", "remove", "renew", "renovate", "rent",
            "reorganise", "reorganize", "repaint", "repair", "replace", "reply", "report", "research", "reserve",
            "respond", "restock", "return", "review", "revise", "rewrite", "ring", "rinse", "run", "sand", "save",
            "scan", "schedule", "scrub", "see", "sell", "send", "set", "sew", "sharpen", "ship", "shop", "shovel",
            "shred", "sign", "sort", "speak", "start", "stock", "stop", "store", "stretch", "study", "submit",
            "subscribe", "swap", "sweep", "swim", "switch", "take", "talk", "teach", "test", "text", "thank",
            "tidy", "top", "track", "train", "transfer", "translate", "trim", "try", "tune", "turn", "unblock",
            "unclog", "unpack", "unsubscribe", "update", "upgrade", "upload", "vacuum", "validate", "verify",
            "visit", "vote", "wake", "walk", "wash", "watch", "water", "wax", "weed", "weigh", "wipe", "work",
            "wrap", "write");

    private static final Map<String, String> IRREGULAR_FORMS = irregularForms();

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "actually", "again", "all", "also", "an", "and", "any", "anymore", "are", "as", "at",
            "be", "been", "bit", "by", "called", "can", "could", "do", "entry", "for", "from", "her", "his", "i",
            "in", "into", "is", "let", "should", "us", "we", "will", "would", "you",
            "it", "item", "items", "its", "just", "list", "me", "my", "named", "now", "of", "off", "on", "one",
            "ones", "or", "our", "out", "please", "really", "reminder", "s", "some", "still", "stuff", "task",
            "tasks", "that", "the", "their", "them", "these", "thing", "things", "this", "those", "titled", "to",
            "todo", "todos", "up", "was", "with", "yet", "your");

    /** Words people use for the same thing; each maps to the form that titles are compared in. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("mum", "mom"), Map.entry("mother", "mom"), Map.entry("mommy", "mom"),
            Map.entry("mummy", "mom"), Map.entry("mama", "mom"), Map.entry("father", "dad"),
            Map.entry("daddy", "dad"), Map.entry("papa", "dad"), Map.entry("doc", "doctor"),
            Map.entry("gp", "doctor"), Map.entry("appt", "appointment"), Map.entry("bday", "birthday"),
            Map.entry("e-mail", "email"), Map.entry("groceries", "grocery"), Map.entry("vaccine", "vaccination"),
            // getting a thing is buying it, on both sides of a comparison: "got the paint" ↔ "buy paint"
            Map.entry("get", "buy"), Map.entry("purchase", "buy"), Map.entry("grab", "buy"),
            Map.entry("shopping", "buy"), Map.entry("shop", "buy"),
            Map.entry("hw", "homework"), Map.entry("mtg", "meeting"), Map.entry("dr", "doctor"),
            Map.entry("dentists", "dentist"), Map.entry("pres", "presentation"), Map.entry("prez", "presentation"));

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("couple", 2), Map.entry("few", 3),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("twenty", 20),
            Map.entry("thirty", 30));

    private static final Map<String, Integer> ORDINAL_WORDS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
            Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12));

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** Counts of at most six digits: "in 999999 minutes" still fits every date calculation without overflow. */
    private static final int MAX_COUNT_DIGITS = 6;
    private static final Pattern PULL_REQUEST = Pattern.compile("(?i)\\bpull\\s+requests?\\b");

    private Words() {
    }

    /** The words of a text, lowercase, in order. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /**
     * The meaning-bearing words of a text, stemmed: what references and titles are compared by. An all-capital
     * word in mixed-case text is an acronym and kept even if it spells a stop word ("call IT").
     */
    static List<String> contentStems(String text) {
        String spelled = PULL_REQUEST.matcher(text).replaceAll("PR");
        boolean mixedCase = !spelled.equals(spelled.toUpperCase(Locale.ROOT));
        List<String> stems = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(spelled);
        while (matcher.find()) {
            String token = matcher.group();
            boolean acronym = mixedCase && token.length() >= 2 && token.equals(token.toUpperCase(Locale.ROOT));
            String word = stripPossessive(token.toLowerCase(Locale.ROOT));
            if (acronym || !STOP_WORDS.contains(word)) {
                String stem = stem(word);
                if (!stem.isEmpty() && !stems.contains(stem)) {
                    stems.add(stem);
                }
            }
        }
        return stems;
    }

    static boolean isStopWord(String word) {
        return STOP_WORDS.contains(stripPossessive(word.toLowerCase(Locale.ROOT)));
    }

    static boolean isTaskVerb(String word) {
        return TASK_VERBS.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * A matching key for a word. Inflected and plain forms meet because the same final normalizations (no final
     * "e", no doubled final consonant) run after the suffix is removed as on words that never had one.
     */
    static String stem(String rawWord) {
        String word = stripPossessive(rawWord.toLowerCase(Locale.ROOT));
        word = SYNONYMS.getOrDefault(word, word);
        String irregularBase = IRREGULAR_FORMS.get(word);
        if (irregularBase != null) {
            word = SYNONYMS.getOrDefault(irregularBase, irregularBase);
        } else {
            word = stripSuffix(word);
        }
        return normalizeEnding(word);
    }

    /**
     * The base form of a past tense or past participle ("watered" → "water", "wrote" → "write"), if the word is
     * one: irregular forms from the table, regular ones when a candidate base is a known task verb or one of the
     * given verbs (the first words of the user's task titles).
     */
    static Optional<String> baseOfPast(String rawWord, Set<String> knownVerbs) {
        String word = rawWord.toLowerCase(Locale.ROOT);
        String irregularBase = IRREGULAR_FORMS.get(word);
        if (irregularBase != null && !irregularBase.equals(word)) {
            return Optional.of(irregularBase);
        }
        if (word.length() < 4 || !word.endsWith("ed")) {
            return Optional.empty();
        }
        String stem = word.substring(0, word.length() - 2);
        List<String> candidates = new ArrayList<>();
        if (word.endsWith("ied")) {
            candidates.add(word.substring(0, word.length() - 3) + "y");
        }
        candidates.add(stem);
        candidates.add(stem + "e");
        if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
            candidates.add(stem.substring(0, stem.length() - 1));
        }
        for (String candidate : candidates) {
            if (TASK_VERBS.contains(candidate) || knownVerbs.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** "3", "three", "a", "a couple" → the number, or empty. */
    static Optional<Integer> number(String text) {
        String value = text.toLowerCase(Locale.ROOT).replaceAll("\\s+of$", "").strip();
        if (value.startsWith("a ") && (value.endsWith("couple") || value.endsWith("few"))) {
            value = value.substring(2);
        }
        if (DIGITS.matcher(value).matches()) {
            // "in 2147483648 minutes" is no count anyone means; it must not overflow into an exception either
            return value.length() <= MAX_COUNT_DIGITS ? Optional.of(Integer.parseInt(value)) : Optional.empty();
        }
        return Optional.ofNullable(NUMBER_WORDS.get(value));
    }

    /** "third", "3rd", "3" → 3; "last" → -1; empty when the word is no ordinal. */
    static Optional<Integer> ordinal(String word) {
        String value = word.toLowerCase(Locale.ROOT);
        if (value.equals("last") || value.equals("final")) {
            return Optional.of(-1);
        }
        Integer known = ORDINAL_WORDS.get(value);
        if (known != null) {
            return Optional.of(known);
        }
        String digits = value.replaceAll("(?:st|nd|rd|th)$", "");
        if (DIGITS.matcher(digits).matches() && digits.length() <= 3) {
            return Optional.of(Integer.parseInt(digits));
        }
        return Optional.empty();
    }

    private static String stripPossessive(String word) {
        return word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
    }

    private static String stripSuffix(String word) {
        int length = word.length();
        if (length > 4 && (word.endsWith("ies") || word.endsWith("ied"))) {
            return word.substring(0, length - 3) + "y";
        }
        if (length > 5 && word.endsWith("ing")) {
            return word.substring(0, length - 3);
        }
        if (length > 4 && word.endsWith("ed") && !word.endsWith("eed")) {
            return word.substring(0, length - 2);
        }
        if (length > 4 && (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches")
                || word.endsWith("xes") || word.endsWith("zes"))) {
            return word.substring(0, length - 2);
        }
        if (length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is")) {
            return word.substring(0, length - 1);
        }
        return word;
    }

    private static String normalizeEnding(String word) {
        String result = word;
        if (result.length() > 3 && result.endsWith("e")) {
            result = result.substring(0, result.length() - 1);
        }
        int length = result.length();
        if (length > 3 && result.charAt(length - 1) == result.charAt(length - 2)
                && isConsonant(result.charAt(length - 1))) {
            result = result.substring(0, length - 1);
        }
        return result;
    }

    private static boolean isConsonant(char letter) {
        return Character.isLetter(letter) && "aeiouy".indexOf(letter) < 0;
    }

    private static Map<String, String> irregularForms() {
        Map<String, String> forms = new HashMap<>();
        String[][] table = {
                {"write", "wrote", "written"}, {"buy", "bought"}, {"pay", "paid"}, {"feed", "fed"},
                {"go", "went", "gone"}, {"take", "took", "taken"}, {"send", "sent"}, {"make", "made"},
                {"get", "got", "gotten"}, {"do", "did", "done"}, {"eat", "ate", "eaten"}, {"run", "ran"},
                {"sweep", "swept"}, {"sell", "sold"}, {"tell", "told"}, {"bring", "brought"},
                {"think", "thought"}, {"find", "found"}, {"give", "gave", "given"}, {"hang", "hung"},
                {"leave", "left"}, {"meet", "met"}, {"speak", "spoke", "spoken"}, {"drive", "drove", "driven"},
                {"ride", "rode", "ridden"}, {"sing", "sang", "sung"}, {"throw", "threw", "thrown"},
                {"freeze", "froze", "frozen"}, {"choose", "chose", "chosen"}, {"begin", "began", "begun"},
                {"build", "built"}, {"catch", "caught"}, {"teach", "taught"}, {"keep", "kept"},
                {"sleep", "slept"}, {"lend", "lent"}, {"spend", "spent"}, {"draw", "drew", "drawn"},
                {"drink", "drank", "drunk"}, {"forget", "forgot", "forgotten"}, {"hide", "hid", "hidden"},
                {"know", "knew", "known"}, {"see", "saw", "seen"}, {"shake", "shook", "shaken"},
                {"steal", "stole", "stolen"}, {"swim", "swam", "swum"}, {"tear", "tore", "torn"},
                {"wear", "wore", "worn"}, {"win", "won"}, {"wake", "woke", "woken"}, {"break", "broke", "broken"},
                {"come", "came"}, {"fight", "fought"}, {"fly", "flew", "flown"}, {"grow", "grew", "grown"},
                {"hold", "held"}, {"lose", "lost"}, {"ring", "rang", "rung"}, {"sit", "sat"}, {"shoot", "shot"},
                {"stand", "stood"}, {"stick", "stuck"}, {"seek", "sought"}, {"sew", "sewn"}, {"mow", "mown"},
                {"lead", "led"}, {"deal", "dealt"}, {"feel", "felt"}, {"hear", "heard"}, {"lay", "laid"},
                {"say", "said"}, {"understand", "understood"}, {"rewrite", "rewrote", "rewritten"},
                {"rebuild", "rebuilt"}, {"withdraw", "withdrew", "withdrawn"}, {"undertake", "undertook"},
                {"overtake", "overtook"}, {"shut", "shut"}, {"put", "put"}, {"set", "set"}, {"cut", "cut"},
                {"read", "read"}, {"quit", "quit"}, {"let", "let"}, {"spread", "spread"}, {"hit", "hit"},
        };
        for (String[] row : table) {
            for (int i = 1; i < row.length; i++) {
                forms.put(row[i], row[0]);
            }
        }
        return Map.copyOf(forms);
    }
}
