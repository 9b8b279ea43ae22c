using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using CustomActivities.Core.ApiClients;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CustomActivities.Web.Api;

/// <summary>A JSON request body read whole (up to the size limit) into a pooled buffer.</summary>
public sealed class RequestBody : IDisposable
{
    private byte[]? rented;

    private RequestBody(byte[] rented, int length)
    {
        this.rented = rented;
        Length = length;
    }

    public int Length { get; }
    public ReadOnlySpan<byte> Span => rented.AsSpan(0, Length);
    public ReadOnlyMemory<byte> Memory => rented.AsMemory(0, Length);

    /// <summary>The body, or the answer to give instead: 612 for a non-JSON content type, HTTP 413 for a body over the limit.</summary>
    public static async Task<(RequestBody? Body, IResult? Refusal)> ReadJsonAsync(HttpContext http)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Envelope.Error(ApiErrors.ContentType));
        }
        var max = http.RequestServices.GetRequiredService<IOptionsMonitor<ApiOptions>>().CurrentValue.MaxBodyBytes;
        if (request.ContentLength > max)
        {
            return (null, TooLarge(max));
        }
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? 16_384, max) + 1);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > max)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, TooLarge(max));
                }
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, max + 1));
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
            var read = await request.Body.ReadAsync(buffer.AsMemory(length), http.RequestAborted);
            if (read == 0)
            {
                break;
            }
            length += read;
            if (length > max)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, TooLarge(max));
            }
        }
        if (UnreadableText(buffer.AsSpan(0, length)) is { } problem)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, Envelope.Error(ApiErrors.InvalidJson(problem)));
        }
        return (new RequestBody(buffer, length), null);
    }

    /// <summary>
    /// Text no JSON string can be read from: bytes that are not UTF-8, or a \u escape of half a surrogate pair. The readers
    /// would throw on such a string (not a JsonException), which answered 611, a server fault clients retry, instead of 609.
    /// </summary>
    private static string? UnreadableText(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            return "the body is not valid UTF-8";
        }
        if (body.IndexOf(@"\u"u8) < 0)
        {
            return null;
        }
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Malformed otherwise: the endpoint's own reader says where.
            return null;
        }
        catch (InvalidOperationException)
        {
            return "a string holds a \\u escape of a lone surrogate";
        }
        return null;
    }

    private static IResult TooLarge(int max) =>
        Envelope.Error(new ApiError("413", $"Request entity too large: the limit is {max} bytes"), StatusCodes.Status413PayloadTooLarge);

    public void Dispose()
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
            rented = null;
        }
    }
}
