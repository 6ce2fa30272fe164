using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace TclHotline.ServiceDefaults.Time;

/// <summary>
/// The one time source. <c>Clock:Mode</c> = System (default) or Controlled (test-only, with
/// <c>Clock:OffsetFile</c>); Controlled is refused in Production.
/// </summary>
public static class ClockRegistration
{
    public static void AddHotlineClock(this IHostApplicationBuilder builder)
    {
        var mode = builder.Configuration["Clock:Mode"];
        if (string.IsNullOrEmpty(mode) || string.Equals(mode, "System", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.TryAddSingleton(TimeProvider.System);
            return;
        }
        if (!string.Equals(mode, "Controlled", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Clock:Mode '{mode}' is not System or Controlled.");
        if (builder.Environment.IsProduction())
            throw new InvalidOperationException("Clock:Mode Controlled is a test-only time source and is refused in Production.");
        var file = builder.Configuration["Clock:OffsetFile"]
            ?? throw new InvalidOperationException("Clock:OffsetFile is required when Clock:Mode is Controlled.");
        builder.Services.AddSingleton<TimeProvider>(new ControlledClock(file));
    }
}
