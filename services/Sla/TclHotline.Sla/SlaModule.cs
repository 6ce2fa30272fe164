using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TclHotline.ServiceDefaults.Feeds;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.Sla.Api;
using TclHotline.Sla.Application;
using TclHotline.Sla.Consumers;
using TclHotline.Sla.Data;
using TclHotline.Sla.Domain;

namespace TclHotline.Sla;

public sealed class SlaModule : IServiceModule
{
    public string Name => "sla";

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SlaDatabase>();
        builder.Services.AddValidatedOptions<SlaOptions>(builder.Configuration.GetSection(SlaOptions.SectionName))
            .Validate(
                o => o.ScanBatchSize > 0 && o.ClaimLease > TimeSpan.Zero && o.MaxSleep > TimeSpan.Zero && o.WatchBufferSize > 0
                     && o.PendingCountInterval > TimeSpan.Zero,
                "Sla:ScanBatchSize, Sla:ClaimLease, Sla:MaxSleep, Sla:WatchBufferSize and Sla:PendingCountInterval must be positive.");
        builder.Services.AddSingleton(sp => new DeadlineTimer(sp.GetRequiredService<IOptions<SlaOptions>>().Value));
        builder.Services.AddSingleton<DeadlineStore>();
        builder.Services.AddSingleton<DeadlineWakeUp>();
        builder.Services.AddLiveFeed<SlaNotice>(notice => notice.BranchCode);
        builder.Services.AddSingleton<SlaMetrics>();
        builder.Services.AddHostedService<DeadlineScanner>();
        builder.Services.AddHostedService<PendingCounter>();
    }

    public void AddConsumers(ModuleConsumers consumers)
    {
        consumers.Add<DeadlineSetConsumer>();
        consumers.Add<DeadlineMetConsumer>();
        consumers.Add<DeadlineMovedConsumer>();
        consumers.Add<DeadlinePausedConsumer>();
        consumers.Add<DeadlineResumedConsumer>();
        consumers.Add<DeadlineCancelledConsumer>();
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapGrpcService<SlaTimerGrpcService>();
    }
}
