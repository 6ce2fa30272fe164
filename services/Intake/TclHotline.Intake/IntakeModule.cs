using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TclHotline.Intake.Api;
using TclHotline.Intake.Application;
using TclHotline.Intake.Consumers;
using TclHotline.Intake.Domain.Calls;
using TclHotline.Intake.Domain.Fees;
using TclHotline.Intake.Domain.Regions;
using TclHotline.Intake.Domain.Warranty;
using TclHotline.ServiceDefaults.Branches;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Intake;

public sealed class IntakeModule : IServiceModule
{
    public string Name => "intake";

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IntakeDatabase>();
        var config = builder.Configuration.GetSection("Intake");
        var services = builder.Services;
        services.AddValidatedOptions<IntakeOptions>(config);
        services.AddValidatedOptions<RegionOptions>(config.GetSection("Regions"));
        services.AddValidatedOptions<WarrantyOptions>(config.GetSection("Warranty"));
        services.AddValidatedOptions<FeeOptions>(config.GetSection("Fees"));
        services.AddValidatedOptions<CallValidationOptions>(config.GetSection("CallValidation"));

        services.AddSingleton(sp => RegionCatalogue.Load(
            sp.GetRequiredService<IOptions<RegionOptions>>().Value, sp.GetRequiredService<BranchCatalogue>()));
        services.AddSingleton(sp => new WarrantyEngine(sp.GetRequiredService<IOptions<WarrantyOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new FeeEstimator(sp.GetRequiredService<IOptions<FeeOptions>>().Value));
        services.AddSingleton(sp => new RegisterCallValidator(
            sp.GetRequiredService<RegionCatalogue>(),
            new ProductionDateReader(sp.GetRequiredService<IOptions<WarrantyOptions>>().Value.SerialDate),
            sp.GetRequiredService<IOptions<CallValidationOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<UnitWarranty>();
        services.AddSingleton<FeeQuotes>();
        services.AddSingleton<CallRegistrar>();
        services.AddSingleton<ServiceOrderBook>();
    }

    public void AddConsumers(ModuleConsumers consumers)
    {
        consumers.Add<VisitCompletedConsumer>();
        consumers.AddBatch<EngineerAssignedConsumer, Messages.Dispatch.EngineerAssigned>();
        consumers.Add<AppointmentBookedConsumer>();
        consumers.Add<EngineerArrivedConsumer>();
        consumers.Add<CustomerAbsentConsumer>();
        consumers.Add<PreSaleRepairRequestedConsumer>();
        consumers.Add<PanelExchangeCompletedConsumer>();
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapGrpcService<IntakeGrpcService>();
    }
}
