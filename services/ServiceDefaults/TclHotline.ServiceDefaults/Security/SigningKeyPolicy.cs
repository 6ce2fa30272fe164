using System.Text;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;

namespace TclHotline.ServiceDefaults.Security;

/// <summary>
/// Which shared signing keys a Production host refuses: anyone holding a key from the repository (the
/// development appsettings, the example secrets) can mint a token for any role and branch. Development and
/// tests keep their checked-in keys.
/// </summary>
public static class SigningKeyPolicy
{
    /// <summary>HMAC-SHA256 wants a key at least as long as its 32-byte output.</summary>
    public const int MinimumBytes = 32;

    /// <summary>
    /// Words that mark a key as an example rather than a secret: the .env.example and secrets.example.yaml
    /// values ("change-me-…", "&lt;32+ random …&gt;") and the development and test keys ("development-only-…").
    /// </summary>
    private static readonly string[] PlaceholderMarks =
        ["change-me", "changeme", "change_me", "development-only", "tests-only", "placeholder", "example", "<", ">", "..."];

    /// <summary>What to do instead, in every refusal.</summary>
    public const string Remedy =
        "Configure an OpenID Connect provider with Security:Jwt:Authority (its metadata supplies the signing keys; " +
        "set Security:Jwt:Issuer and Security:Jwt:Audience to its issuer and this API's audience), or set " +
        "Security:Jwt:SigningKey from your secret store to a random key of at least 32 bytes, e.g. the output of " +
        "`openssl rand -base64 48`. See deploy/README.md, \"Bearer tokens\".";

    /// <summary>
    /// Why <paramref name="signingKey"/> must not sign tokens in Production, or null when it may. Never says the key.
    /// </summary>
    /// <param name="contentRoot">The host's files: its appsettings.Development.json is published beside it.</param>
    public static string? Refusal(string signingKey, IFileProvider? contentRoot)
    {
        var bytes = Encoding.UTF8.GetByteCount(signingKey);
        if (bytes < MinimumBytes)
            return $"Security:Jwt:SigningKey has {bytes} bytes; at least {MinimumBytes} are needed";
        if (DevelopmentKey(contentRoot) is { } development && string.Equals(development, signingKey, StringComparison.Ordinal))
            return "Security:Jwt:SigningKey is the development key from appsettings.Development.json, which is in the repository";
        if (PlaceholderMarks.FirstOrDefault(m => signingKey.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } mark)
            return $"Security:Jwt:SigningKey is a placeholder (it contains \"{mark}\"), like the example in .env.example";
        if (signingKey.Distinct().Count() < 8)
            return "Security:Jwt:SigningKey repeats a few characters; it is not a random key";
        return null;
    }

    private static string? DevelopmentKey(IFileProvider? contentRoot)
    {
        var file = contentRoot?.GetFileInfo("appsettings.Development.json");
        if (file is not { Exists: true }) return null;
        try
        {
            using var stream = file.CreateReadStream();
            using var json = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return json.RootElement.TryGetProperty("Security", out var security)
                && security.TryGetProperty("Jwt", out var jwt)
                && jwt.TryGetProperty("SigningKey", out var key)
                && key.ValueKind == JsonValueKind.String
                ? key.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
