using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TclHotline.ServiceDefaults.Audit;
using TclHotline.ServiceDefaults.Branches;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.ServiceDefaults.Outbox;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Time;

namespace TclHotline.ServiceDefaults;

/// <summary>
/// Builds a host for one or more service modules with everything they share: telemetry, health, time,
/// security, gRPC, the bus, the databases and their outboxes. A service's Program.cs is one line of this.
/// </summary>
public static class HotlineApp
{
    public static WebApplication Create(string[] args, params IServiceModule[] modules) => Create(args, null, modules);

    /// <param name="configure">Lets tests add configuration or replace services before the host is built.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure, params IServiceModule[] modules)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddServiceDefaults(modules);
        var app = builder.Build();
        app.UseServiceDefaults(modules);
        return app;
    }

    /// <summary>
    /// The deploy-time topology step: declares on RabbitMQ every queue, exchange and binding the modules'
    /// consumers use (the same declarations their hosts make at start, from the same registrations), consumes
    /// nothing, and returns. Run once with every module before any service starts, so an event published
    /// before its consumers' first start waits in their queues instead of being dropped by a fresh broker.
    /// </summary>
    public static async Task DeployTopologyAsync(string[] args, Action<IHostApplicationBuilder>? configure, params IServiceModule[] modules)
    {
        var builder = Host.CreateApplicationBuilder(args);
        configure?.Invoke(builder);
        builder.Configuration["Messaging:DeployTopologyOnly"] = "true";
        if (!(builder.Configuration.GetSection("Messaging").Get<MessagingOptions>() ?? new MessagingOptions()).IsRabbitMq)
            throw new InvalidOperationException("The topology step is for RabbitMQ: set Messaging:Transport to RabbitMq.");
        builder.AddHotlineBus(modules); // consumers are declared, never instantiated: the modules' services are not needed
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await host.Services.GetRequiredService<IBusControl>().DeployAsync(timeout.Token);
    }

    public static void AddServiceDefaults(this WebApplicationBuilder builder, IReadOnlyList<IServiceModule> modules)
    {
        var serviceName = builder.Configuration["Service:Name"] is { Length: > 0 } n ? n : string.Join("+", modules.Select(m => m.Name));
        builder.AddHotlineClock();
        builder.AddBranchCatalogue();
        builder.AddHotlineTelemetry(serviceName);
        builder.AddHotlineSecurity();
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        var grpc = builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<ErrorMappingInterceptor>();
            o.MaxReceiveMessageSize = builder.Configuration.GetValue("Grpc:MaxReceiveMessageBytes", 1024 * 1024);
            o.EnableDetailedErrors = false;
        });
        builder.AddHttpApi(grpc);
        builder.Services.AddGrpcReflection();
        builder.AddRequestLimits();
        foreach (var module in modules) module.AddServices(builder);
        builder.AddHotlineBus(modules);
    }

    public static void UseServiceDefaults(this WebApplication app, IReadOnlyList<IServiceModule> modules)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TclHotline.Migrations");
        foreach (var db in app.Services.GetServices<ServiceDatabase>())
            DatabaseMigrator.Migrate(db, logger);

        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        // Probes carry no token. In Production they answer the status only: the checks' names and descriptions
        // (database and broker errors, server names) are for the logs, not for anyone who can reach the port.
        var detailed = !app.Environment.IsProduction();
        app.MapHealthChecks("/health/live", Health("live", detailed)).AllowAnonymous();
        app.MapHealthChecks("/health/ready", Health("ready", detailed)).AllowAnonymous();
        // Reflection lists every service and message: open where developers run the hosts; in Production off
        // unless Grpc:EnableReflection is set, and then for authenticated callers only (the fallback policy).
        if (!app.Environment.IsProduction())
            app.MapGrpcReflectionService().AllowAnonymous();
        else if (app.Configuration.GetValue<bool>("Grpc:EnableReflection"))
            app.MapGrpcReflectionService();
        app.MapHttpApiDescription();
        app.MapGrpcService<AuditTrailGrpcService>();
        foreach (var module in modules) module.MapEndpoints(app);
    }

    private static void AddHotlineTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource("TclHotline*", "MassTransit")
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddGrpcClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter("TclHotline*", "MassTransit")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
    }

    private static HealthCheckOptions Health(string tag, bool detailed) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(detailed
                ? JsonSerializer.Serialize(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
                })
                : JsonSerializer.Serialize(new { status = report.Status.ToString() }));
        },
    };
}
