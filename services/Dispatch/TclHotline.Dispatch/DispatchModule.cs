using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TclHotline.Dispatch.Api;
using TclHotline.Dispatch.Application;
using TclHotline.Dispatch.Consumers;
using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Board;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.Dispatch.Seed;
using TclHotline.ServiceDefaults.Feeds;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Dispatch;

public sealed class DispatchModule : IServiceModule
{
    public string Name => "dispatch";

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<DispatchDatabase>();

        var services = builder.Services;
        services.AddValidatedOptions<DispatchOptions>(builder.Configuration.GetSection(DispatchOptions.Section));
        // The domain takes its options as a plain object, read once at start-up.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DispatchOptions>>().Value);
        services.AddSingleton<AssignmentPlanner>();
        services.AddSingleton<CommitmentStanding>();
        services.AddSingleton<NetworkSeedParser>();
        services.AddSingleton<NetworkStore>();
        services.AddSingleton<OrderStore>();
        services.AddSingleton<DispatchContext>();
        services.AddLiveFeed<BoardChange>(change => change.BranchCode);
        services.AddSingleton<BoardReader>();
        services.AddSingleton<VisitBooking>();
        services.AddSingleton<OrderIntake>();
        services.AddSingleton<DeadlineReactions>();
        services.AddSingleton<BookingDeadlines>();
        services.AddSingleton<AppointmentCommands>();
        services.AddSingleton<VisitLifecycle>();
        services.AddSingleton<RosterCommands>();
        services.AddHostedService<NetworkSeeding>();
    }

    public void AddConsumers(ModuleConsumers consumers)
    {
        consumers.AddBatch<ServiceOrderOpenedConsumer, Messages.Intake.ServiceOrderOpened>();
        consumers.Add<ServiceOrderCancelledConsumer>();
        consumers.Add<DeadlineWarnedConsumer>();
        consumers.Add<DeadlineBreachedConsumer>();
        consumers.AddBatch<FeeEstimatedConsumer, Messages.Intake.FeeEstimated>();
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapGrpcService<DispatchGrpcService>();
        app.MapGrpcService<RosterGrpcService>();
        app.MapBoard();
    }
}
