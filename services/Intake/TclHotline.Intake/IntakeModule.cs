using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Intake;

public sealed class IntakeModule : IServiceModule
{
    public string Name => "intake";

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IntakeDatabase>();
    }

    public void AddConsumers(ModuleConsumers consumers)
    {
    }

    public void MapEndpoints(WebApplication app)
    {
    }
}
