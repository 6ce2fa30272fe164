namespace TclHotline.ServiceDefaults.Security;

/// <summary>
/// Bound from <c>Security:Jwt</c>. Either an OpenID Connect <see cref="Authority"/> (production: keys from its
/// metadata) or a symmetric <see cref="SigningKey"/> (development and tests only).
/// </summary>
public sealed class SecurityOptions
{
    public string Issuer { get; set; } = "tclhotline";
    public string Audience { get; set; } = "tclhotline-api";
    public string? Authority { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>At least 32 characters. Never a real secret in the repository: development key only.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
