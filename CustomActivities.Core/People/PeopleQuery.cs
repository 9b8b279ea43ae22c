namespace CustomActivities.Core.People;

public enum PeopleSearchField
{
    /// <summary>Email, first name, last name or company starts with the text.</summary>
    Any,
    Email,
    Name,
    Company,
}

public enum PeopleSort
{
    Name,
    Email,
    Created,
    LastActivity,
}

public sealed record PeopleQuery(
    string? Search = null,
    PeopleSearchField Field = PeopleSearchField.Any,
    PeopleSort Sort = PeopleSort.Email,
    bool Descending = false,
    int Skip = 0,
    int Take = 25);

public sealed record PersonRow(
    int Id,
    string Email,
    string? FirstName,
    string? LastName,
    string? Company,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastActivityAt)
{
    public string FullName => string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
}

/// <summary>
/// One page of people. Counting a million rows on every page costs more than the page itself, so the count stops at
/// <see cref="Count"/> when <see cref="CountIsCapped"/>: the real total is at least that (the pager still reaches further
/// pages, because the cap moves with the page).
/// </summary>
public sealed record PeopleResult(IReadOnlyList<PersonRow> Rows, int Count, bool CountIsCapped);
