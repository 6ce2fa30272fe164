using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TclHotline.ServiceDefaults.Feeds;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.Telephony.Api;
using TclHotline.Telephony.Application;
using TclHotline.Telephony.Consumers;
using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony;

public sealed class TelephonyModule : IServiceModule
{
    public string Name => "telephony";

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TelephonyDatabase>();
        builder.Services.AddValidatedOptions<TelephonyOptions>(builder.Configuration.GetSection("Telephony"));
        builder.Services.AddSingleton(sp => new CallbackPolicy(sp.GetRequiredService<IOptions<TelephonyOptions>>().Value));
        builder.Services.AddSingleton<CallbackTasks>();
        builder.Services.AddSingleton<CallerLookup>();
        builder.Services.AddLiveFeed<DeskPop>(pop => pop.AgentId);
        builder.Services.AddSingleton<TelephonyMetrics>();
        builder.Services.AddSingleton<CallEventIngestion>();
        builder.Services.AddSingleton<CallRecords>();
    }

    public void AddConsumers(ModuleConsumers consumers)
    {
        consumers.Add<ServiceOrderOpenedConsumer>();
        consumers.Add<ComplaintCallRegisteredConsumer>();
        consumers.Add<EngineerAssignedConsumer>();
        consumers.Add<EngineerArrivedConsumer>();
        consumers.Add<VisitCompletedConsumer>();
        consumers.Add<ServiceOrderCancelledConsumer>();
        consumers.Add<FeeEstimatedConsumer>();
        consumers.Add<PanelExchangeOfferedConsumer>();
        consumers.Add<ExchangeEligibilityDecidedConsumer>();
        consumers.Add<PanelExchangeCompletedConsumer>();
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapGrpcService<TelephonyGrpcService>();
        CallEventWebhook.Map(app);
    }
}
