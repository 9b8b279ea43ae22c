using System.Globalization;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.People;

public enum LeadAction
{
    CreateOnly,
    UpdateOnly,
    CreateOrUpdate,
}

/// <summary>A lead field as the REST API names it (Marketo's describe shape).</summary>
public sealed record LeadField(int Id, string DisplayName, string RestName, string DataType, int? Length, bool ReadOnly);

public sealed record LeadWriteResult(int? Id, string Status, IReadOnlyList<Reason>? Reasons);

/// <summary>
/// Persons as Marketo "leads" for the REST API: create/update up to 300 at once, read by email or id, describe.
/// Every record is decided on its own (created / updated / skipped with reasons); the accepted ones commit together.
/// </summary>
public sealed class LeadService(IDbContextFactory<AppDbContext> contextFactory, AuditLog auditLog, ICurrentActor currentActor, PersonDirectory directory,
    TimeProvider timeProvider)
{
    public static readonly IReadOnlyList<LeadField> Fields =
    [
        new(1, "Id", "id", "integer", null, true),
        new(2, "Email Address", "email", "email", 255, false),
        new(3, "First Name", "firstName", "string", 255, false),
        new(4, "Last Name", "lastName", "string", 255, false),
        new(5, "Company Name", "company", "string", 255, false),
        new(6, "Created At", "createdAt", "datetime", null, true),
        new(7, "Updated At", "updatedAt", "datetime", null, true),
    ];

    public static readonly IReadOnlyList<string> DefaultFields = ["id", "email", "firstName", "lastName", "updatedAt", "createdAt"];

    public static LeadField? FindField(string name) => Fields.FirstOrDefault(f => string.Equals(f.RestName, name, StringComparison.OrdinalIgnoreCase));

    public async Task<IReadOnlyList<LeadWriteResult>> UpsertAsync(LeadAction action, string lookupField, IReadOnlyList<IReadOnlyDictionary<string, ApiValue>> input, CancellationToken cancellationToken = default)
    {
        var byId = string.Equals(lookupField, "id", StringComparison.OrdinalIgnoreCase);
        var actor = await currentActor.GetAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var emails = input.Select(r => r.GetValueOrDefault("email").Text).OfType<string>().Select(e => e.Trim()).ToList();
        var ids = input.Select(r => int.TryParse(r.GetValueOrDefault("id").Text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(i => i > 0).ToList();
        var existing = await context.People.Where(p => emails.Contains(p.Email) || ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var byEmail = existing.GroupBy(p => p.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var results = new (Person? Person, string Status, List<Reason>? Reasons)[input.Count];

        for (var i = 0; i < input.Count; i++)
        {
            var record = input[i];
            var reasons = new List<Reason>();
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in record)
            {
                var field = FindField(key);
                if (field is null)
                {
                    reasons.Add(new Reason(RecordCodes.FieldNotFound, $"Field '{key}' not found"));
                }
                else if (field.RestName == "id" && byId)
                {
                    continue;
                }
                else if (field.ReadOnly)
                {
                    reasons.Add(new Reason(RecordCodes.InvalidData, $"Field '{field.RestName}' is read only"));
                }
                else if (value.Kind is not (ApiValueKind.String or ApiValueKind.Null))
                {
                    reasons.Add(new Reason(RecordCodes.WrongType, $"Invalid value '{value.Display}' for field '{field.RestName}' of type {field.DataType}"));
                }
                else if (value.Text is { Length: > 255 })
                {
                    reasons.Add(new Reason(RecordCodes.InvalidData, $"Value for field '{field.RestName}' is longer than 255 characters"));
                }
                else
                {
                    values[field.RestName] = string.IsNullOrWhiteSpace(value.Text) ? null : value.Text.Trim();
                }
            }
            if (values.TryGetValue("email", out var email) && email is not null
                && FieldValueParser.TryParse(new ActivityField { ApiName = "email", DisplayName = "email", DataType = FieldDataType.Email }, ApiValue.String(email), out _) is not null)
            {
                reasons.Add(new Reason(RecordCodes.WrongType, $"Invalid value '{email}' for field 'email' of type email"));
            }
            if (reasons.Count > 0)
            {
                results[i] = (null, "skipped", reasons);
                continue;
            }

            Person? person;
            if (byId)
            {
                var idValue = record.GetValueOrDefault("id");
                if (idValue.IsAbsent)
                {
                    results[i] = (null, "skipped", [new Reason(RecordCodes.MissingValue, "Value for required field 'id' not specified")]);
                    continue;
                }
                if (!int.TryParse(idValue.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    results[i] = (null, "skipped", [new Reason(RecordCodes.WrongType, $"Invalid value '{idValue.Display}' for field 'id' of type integer")]);
                    continue;
                }
                person = existing.FirstOrDefault(p => p.Id == id);
                if (person is null || action == LeadAction.CreateOnly)
                {
                    results[i] = person is null
                        ? (null, "skipped", [new Reason(RecordCodes.LeadNotFound, $"Lead '{id}' not found")])
                        : (null, "skipped", [new Reason(RecordCodes.LeadExists, "Lead already exists")]);
                    continue;
                }
            }
            else
            {
                if (email is null)
                {
                    results[i] = (null, "skipped", [new Reason(RecordCodes.MissingValue, "Value for required field 'email' not specified")]);
                    continue;
                }
                person = byEmail.GetValueOrDefault(email);
                if (person is not null && action == LeadAction.CreateOnly)
                {
                    results[i] = (null, "skipped", [new Reason(RecordCodes.LeadExists, "Lead already exists")]);
                    continue;
                }
                if (person is null && action == LeadAction.UpdateOnly)
                {
                    results[i] = (null, "skipped", [new Reason(RecordCodes.LeadNotFound, "Lead not found")]);
                    continue;
                }
            }

            if (person is null)
            {
                person = new Person { Email = email! };
                Apply(person, values);
                context.People.Add(person);
                byEmail[person.Email] = person;
                results[i] = (person, "created", null);
                continue;
            }
            if (values.TryGetValue("email", out var newEmail) && newEmail is null)
            {
                results[i] = (null, "skipped", [new Reason(RecordCodes.MissingValue, "Value for required field 'email' not specified")]);
                continue;
            }
            if (newEmail is not null && !string.Equals(newEmail, person.Email, StringComparison.OrdinalIgnoreCase)
                && (byEmail.ContainsKey(newEmail) || await context.People.AnyAsync(p => p.Email == newEmail, cancellationToken)))
            {
                results[i] = (null, "skipped", [new Reason(RecordCodes.InvalidData, $"Email '{newEmail}' belongs to another lead")]);
                continue;
            }
            var before = Snapshot(person);
            var valuesBefore = ProfileValues.Of(person);
            Apply(person, values);
            byEmail[person.Email] = person;
            results[i] = (person, context.Entry(person).State == EntityState.Added ? "created" : "updated", null);
            if (context.Entry(person).State == EntityState.Modified)
            {
                auditLog.Record(context, actor, AuditActions.PersonUpdated, "Person", person.Id.ToString(CultureInfo.InvariantCulture), person.Email, before, Snapshot(person));
                context.Activities.AddRange(StandardActivities.DataValueChanges(person.Id, valuesBefore, ProfileValues.Of(person), actor, now));
            }
        }
        await context.SaveChangesAsync(cancellationToken);
        foreach (var created in results.Where(r => r.Status == "created").Select(r => r.Person!).Distinct())
        {
            auditLog.Record(context, actor, AuditActions.PersonCreated, "Person", created.Id.ToString(CultureInfo.InvariantCulture), created.Email, null, Snapshot(created));
            context.Activities.Add(StandardActivities.NewLead(created, actor, now));
            directory.Remember(created.Id);
        }
        await context.SaveChangesAsync(cancellationToken);
        return [.. results.Select(r => new LeadWriteResult(r.Person?.Id, r.Status, r.Reasons))];
    }

    public async Task<IReadOnlyList<Person>> FindAsync(bool byEmail, IReadOnlyList<string> values, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (byEmail)
        {
            var emails = values.Select(v => v.Trim()).ToList();
            return await context.People.AsNoTracking().Where(p => emails.Contains(p.Email)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        }
        var ids = values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).ToList();
        return await context.People.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
    }

    public static object? Value(Person person, string restName) => restName switch
    {
        "id" => person.Id,
        "email" => person.Email,
        "firstName" => person.FirstName,
        "lastName" => person.LastName,
        "company" => person.Company,
        "createdAt" => FieldValueParser.FormatDateTime(person.CreatedAt),
        "updatedAt" => FieldValueParser.FormatDateTime(person.UpdatedAt),
        _ => null,
    };

    private static void Apply(Person person, Dictionary<string, string?> values)
    {
        foreach (var (name, value) in values)
        {
            switch (name)
            {
                case "email" when value is not null: person.Email = value; break;
                case "firstName": person.FirstName = value; break;
                case "lastName": person.LastName = value; break;
                case "company": person.Company = value; break;
            }
        }
    }

    private static object Snapshot(Person p) => new { p.Email, p.FirstName, p.LastName, p.Company };
}
