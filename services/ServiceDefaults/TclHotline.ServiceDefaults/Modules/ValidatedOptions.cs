using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TclHotline.ServiceDefaults.Modules;

/// <summary>
/// A module's options, bound from configuration and checked when the host starts: a negative threshold or a zero
/// page size stops the service at once with the option's name, instead of misbehaving on the first request.
/// The checks are the data annotations on the options class; a nested options object is checked when its
/// property carries [ValidateObjectMembers].
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration section) where T : class =>
        services.AddOptions<T>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
}

/// <summary>A number or a span that must be greater than zero.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PositiveAttribute() : ValidationAttribute("{0} must be greater than zero.")
{
    public override bool IsValid(object? value) => value switch
    {
        int i => i > 0,
        long l => l > 0,
        decimal m => m > 0,
        double d => d > 0,
        TimeSpan t => t > TimeSpan.Zero,
        _ => true,
    };
}

/// <summary>A number or a span that must not be below zero.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotNegativeAttribute() : ValidationAttribute("{0} must not be negative.")
{
    public override bool IsValid(object? value) => value switch
    {
        int i => i >= 0,
        long l => l >= 0,
        decimal m => m >= 0,
        double d => d >= 0,
        TimeSpan t => t >= TimeSpan.Zero,
        _ => true,
    };
}
