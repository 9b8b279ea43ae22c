using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Results;

namespace CustomActivities.Core.Activities;

/// <summary>
/// The answer to one add-activities call: the "result" array as JSON, and whether it replays a stored answer; or why the
/// call as a whole was refused.
/// </summary>
public sealed record IngestAnswer(string ResultJson, IReadOnlyList<RecordResult>? Results, bool Replayed, Problem? Refusal = null);

/// <summary>Why an add-activities call is refused as a whole (a record's own errors are Marketo reasons in its result).</summary>
[ProblemCodes]
public static class ActivityIngestionErrors
{
    [ProblemKind(ProblemKind.Conflict)]
    public const string IdempotencyKeyReused = "idempotencyKeyReused";
}

/// <summary>
/// Adds custom activities sent through the API: validates every record against the live (approved) version of its type,
/// then stores the valid ones in one transaction through <see cref="ActivityBulkWriter"/>. With dry run nothing is stored;
/// with an idempotency key the answer is stored with the activities and a retry gets it back.
/// </summary>
public sealed class ActivityIngestion(
    ActivityTypeCatalog catalog,
    PersonDirectory people,
    ActivityBulkWriter writer,
    DatabaseEngine database)
{
    public async Task<IngestAnswer> IngestAsync(
        int apiClientId,
        IReadOnlyList<ActivityInput> inputs,
        bool dryRun,
        string? idempotencyKey,
        string? requestHash,
        CancellationToken cancellationToken = default)
    {
        if (idempotencyKey is not null && await FindStoredAsync(apiClientId, idempotencyKey, cancellationToken) is { } stored)
        {
            return Replay(stored, requestHash);
        }
        for (var attempt = 0; ; attempt++)
        {
            var (results, valid, positions) = await ValidateAsync(inputs, cancellationToken);
            if (dryRun)
            {
                return new IngestAnswer(ResultJson(results, null, null), results, false);
            }
            try
            {
                var record = idempotencyKey is null
                    ? null
                    : new IdempotencyRecord(apiClientId, idempotencyKey, requestHash ?? "", ids => ResultJson(results, positions, ids));
                var ids = await writer.WriteAsync(valid, record, cancellationToken);
                var final = results.ToArray();
                for (var i = 0; i < positions.Count; i++)
                {
                    final[positions[i]] = new RecordResult(ids[i], null);
                }
                return new IngestAnswer(ResultJson(final, null, null), final, false);
            }
            catch (DuplicateIdempotencyKeyException)
            {
                var concurrent = await FindStoredAsync(apiClientId, idempotencyKey!, cancellationToken)
                                 ?? throw new InvalidOperationException("The idempotency record vanished.");
                return Replay(concurrent, requestHash);
            }
            catch (MissingActivityReferenceException) when (attempt == 0)
            {
                // A foreign key failed: a person was deleted after it was remembered. Validate again from the database.
                people.Forget();
            }
        }
    }

    private static IngestAnswer Replay((string Hash, string Response) stored, string? requestHash) =>
        requestHash is not null && stored.Hash.Length > 0 && stored.Hash != requestHash
            ? new IngestAnswer("[]", null, true,
                new Problem("", ActivityIngestionErrors.IdempotencyKeyReused, "The Idempotency-Key was already used with a different request body"))
            : new IngestAnswer(stored.Response, null, true);

    private async Task<(RecordResult[] Results, List<NewActivity> Valid, List<int> Positions)> ValidateAsync(
        IReadOnlyList<ActivityInput> inputs, CancellationToken cancellationToken)
    {
        var results = new RecordResult[inputs.Count];
        var valid = new List<NewActivity>(inputs.Count);
        var positions = new List<int>(inputs.Count);
        var leadIds = new int[inputs.Count];
        var reasons = new List<Reason>?[inputs.Count];
        var drafts = new (LiveActivityType Type, DateTimeOffset At, string Primary, string? Attributes)?[inputs.Count];
        var buffer = new ArrayBufferWriter<byte>(256);
        using var json = new Utf8JsonWriter(buffer);

        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            List<Reason>? why = null;
            void Add(string code, string message) => (why ??= []).Add(new Reason(code, message));

            if (input.LeadId.IsAbsent)
            {
                Add(RecordCodes.MissingValue, "Value for required field 'leadId' not specified");
            }
            else if (input.LeadId.Kind is not (ApiValueKind.Number or ApiValueKind.String)
                     || !int.TryParse(input.LeadId.Text, NumberStyles.None, CultureInfo.InvariantCulture, out leadIds[i]) || leadIds[i] <= 0)
            {
                Add(RecordCodes.WrongType, $"Invalid value '{input.LeadId.Display}' for field 'leadId' of type integer");
            }

            var at = default(DateTimeOffset);
            if (input.ActivityDate.IsAbsent)
            {
                Add(RecordCodes.MissingValue, "Value for required field 'activityDate' not specified");
            }
            else if (input.ActivityDate.Kind != ApiValueKind.String || !FieldValueParser.TryParseDateTime(input.ActivityDate.Text!, out at))
            {
                Add(RecordCodes.WrongType, $"Invalid value '{input.ActivityDate.Display}' for field 'activityDate' of type datetime");
            }
            else if (!ActivityDates.IsAcceptedActivityDate(at))
            {
                Add(RecordCodes.InvalidData, $"Value '{input.ActivityDate.Display}' for field 'activityDate' is outside the accepted range {ActivityDates.ActivityRange}");
            }

            var type = await ResolveTypeAsync(input, Add, cancellationToken);
            string? primary = null;
            string? attributes = null;
            if (type is not null)
            {
                if (input.PrimaryAttributeValue.IsAbsent)
                {
                    Add(RecordCodes.MissingValue, $"Value for required field 'primaryAttributeValue' ({type.Primary!.ApiName}) not specified");
                }
                else if (FieldValueParser.TryParse(type.Primary!, input.PrimaryAttributeValue, out var primaryValue) is { } primaryReason)
                {
                    Add(primaryReason.Code, primaryReason.Message);
                }
                else
                {
                    primary = primaryValue.Text;
                }
                attributes = Attributes(type, input, Add, buffer, json);
            }
            if (why is null)
            {
                drafts[i] = (type!, at, primary!, attributes);
            }
            reasons[i] = why;
        }

        var candidates = new List<int>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (reasons[i] is null)
            {
                candidates.Add(leadIds[i]);
            }
        }
        var missing = await people.MissingAsync(candidates, cancellationToken);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (reasons[i] is null && missing.Contains(leadIds[i]))
            {
                reasons[i] = [new Reason(RecordCodes.LeadNotFound, $"Lead '{leadIds[i]}' not found")];
            }
            if (reasons[i] is { } why)
            {
                results[i] = new RecordResult(null, why);
                continue;
            }
            var (type, at, primary, attributes) = drafts[i]!.Value;
            valid.Add(new NewActivity(leadIds[i], type.Id, type.VersionNumber, at, primary, attributes));
            positions.Add(i);
            results[i] = new RecordResult(null, null);
        }
        return (results, valid, positions);
    }

    private async ValueTask<LiveActivityType?> ResolveTypeAsync(ActivityInput input, Action<string, string> add, CancellationToken cancellationToken)
    {
        LiveActivityType? type;
        string label;
        if (!input.ActivityTypeId.IsAbsent)
        {
            if (input.ActivityTypeId.Kind is not (ApiValueKind.Number or ApiValueKind.String)
                || !int.TryParse(input.ActivityTypeId.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var typeId))
            {
                add(RecordCodes.WrongType, $"Invalid value '{input.ActivityTypeId.Display}' for field 'activityTypeId' of type integer");
                return null;
            }
            type = await catalog.FindAsync(typeId, cancellationToken);
            label = typeId.ToString(CultureInfo.InvariantCulture);
        }
        else if (!string.IsNullOrEmpty(input.ApiName))
        {
            type = await catalog.FindAsync(input.ApiName, cancellationToken);
            label = input.ApiName;
        }
        else
        {
            add(RecordCodes.MissingValue, "Value for required field 'activityTypeId' not specified");
            return null;
        }
        switch (type?.State)
        {
            case null:
                add(RecordCodes.InvalidData, $"Activity type '{label}' not found");
                return null;
            case LiveTypeState.Archived:
                add(RecordCodes.InvalidData, $"Activity type '{type.ApiName}' is archived");
                return null;
            case LiveTypeState.NotApproved:
                add(RecordCodes.InvalidData, $"Activity type '{type.ApiName}' is not approved");
                return null;
            default:
                return type;
        }
    }

    private static string? Attributes(LiveActivityType type, ActivityInput input, Action<string, string> add, ArrayBufferWriter<byte> buffer, Utf8JsonWriter json)
    {
        if (input.AttributesMalformed)
        {
            add(RecordCodes.InvalidData, "'attributes' must be an array of {apiName or name, value}");
            return null;
        }
        if (input.Attributes.Count == 0)
        {
            return null;
        }
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartObject();
        var written = 0;
        HashSet<string>? seen = null;
        foreach (var attribute in input.Attributes)
        {
            var key = attribute.Key;
            if (string.IsNullOrEmpty(key))
            {
                add(RecordCodes.MissingValue, "Value for required field 'apiName' of an attribute not specified");
                continue;
            }
            if (!type.SecondaryByName.TryGetValue(key, out var field))
            {
                add(RecordCodes.FieldNotFound, $"Field '{key}' not found");
                continue;
            }
            if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(field.ApiName))
            {
                add(RecordCodes.InvalidData, $"Field '{field.ApiName}' given more than once");
                continue;
            }
            if (attribute.Value.Kind is ApiValueKind.Null or ApiValueKind.Missing)
            {
                continue;
            }
            if (FieldValueParser.TryParse(field, attribute.Value, out var value) is { } reason)
            {
                add(reason.Code, reason.Message);
                continue;
            }
            value.WriteTo(json, field.ApiName);
            written++;
        }
        json.WriteEndObject();
        json.Flush();
        return written == 0 ? null : Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The "result" array: {"id","status":"added"} or {"status":"skipped","errors":[...],"reasons":[...]} per record, in input order.</summary>
    public static string ResultJson(IReadOnlyList<RecordResult> results, List<int>? positions, long[]? ids)
    {
        var buffer = new ArrayBufferWriter<byte>(results.Count * 32 + 2);
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteResults(json, results, positions, ids);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteResults(Utf8JsonWriter json, IReadOnlyList<RecordResult> results, List<int>? positions, long[]? ids)
    {
        json.WriteStartArray();
        var next = 0;
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            json.WriteStartObject();
            if (result.Added)
            {
                long? id = result.Id;
                if (positions is not null && next < positions.Count && positions[next] == i)
                {
                    id = ids![next++];
                }
                if (id is { } value)
                {
                    json.WriteNumber("id", value);
                    json.WriteString("marketoGUID", value.ToString(CultureInfo.InvariantCulture));
                }
                json.WriteString("status", "added");
            }
            else
            {
                json.WriteString("status", "skipped");
                // Marketo's OpenAPI and its Add Custom Activities example name the list "errors", its error-code page "reasons":
                // both are written, with the same content, so a client reading either finds why.
                WriteReasons(json, "errors", result.Reasons!);
                WriteReasons(json, "reasons", result.Reasons!);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteReasons(Utf8JsonWriter json, string name, IReadOnlyList<Reason> reasons)
    {
        json.WriteStartArray(name);
        foreach (var reason in reasons)
        {
            json.WriteStartObject();
            json.WriteString("code", reason.Code);
            json.WriteString("message", reason.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private async Task<(string Hash, string Response)?> FindStoredAsync(int apiClientId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "RequestHash", "Response" FROM "IdempotentCalls" WHERE "ApiClientId" = @client AND "Key" = @key;""";
        command.AddParameter("@client", apiClientId);
        command.AddParameter("@key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetString(1)) : null;
    }
}
