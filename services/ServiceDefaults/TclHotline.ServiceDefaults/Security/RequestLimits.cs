using System.Threading.RateLimiting;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TclHotline.ServiceDefaults.Security;

/// <summary>
/// Request size and rate limits on every public endpoint (gRPC and HTTP, health excepted). Rates are per
/// caller: the token subject, else the remote address (the telephony webhook). Configuration:
/// <c>Limits:MaxRequestBodyBytes</c> (1 MiB), <c>Limits:PermitsPerSecond</c> (500, 0 = off), <c>Limits:Burst</c> (1000).
/// A gRPC call over the limit gets RESOURCE_EXHAUSTED, an HTTP request 429. Open streams per caller:
/// <c>Limits:OpenStreamsPerCaller</c> (20, 0 = off; <see cref="OpenStreamLimit"/>).
/// </summary>
public static class RequestLimits
{
    public static void AddRequestLimits(this WebApplicationBuilder builder)
    {
        var maxBody = builder.Configuration.GetValue<long>("Limits:MaxRequestBodyBytes", 1024 * 1024);
        var perSecond = builder.Configuration.GetValue("Limits:PermitsPerSecond", 500);
        var burst = builder.Configuration.GetValue("Limits:Burst", 1000);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBody);
        builder.Services.AddSingleton(new OpenStreams(builder.Configuration.GetValue("Limits:OpenStreamsPerCaller", 20)));
        builder.Services.AddSingleton<OpenStreamLimit>();
        builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<OpenStreamLimit>());

        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (perSecond <= 0 || context.Request.Path.StartsWithSegments("/health"))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                var caller = context.User.FindFirst(HotlineClaims.Subject)?.Value
                    ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = (context, _) =>
            {
                var response = context.HttpContext.Response;
                if (context.HttpContext.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
                {
                    // A trailers-only gRPC response, so clients see RESOURCE_EXHAUSTED rather than a transport error.
                    response.StatusCode = StatusCodes.Status200OK;
                    response.ContentType = "application/grpc";
                    response.Headers["grpc-status"] = "8";
                    response.Headers["grpc-message"] = "rate limit exceeded";
                }
                else
                {
                    response.StatusCode = StatusCodes.Status429TooManyRequests;
                }
                return ValueTask.CompletedTask;
            };
        });
    }
}
