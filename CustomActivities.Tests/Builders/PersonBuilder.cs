using CustomActivities.Core.People;

namespace CustomActivities.Tests.Builders;

/// <summary>Fluent test data for people: <c>A.Person.WithEmail("x@y.z").Build()</c>.</summary>
public sealed class PersonBuilder
{
    private static int sequence;
    private string email = $"person{Interlocked.Increment(ref sequence)}@example.com";
    private string? firstName = "Pat";
    private string? lastName = "Example";
    private string? company;

    public PersonBuilder WithEmail(string value) { email = value; return this; }
    public PersonBuilder Named(string first, string last) { firstName = first; lastName = last; return this; }
    public PersonBuilder AtCompany(string value) { company = value; return this; }

    public Person Build() => new() { Email = email, FirstName = firstName, LastName = lastName, Company = company };
}

public static class A
{
    public static PersonBuilder Person => new();
    public static ActivityTypeBuilder ActivityType => new();
}
