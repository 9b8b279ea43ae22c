namespace CustomActivities.Web.Api;

/// <summary>
/// Reads the token request's form body without letting a malformed one escape as a 500: an unknown or unsupported
/// charset (utf-7), a multipart type over a body that is not multipart, section headers over 16 KB, more than 1,024
/// fields, or a truncated body all answer OAuth's 400 invalid_request.
/// </summary>
public static class TokenForm
{
    /// <summary>Credentials longer than this cannot be ours (ids and secrets are 32 to 64 characters): refused without a lookup.</summary>
    public const int MaxCredentialLength = 256;

    public static async Task<(IFormCollection? Form, string? Unreadable)> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return (null, null);
        }
        try
        {
            return (await http.Request.ReadFormAsync(http.RequestAborted), null);
        }
        // Whatever the form reader throws (InvalidDataException, InvalidOperationException, NotSupportedException for
        // utf-7, DecoderFallbackException, …) comes from the body the client sent.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, "The form body could not be read");
        }
    }

    public static bool Plausible(string credential) =>
        credential.Length is > 0 and <= MaxCredentialLength && !credential.Any(char.IsControl);
}
