namespace CustomActivities.Core.Activities;

/// <summary>
/// The statement that moves each person's LastActivityAt to the later of the stored date and the new one, for the
/// activities EF Core saves. Its one parameter (<c>{0}</c>) is a JSON array of <c>[personId, utcTicks]</c> pairs;
/// each database reads JSON with its own functions.
/// </summary>
public interface ILastActivityTouch
{
    string Sql { get; }
}
