using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Outbox;

namespace TclHotline.ServiceDefaults.Modules;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers a service's own database: the typed handle, its migration at start-up, its outbox relay
    /// and its readiness check.
    /// </summary>
    public static void AddServiceDatabase<TDb>(this IHostApplicationBuilder builder) where TDb : ServiceDatabase
    {
        builder.Services.TryAddSingleton<DatabaseSettings>();
        builder.Services.AddSingleton<TDb>();
        builder.Services.AddSingleton<ServiceDatabase>(sp => sp.GetRequiredService<TDb>());
        builder.Services.AddHostedService<OutboxRelay<TDb>>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TDb>>(typeof(TDb).Name, tags: ["ready"]);
    }
}
