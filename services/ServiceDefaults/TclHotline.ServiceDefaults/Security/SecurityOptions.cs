namespace TclHotline.ServiceDefaults.Security;

/// <summary>
/// Bound from <c>Security:Jwt</c>. Either an OpenID Connect <see cref="Authority"/> (production: keys from its
/// metadata) or a shared symmetric <see cref="SigningKey"/> (random, from a secret store, in Production).
/// </summary>
public sealed class SecurityOptions
{
    public string Issuer { get; set; } = "tclhotline";
    public string Audience { get; set; } = "tclhotline-api";
    public string? Authority { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// At least 32 bytes. The repository holds only the development key; Production refuses it, the examples'
    /// placeholders and short keys (<see cref="SigningKeyPolicy"/>).
    /// </summary>
    public string? SigningKey { get; set; }

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
