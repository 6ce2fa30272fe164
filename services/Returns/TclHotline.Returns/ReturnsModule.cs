using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TclHotline.Returns.Api;
using TclHotline.Returns.Application;
using TclHotline.Returns.Consumers;
using TclHotline.Returns.Domain;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Returns;

/// <summary>
/// The returns service: dealer stock and deliveries, pre-sale damage and its attribution (rule 18), merchant
/// returns and their class (rule 19), scrap and panel exchanges (rules 17, 24), invoice fraud by dealer (rule 12).
/// </summary>
public sealed class ReturnsModule : IServiceModule
{
    public string Name => "returns";

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReturnsDatabase>();

        var services = builder.Services;
        services.AddValidatedOptions<ReturnsOptions>(builder.Configuration.GetSection(ReturnsOptions.Section));
        // The domain takes its option parts as plain objects, read once at start-up.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReturnsOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<ReturnsOptions>().Stock);
        services.AddSingleton(sp => sp.GetRequiredService<ReturnsOptions>().SlowRepair);
        services.AddSingleton(sp => sp.GetRequiredService<ReturnsOptions>().Depreciation);
        services.AddSingleton(sp => sp.GetRequiredService<ReturnsOptions>().InvoiceFraud);

        services.AddSingleton<ReturnsCalendar>();
        services.AddSingleton<Dealers>();
        services.AddSingleton<StockAging>();
        services.AddSingleton(sp => new SlowRepair(sp.GetRequiredService<SlowRepairOptions>(), sp.GetRequiredService<ReturnsCalendar>().Zone));
        services.AddSingleton<Depreciation>();
        services.AddSingleton<PreSaleReports>();
        services.AddSingleton<DealerStock>();
        services.AddSingleton<MerchantReturns>();
        services.AddSingleton<Scraps>();
        services.AddSingleton<PanelExchanges>();
        services.AddSingleton<InvoiceFraud>();
        builder.AddBranchReport();
    }

    public void AddConsumers(ModuleConsumers consumers)
    {
        consumers.Add<ServiceOrderOpenedConsumer>();
        consumers.Add<VisitCompletedConsumer>();
        consumers.Add<ServiceOrderCancelledConsumer>();
        consumers.Add<ExchangeEligibilityDecidedConsumer>();
        consumers.Add<FeeEstimatedConsumer>();
        consumers.Add<PanelExchangeOfferedConsumer>();
        consumers.AddBranchReportConsumers();
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapGrpcService<ReturnsGrpcService>();
        app.MapBranchReport();
    }
}
