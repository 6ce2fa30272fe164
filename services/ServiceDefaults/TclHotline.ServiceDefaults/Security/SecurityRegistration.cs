using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace TclHotline.ServiceDefaults.Security;

/// <summary>
/// Every endpoint requires a valid bearer token (issuer, audience, lifetime, signature) unless it opts out
/// (health). Roles and the branch come from the token's claims.
/// </summary>
public static class SecurityRegistration
{
    public static void AddHotlineSecurity(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Security:Jwt");
        var options = section.Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.Configure<SecurityOptions>(section);
        if (options.Authority is null && string.IsNullOrEmpty(options.SigningKey))
            throw new InvalidOperationException("Security:Jwt needs an Authority or a SigningKey. " + SigningKeyPolicy.Remedy);
        if (options.Authority is null && builder.Environment.IsProduction()
            && SigningKeyPolicy.Refusal(options.SigningKey!, builder.Environment.ContentRootFileProvider) is { } refusal)
            throw new InvalidOperationException($"{refusal}: refused in Production. {SigningKeyPolicy.Remedy}");

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = options.Issuer,
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = options.Authority is null ? DevelopmentTokens.KeyFrom(options.SigningKey!) : null,
                    ClockSkew = options.ClockSkew,
                    RoleClaimType = HotlineClaims.Role,
                    NameClaimType = HotlineClaims.Subject,
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
