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
        return result.Length > ActivityTypeRules.MaxNameLength ? result[..ActivityTypeRules.MaxNameLength] : result;
    }

    /// <summary>"Webinar attended" → "Attends Webinar" (present tense, for triggers).</summary>
    public static string SuggestTriggerName(string? displayName) => Suggest(displayName, present: true);

    /// <summary>"Webinar attended" → "Attended Webinar" (past tense, for filters).</summary>
    public static string SuggestFilterName(string? displayName) => Suggest(displayName, present: false);

    private static string Suggest(string? displayName, bool present)
    {
        var words = Words(displayName);
        if (words.Count == 0)
        {
            return "";
        }
        var verbIndex = words.FindLastIndex(w => w.Length > 3 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase));
        if (verbIndex < 0)
        {
            var name = string.Join(' ', words);
            return present ? name : "Had " + name;
        }
        var verb = words[verbIndex].ToLowerInvariant();
        var rest = words.Where((_, i) => i != verbIndex).Select(Capitalize);
        var phrase = present ? PresentTense(verb) : verb;
        return string.Join(' ', rest.Prepend(Capitalize(phrase)));
    }

    private static string PresentTense(string pastTense)
    {
        if (pastTense.EndsWith("ied", StringComparison.Ordinal))
        {
            return pastTense[..^3] + "ies";
        }
        var stem = pastTense[..^2];
        string[] keepE = ["at", "or", "ur", "iv", "as", "iz", "ov", "ag", "ar", "ot", "ut", "us", "ib", "ud", "ad", "let"];
        var endsInSilentE = stem.Length > 3 && keepE.Any(s => stem.EndsWith(s, StringComparison.Ordinal))
            && !stem.EndsWith("eat", StringComparison.Ordinal) && !stem.EndsWith("oad", StringComparison.Ordinal)
            && !stem.EndsWith("ead", StringComparison.Ordinal);
        return endsInSilentE ? stem + "es" : stem + "s";
    }

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
