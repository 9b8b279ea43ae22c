namespace CustomActivities.Web.Components.Shared;

/// <summary>Cells of the CSV exports.</summary>
public static class CsvText
{
    /// <summary>
    /// Values come from integrations: a cell starting with = + - @ (or a tab or carriage return) would run as a formula
    /// in a spreadsheet, so it gets a leading ' and shows as text.
    /// </summary>
    public static string? AsText(string? value) => value is [var first, ..] && "=+-@\t\r".Contains(first) ? "'" + value : value;
}
