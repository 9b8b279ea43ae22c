namespace CustomActivities.Web.Components.Pages.People;

/// <summary>Marker for the People and Person pages' strings (Resources/Components/Pages/People/PeopleText.resx).</summary>
public sealed class PeopleText;
