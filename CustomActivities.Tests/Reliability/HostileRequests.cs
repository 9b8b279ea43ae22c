using System.Text;

namespace CustomActivities.Tests.Reliability;

/// <summary>One malformed or hostile call: what a careless integration or an attacker sends.</summary>
public sealed record HostileRequest(string Kind, HttpMethod Method, string Path, string? ContentType, byte[]? Body, bool WithToken, string? IdempotencyKey)
{
    public bool IsIdentity => Path.StartsWith("/identity/", StringComparison.Ordinal);

    public HttpRequestMessage ToMessage(string? token)
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        if (WithToken && token is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }
        if (IdempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }
        return message;
    }
}

/// <summary>
/// A deterministic stream (fixed seed) of malformed or hostile calls across every /rest and /identity endpoint:
/// truncated JSON, wrong types, huge numbers, deep nesting, invalid UTF-8, odd content types, too many fields, 301
/// records, dates at the edges, garbage query strings and headers. Shared by the test suite (a few thousand calls) and
/// the reliability command of the benchmarks (100,000).
/// </summary>
public sealed class HostileRequests(int seed, int leadId, int typeId, string typeApiName)
{
    /// <summary>The seed the test suite and the reliability command use unless told otherwise, so both replay the same calls.</summary>
    public const int DefaultSeed = 20261130;

    private readonly Random random = new(seed);

    private static readonly string[] JsonPosts =
    [
        "/rest/v1/activities/external.json", "/rest/v1/leads.json", "/rest/v1/activities/external/type.json",
        "/rest/v1/activities/external/type/{type}.json", "/rest/v1/activities/external/type/{type}/attributes/create.json",
        "/rest/v1/activities/external/type/{type}/attributes/update.json", "/rest/v1/activities/external/type/{type}/attributes/delete.json",
        "/rest/v1/lists/{list}/leads.json", "/rest/v1/leads.json?_method=GET",
    ];

    private static readonly string[] BodilessPosts =
    [
        "/rest/v1/activities/external/type/{type}/approve.json", "/rest/v1/activities/external/type/{type}/discardDraft.json",
        "/rest/v1/activities/external/type/{type}/delete.json",
    ];

    private static readonly string[] Gets =
    [
        "/rest/v1/leads.json", "/rest/v1/lead/{lead}.json", "/rest/v1/leads/describe.json", "/rest/v1/activities/external/types.json",
        "/rest/v1/activities/external/type/{type}/describe.json", "/rest/v1/activities/types.json", "/rest/v1/activities/pagingtoken.json",
        "/rest/v1/activities.json", "/rest/v1/nothing/here.json", "/rest/v2/leads.json",
        "/rest/v1/leads/partitions.json", "/rest/v1/activities/leadchanges.json", "/rest/v1/lists.json", "/rest/v1/lists/{list}.json",
        "/rest/v1/lists/{list}/leads.json", "/rest/v1/lists/{list}/leads/ismember.json",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-7", "application/json; charset=nonsense",
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz", "application/jsonx", "application/*", "*/*", ";;;",
    ];

    private static readonly string[] EdgeDates =
    [
        "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2099-12-31T23:59:59Z", "2100-01-01T00:00:00Z",
        "2026-02-30T10:00:00Z", "+275760-09-13T00:00:00Z", "", " ", "2026-11-01T10:00:00+14:00", "2026-11-01T10:00:00-12:00", "2026-11-01", "now",
        "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00", "1899-12-31", "1900-01-01",
    ];

    private static readonly string[] OddValues =
    [
        "null", "true", "[]", "{}", "[1,2]", "{\"a\":{}}", "\"\"", "0", "-1", "1e999999", "-1e999999", "99999999999999999999999999999",
        "1.7976931348623157e309", "-0", "0.000000000000000000000000001", "\"\\ud800\"", "\"\\u0000\"", "\"<script>alert(1)</script>\"",
        "\"' OR 1=1 --\"", "\"Robert'); DROP TABLE Activities;--\"", "2147483648", "-2147483649", "9223372036854775808",
    ];

    public HostileRequest Next()
    {
        var kind = random.Next(14);
        return kind switch
        {
            0 => Json("truncated", Truncate(ValidBody(JsonPost()))),
            1 => Json("wrong types", WrongTypes()),
            2 => Json("huge numbers", ActivityBody(1, leadJson: Pick(OddValues), typeJson: Pick(OddValues))),
            3 => Json("deep nesting", DeepNesting()),
            4 => InvalidUtf8(),
            5 => OddContentType(),
            6 => Json("too many fields", TooManyFields()),
            7 => Json("301 records", ActivityBody(301)),
            8 => Json("edge dates", EdgeDateBody()),
            9 => Raw("random bytes", JsonPost(), "application/json", RandomBytes()),
            10 => GarbageQuery(),
            11 => TokenRequest(),
            12 => Bodiless(),
            _ => Json("long strings and keys", LongStrings()),
        };
    }

    private string JsonPost() => Fill(Pick(JsonPosts));

    private string Fill(string path) => path.Replace("{type}", random.Next(4) == 0 ? Uri.EscapeDataString(Pick(["x'y", "..", "%00", "a/b", new string('t', 300)])) : typeApiName, StringComparison.Ordinal)
        .Replace("{list}", Pick(["1", "-1", "abc", "99999999999999", "0", "1.5"]), StringComparison.Ordinal)
        .Replace("{lead}", random.Next(3) == 0 ? Pick(["-1", "abc", "99999999999999", "0", "1.5"]) : leadId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private HostileRequest Json(string kind, string body) => Raw(kind, JsonPost(), "application/json", Encoding.UTF8.GetBytes(body));

    private HostileRequest Raw(string kind, string path, string? contentType, byte[] body) =>
        new(kind, HttpMethod.Post, path, contentType, body, random.Next(20) != 0, IdempotencyKey());

    private string? IdempotencyKey() => random.Next(8) switch
    {
        0 => new string('k', 300),
        1 => $"key-{random.Next(50)}",
        _ => null,
    };

    private string ValidBody(string path) => path switch
    {
        _ when path.EndsWith("/external.json", StringComparison.Ordinal) => ActivityBody(1 + random.Next(3)),
        _ when path.EndsWith("/leads.json", StringComparison.Ordinal) => $$"""{"action":"createOrUpdate","input":[{"email":"fuzz{{random.Next(1000)}}@example.com","firstName":"F"}]}""",
        _ when path.Contains("/attributes/", StringComparison.Ordinal) => """{"attributes":[{"apiName":"fuzzField","name":"Fuzz field","dataType":"string"}]}""",
        _ => """{"apiName":"fuzzType","name":"Fuzz type","triggerName":"Fuzzes","filterName":"Fuzzed","primaryAttribute":{"apiName":"p","name":"P","dataType":"string"}}""",
    };

    private string ActivityBody(int count, string? leadJson = null, string? typeJson = null)
    {
        var records = Enumerable.Range(0, count).Select(i =>
            $$"""{"leadId":{{leadJson ?? leadId.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"activityDate":"2026-11-01T10:00:00Z","activityTypeId":{{typeJson ?? typeId.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"primaryAttributeValue":"fuzz {{i}}","attributes":[{"apiName":"minutes","value":{{i}}}]}""");
        return $$"""{"input":[{{string.Join(',', records)}}]}""";
    }

    private string Truncate(string json) => json[..random.Next(json.Length)];

    private string WrongTypes()
    {
        var value = Pick(OddValues);
        return random.Next(6) switch
        {
            0 => $$"""{"input":{{value}}}""",
            1 => $$"""{"input":[{{value}}]}""",
            2 => $$"""{"input":[{"leadId":{{value}},"activityDate":{{value}},"activityTypeId":{{value}},"primaryAttributeValue":{{value}},"attributes":{{value}}}]}""",
            3 => $$"""{"attributes":{{value}},"apiName":{{value}},"primaryAttribute":{{value}}}""",
            4 => $$"""{"action":{{value}},"lookupField":{{value}},"input":[{"email":{{value}},"id":{{value}}}]}""",
            _ => value,
        };
    }

    private string DeepNesting()
    {
        var depth = Pick([10, 64, 65, 200, 5_000]);
        return random.Next(2) == 0
            ? $$"""{"input":[{{new string('[', depth)}}{{new string(']', depth)}}]}"""
            : $$"""{"input":[{"leadId":1,"attributes":[{"apiName":"x","value":{{string.Concat(Enumerable.Repeat("{\"a\":", depth))}}1{{new string('}', depth)}}}]}]}""";
    }

    private HostileRequest InvalidUtf8()
    {
        var body = Encoding.UTF8.GetBytes(ValidBody(JsonPost()));
        var copy = body.ToList();
        var at = copy.IndexOf((byte)'"', random.Next(Math.Max(1, copy.Count / 2)));
        copy.InsertRange(Math.Max(0, at + 1), Pick<byte[]>([[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80]]));
        return Raw("invalid UTF-8", JsonPost(), "application/json", [.. copy]);
    }

    private HostileRequest OddContentType()
    {
        var path = JsonPost();
        return new HostileRequest("odd content type", HttpMethod.Post, path, random.Next(10) == 0 ? null : Pick(ContentTypes), Encoding.UTF8.GetBytes(ValidBody(path)), true, null);
    }

    private string TooManyFields()
    {
        var count = Pick([1_025, 5_000, 20_000]);
        var fields = string.Join(',', Enumerable.Range(0, count).Select(i => $"\"f{i}\":{i}"));
        return random.Next(2) == 0 ? $"{{{fields}}}" : $$"""{"input":[{"leadId":1,{{fields}}}]}""";
    }

    private string EdgeDateBody()
    {
        var date = Pick(EdgeDates);
        return random.Next(3) switch
        {
            0 => $$"""{"input":[{"leadId":{{leadId}},"activityDate":"{{date}}","activityTypeId":{{typeId}},"primaryAttributeValue":"edge"}]}""",
            1 => $$"""{"input":[{"leadId":{{leadId}},"activityDate":"2026-11-01T10:00:00Z","activityTypeId":{{typeId}},"primaryAttributeValue":"edge","attributes":[{"apiName":"day","value":"{{date}}"},{"apiName":"joinedAt","value":"{{date}}"}]}]}""",
            _ => $$"""{"input":[{"leadId":{{leadId}},"activityDate":{{Pick(OddValues)}},"activityTypeId":{{typeId}},"primaryAttributeValue":"edge"}]}""",
        };
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(0, 2_000)];
        random.NextBytes(bytes);
        return bytes;
    }

    private string LongStrings()
    {
        var text = new string((char)random.Next(0x20, 0x2FFF), Pick([256, 70_000, 120_000]));
        return $$"""{"input":[{"leadId":{{leadId}},"activityDate":"2026-11-01T10:00:00Z","activityTypeId":{{typeId}},"primaryAttributeValue":"{{text}}","attributes":[{"apiName":"{{text}}","value":"{{text}}"}]}],"{{text}}":1}""";
    }

    private HostileRequest GarbageQuery()
    {
        var path = Fill(Pick(Gets));
        var value = Uri.EscapeDataString(Pick(["-1", "0", "1e10", "abc", "", " ", "%", "9999-12-31T23:59:59Z", "0001-01-01", string.Join(',', Enumerable.Range(1, 301)),
            new string('z', 5_000), "1,,,2", "true", "maybe", "\u0000", "../../etc/passwd", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]));
        var names = new[] { "batchSize", "nextPageToken", "sinceDatetime", "activityTypeIds", "leadIds", "filterType", "filterValues", "fields", "draft", "access_token", "dryRun" };
        var query = string.Join('&', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => $"{Pick(names)}={value}"));
        return new HostileRequest("garbage query", random.Next(8) == 0 ? Pick([HttpMethod.Delete, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Options]) : HttpMethod.Get,
            $"{path}?{query}", null, null, random.Next(10) != 0, null);
    }

    private HostileRequest Bodiless() =>
        new("bodiless post", HttpMethod.Post, Fill(Pick(BodilessPosts)), random.Next(2) == 0 ? "application/json" : null, random.Next(2) == 0 ? [] : null, random.Next(10) != 0, null);

    private HostileRequest TokenRequest()
    {
        var form = random.Next(6) switch
        {
            0 => "grant_type=client_credentials&client_id=a&client_secret=%00",
            1 => string.Join('&', Enumerable.Range(0, 1_100).Select(i => $"f{i}=x")),
            2 => "grant_type=password&client_id=&client_secret=",
            3 => "grant_type=client_credentials&client_id=" + new string('a', 100_000),
            4 => "grant_type=client_credentials&client_id=%FF%FE&client_secret=%C3",
            _ => Encoding.Latin1.GetString(RandomBytes()),
        };
        var contentType = Pick(["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-7", "multipart/form-data; boundary=zz",
            "multipart/form-data", "text/plain", "application/json", "application/x-www-form-urlencoded; charset=nonsense"]);
        return random.Next(3) == 0
            ? new HostileRequest("token query", HttpMethod.Get, "/identity/oauth/token?" + form, null, null, false, null)
            : new HostileRequest("token form", HttpMethod.Post, "/identity/oauth/token", contentType, Encoding.UTF8.GetBytes(form), false, null);
    }
}
