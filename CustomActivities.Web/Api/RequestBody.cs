using System.Buffers;
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
        return (new RequestBody(buffer, length), null);
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
