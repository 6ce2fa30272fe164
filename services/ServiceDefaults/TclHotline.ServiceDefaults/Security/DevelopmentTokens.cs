using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace TclHotline.ServiceDefaults.Security;

/// <summary>Mints tokens signed with the development key, for the standalone host, the CLI and tests.</summary>
public static class DevelopmentTokens
{
    public static SymmetricSecurityKey KeyFrom(string signingKey)
    {
        if (signingKey.Length < 32) throw new ArgumentException("The signing key needs at least 32 characters.", nameof(signingKey));
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey));
    }

    public static string Mint(
        string signingKey,
        string subject,
        IEnumerable<string> roles,
        string branch,
        string? engineerId = null,
        TimeSpan? lifetime = null,
        string issuer = "tclhotline",
        string audience = "tclhotline-api",
        DateTimeOffset? now = null,
        string? dealerId = null)
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new List<Claim> { new(HotlineClaims.Subject, subject), new(HotlineClaims.Branch, branch) };
        claims.AddRange(roles.Select(r => new Claim(HotlineClaims.Role, r)));
        if (engineerId is not null) claims.Add(new Claim(HotlineClaims.EngineerId, engineerId));
        if (dealerId is not null) claims.Add(new Claim(HotlineClaims.DealerId, dealerId));
        var token = new JwtSecurityToken(
            issuer, audience, claims,
            notBefore: issuedAt.AddSeconds(-5),
            expires: issuedAt + (lifetime ?? TimeSpan.FromHours(8)),
            signingCredentials: new SigningCredentials(KeyFrom(signingKey), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
