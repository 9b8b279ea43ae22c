namespace CustomActivities.Core.ActivityTypes;

/// <summary>
/// Just enough English verb forms to word trigger and filter names the way Marketo does ("Attends Webinar",
/// "Attended Webinar"): the common irregular verbs from a table, the others by the regular spelling rules.
/// Words are handled in lower case; the caller restores the case the person typed.
/// </summary>
internal static class EnglishVerbs
{
    private sealed record Irregular(string Base, string Third, string Past, string Participle);

    private static readonly Irregular[] IrregularVerbs =
    [
        new("be", "is", "was", "been"), new("have", "has", "had", "had"), new("do", "does", "did", "done"),
        new("go", "goes", "went", "gone"), new("leave", "leaves", "left", "left"), new("buy", "buys", "bought", "bought"),
        new("get", "gets", "got", "got"), new("give", "gives", "gave", "given"), new("take", "takes", "took", "taken"),
        new("make", "makes", "made", "made"), new("see", "sees", "saw", "seen"), new("send", "sends", "sent", "sent"),
        new("spend", "spends", "spent", "spent"), new("lend", "lends", "lent", "lent"), new("win", "wins", "won", "won"),
        new("lose", "loses", "lost", "lost"), new("pay", "pays", "paid", "paid"), new("sell", "sells", "sold", "sold"),
        new("tell", "tells", "told", "told"), new("read", "reads", "read", "read"), new("write", "writes", "wrote", "written"),
        new("speak", "speaks", "spoke", "spoken"), new("meet", "meets", "met", "met"), new("come", "comes", "came", "come"),
        new("begin", "begins", "began", "begun"), new("choose", "chooses", "chose", "chosen"), new("find", "finds", "found", "found"),
        new("hold", "holds", "held", "held"), new("keep", "keeps", "kept", "kept"), new("bring", "brings", "brought", "brought"),
        new("think", "thinks", "thought", "thought"), new("teach", "teaches", "taught", "taught"), new("catch", "catches", "caught", "caught"),
        new("fly", "flies", "flew", "flown"), new("drive", "drives", "drove", "driven"), new("ride", "rides", "rode", "ridden"),
        new("eat", "eats", "ate", "eaten"), new("drink", "drinks", "drank", "drunk"), new("run", "runs", "ran", "run"),
        new("put", "puts", "put", "put"), new("set", "sets", "set", "set"), new("cut", "cuts", "cut", "cut"),
        new("quit", "quits", "quit", "quit"), new("hit", "hits", "hit", "hit"), new("let", "lets", "let", "let"),
        new("forget", "forgets", "forgot", "forgotten"), new("understand", "understands", "understood", "understood"),
        new("withdraw", "withdraws", "withdrew", "withdrawn"), new("draw", "draws", "drew", "drawn"),
        new("undergo", "undergoes", "underwent", "undergone"),
        new("sit", "sits", "sat", "sat"), new("stand", "stands", "stood", "stood"), new("build", "builds", "built", "built"),
        new("feel", "feels", "felt", "felt"), new("hear", "hears", "heard", "heard"), new("say", "says", "said", "said"),
        new("show", "shows", "showed", "shown"), new("grow", "grows", "grew", "grown"), new("know", "knows", "knew", "known"),
        new("break", "breaks", "broke", "broken"), new("wear", "wears", "wore", "worn"), new("sleep", "sleeps", "slept", "slept"),
        new("swim", "swims", "swam", "swum"), new("sing", "sings", "sang", "sung"), new("shut", "shuts", "shut", "shut"),
        new("lead", "leads", "led", "led"),
    ];

    /// <summary>Common regular verbs that can lead a display name ("Deposit cheque", "Attend webinar").</summary>
    private static readonly HashSet<string> RegularVerbs = new(StringComparer.Ordinal)
    {
        "accept", "access", "activate", "add", "answer", "apply", "approve", "ask", "attend", "book", "borrow", "browse",
        "call", "cancel", "change", "chat", "check", "claim", "click", "close", "comment", "commit", "complete", "confirm",
        "connect", "contact", "convert", "create", "deactivate", "decline", "delete", "deposit", "donate", "downgrade",
        "drop", "earn", "email", "enrol", "enroll", "enter", "finish", "follow", "fill", "install", "invite", "join", "like",
        "listen", "log", "login", "open", "order", "pass", "play", "print", "purchase", "rate", "receive", "redeem", "refer",
        "register", "reject", "remove", "renew", "rent", "reply", "request", "reschedule", "reserve", "return", "review",
        "save", "scan", "schedule", "search", "share", "shop", "ship", "start", "stay", "stop", "submit", "subscribe", "tap",
        "test", "transfer", "travel", "try", "uninstall", "unsubscribe", "update", "upgrade", "use", "verify", "view",
        "visit", "vote", "watch", "attempt", "abandon", "complain", "contribute", "download", "upload", "sign", "explore",
        "plan", "pick", "reach", "report", "launch", "publish", "post", "respond",
    };

    /// <summary>Verbs of more than one syllable whose last consonant doubles ("submitted", "transferred").</summary>
    private static readonly HashSet<string> Doubling = new(StringComparer.Ordinal)
    {
        "submit", "commit", "admit", "permit", "omit", "refer", "prefer", "transfer", "occur", "control", "patrol",
        "enrol", "compel", "expel", "propel", "regret", "cancel", "travel", "label", "equip",
    };

    private static readonly HashSet<string> NotParticiples = new(StringComparer.Ordinal)
    {
        "bed", "red", "shed", "hundred", "sacred", "wicked", "naked", "kindred", "embed", "infrared",
    };

    public static bool IsBaseForm(string word) =>
        RegularVerbs.Contains(word) || IrregularVerbs.Any(v => v.Base == word);

    /// <summary>"deposited" → "deposit", "sent" → "send", "applied" → "apply"; null when the word is not a past participle.</summary>
    public static string? BaseOfParticiple(string word)
    {
        if (IrregularVerbs.FirstOrDefault(v => v.Participle == word || v.Past == word) is { } irregular && irregular.Participle != irregular.Base)
        {
            return irregular.Base;
        }
        if (word.Length <= 3 || !word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("eed", StringComparison.Ordinal)
            || NotParticiples.Contains(word))
        {
            return null;
        }
        string[] candidates = word.EndsWith("ied", StringComparison.Ordinal)
            ? [word[..^3] + "y"]
            : [word[..^2], word[..^1], word[..^3]];
        return candidates.FirstOrDefault(IsBaseForm) ?? GuessBase(word);
    }

    public static string ThirdPerson(string verb)
    {
        if (IrregularVerbs.FirstOrDefault(v => v.Base == verb) is { } irregular)
        {
            return irregular.Third;
        }
        if (EndsWithConsonantY(verb))
        {
            return verb[..^1] + "ies";
        }
        string[] sibilants = ["s", "x", "z", "ch", "sh", "o"];
        return sibilants.Any(s => verb.EndsWith(s, StringComparison.Ordinal)) ? verb + "es" : verb + "s";
    }

    public static string PastTense(string verb)
    {
        if (IrregularVerbs.FirstOrDefault(v => v.Base == verb) is { } irregular)
        {
            return irregular.Past;
        }
        if (verb.EndsWith('e'))
        {
            return verb + "d";
        }
        if (EndsWithConsonantY(verb))
        {
            return verb[..^1] + "ied";
        }
        return DoublesLastConsonant(verb) ? verb + verb[^1] + "ed" : verb + "ed";
    }

    /// <summary>A past participle outside both lists ("glorified", "unboxed"): strip the ending, keep a silent e where the stem asks for one.</summary>
    private static string GuessBase(string participle)
    {
        if (participle.EndsWith("ied", StringComparison.Ordinal))
        {
            return participle[..^3] + "y";
        }
        var stem = participle[..^2];
        if (stem.Length > 2 && stem[^1] == stem[^2] && !"lsfz".Contains(stem[^1]))
        {
            return stem[..^1];
        }
        string[] silentE = ["at", "iz", "is", "iv", "ov", "ag", "ur", "uc", "ud", "ut", "ib", "ar", "as", "ok", "ot", "ys", "id", "nc", "rg",
            "dg", "lv", "rv", "ac", "ap", "ip", "ir"];
        // "treated", "repaired", "avoided" keep no e (two vowels before the consonant), but "graduated", "initiated" do.
        var twoVowels = stem.Length > 3 && IsVowel(stem[^3]) && IsVowel(stem[^2]) && !(stem[^2] == 'a' && stem[^3] is 'u' or 'i');
        var wantsE = stem.Length > 3 && silentE.Any(s => stem.EndsWith(s, StringComparison.Ordinal)) && !twoVowels;
        return wantsE ? stem + "e" : stem;
    }

    private static bool EndsWithConsonantY(string word) =>
        word.Length > 1 && word[^1] == 'y' && !IsVowel(word[^2]);

    /// <summary>"stop" → "stopped", "plan" → "planned" (one syllable, consonant-vowel-consonant), and the listed longer verbs.</summary>
    private static bool DoublesLastConsonant(string verb)
    {
        if (Doubling.Contains(verb))
        {
            return true;
        }
        if (verb.Length < 3 || "wxy".Contains(verb[^1]) || IsVowel(verb[^1]) || !IsVowel(verb[^2]) || IsVowel(verb[^3]))
        {
            return false;
        }
        var syllables = 0;
        for (var i = 0; i < verb.Length; i++)
        {
            if (IsVowel(verb[i]) && (i == 0 || !IsVowel(verb[i - 1])))
            {
                syllables++;
            }
        }
        return syllables == 1;
    }

    private static bool IsVowel(char c) => "aeiou".Contains(c);
}
