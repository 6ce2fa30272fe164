using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Telephony;

public sealed class TelephonyModule : IServiceModule
{
    public string Name => "telephony";

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TelephonyDatabase>();
    }

    public void AddConsumers(ModuleConsumers consumers)
    {
    }

    public void MapEndpoints(WebApplication app)
    {
    }
}
