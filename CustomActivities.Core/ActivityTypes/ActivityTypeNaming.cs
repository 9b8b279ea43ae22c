using System.Globalization;
using System.Text;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>Suggested API, trigger and filter names, derived from a display name as the person types it.</summary>
public static class ActivityTypeNaming
{
    /// <summary>"Webinar attended" → "webinarAttended", "Chèque encaissé" → "chequeEncaisse"; keeps ASCII letters and digits only.</summary>
    public static string SuggestApiName(string? displayName)
    {
        var words = Words(WithoutAccents(displayName));
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            var clean = new string([.. word.Where(char.IsAsciiLetterOrDigit)]);
            if (clean.Length == 0)
            {
                continue;
            }
            builder.Append(builder.Length == 0
                ? clean.ToLowerInvariant()
                : char.ToUpperInvariant(clean[0]) + clean[1..].ToLowerInvariant());
        }
        var result = builder.ToString();
        if (result.Length == 0 && ActivityTypeRules.IsValidDisplayName(displayName))
        {
            // Nothing in the name has a Latin spelling (e.g. "イベント"): API names are ASCII, so offer a neutral one to edit.
            return "customActivity";
        }
        return result.Length > ActivityTypeRules.MaxNameLength ? result[..ActivityTypeRules.MaxNameLength] : result;
    }

    /// <summary>
    /// Present tense, for triggers: "Webinar attended" → "Attends Webinar", "Leave test" → "Leaves test";
    /// a name without a verb is kept ("Newsletter"). Always at most 255 characters.
    /// </summary>
    public static string SuggestTriggerName(string? displayName) => Suggest(displayName, present: true);

    /// <summary>
    /// Past tense, for filters: "Webinar attended" → "Attended Webinar", "Leave test" → "Left test";
    /// a name without a verb gets "Had" ("Had Newsletter"). Always at most 255 characters.
    /// </summary>
    public static string SuggestFilterName(string? displayName) => Suggest(displayName, present: false);

    /// <summary>Words that stay in lower case inside a title-cased name ("Registers for Event").</summary>
    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "for", "to", "in", "on", "at", "of", "by", "with", "from", "into", "via",
    };

    private static string Suggest(string? displayName, bool present)
    {
        var words = Words(displayName);
        if (words.Count == 0)
        {
            return "";
        }
        // A past participle anywhere ("Webinar attended") becomes the leading verb, as Marketo words it: "Attends Webinar".
        var participleIndex = words.FindLastIndex(w => EnglishVerbs.BaseOfParticiple(w.ToLowerInvariant()) is not null);
        if (participleIndex >= 0)
        {
            var participle = words[participleIndex];
            var verb = present ? EnglishVerbs.ThirdPerson(EnglishVerbs.BaseOfParticiple(participle.ToLowerInvariant())!) : participle;
            var rest = words.Where((_, i) => i != participleIndex).Select(w => SmallWords.Contains(w) ? w.ToLowerInvariant() : Capitalize(w));
            return Fit(string.Join(' ', rest.Prepend(Capitalize(InCaseOf(participle, verb)))));
        }
        // A leading verb in its base form ("Leave test") is conjugated and the rest kept as typed: "Leaves test", "Left test".
        var first = words[0].ToLowerInvariant();
        if (EnglishVerbs.IsBaseForm(first))
        {
            var verb = present ? EnglishVerbs.ThirdPerson(first) : EnglishVerbs.PastTense(first);
            return Fit(string.Join(' ', words.Skip(1).Prepend(Capitalize(InCaseOf(words[0], verb)))));
        }
        var name = string.Join(' ', words);
        return Fit(present ? name : "Had " + name);
    }

    /// <summary>At most 255 characters, cut after the last whole word that fits, never inside a character (surrogate pair).</summary>
    private static string Fit(string text)
    {
        if (text.Length <= ActivityTypeRules.MaxNameLength)
        {
            return text;
        }
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= ActivityTypeRules.MaxNameLength)
        {
            length = elements.ElementIndex + elements.GetTextElement().Length;
        }
        var cut = text[..length];
        var lastSpace = cut.LastIndexOf(' ');
        // Whole words, unless that would drop most of the name (one very long word after "Had").
        return (text[length] == ' ' || lastSpace < ActivityTypeRules.MaxNameLength / 2 ? cut : cut[..lastSpace]).TrimEnd();
    }

    /// <summary>"LEAVE" → "LEAVES": an all-capitals word stays in capitals.</summary>
    private static string InCaseOf(string typed, string word) =>
        typed.Length > 1 && typed.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? word.ToUpperInvariant() : word;

    // "é" decomposes into "e" and a combining accent; dropping the accents keeps the letter.
    private static string WithoutAccents(string? text)
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string([.. kept]).Normalize(NormalizationForm.FormC);
    }

    private static string Capitalize(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];

    private static List<string> Words(string? text) =>
        [.. (text ?? "").Split([' ', '_', '-', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
