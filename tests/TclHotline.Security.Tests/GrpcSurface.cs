using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TclHotline.ServiceDefaults.Audit;

namespace TclHotline.Security.Tests;

/// <summary>One RPC as mapped by a module: its descriptor and the roles its [Authorize] attributes allow.</summary>
public sealed record Rpc(Type Implementation, MethodDescriptor Descriptor, IReadOnlySet<string>? AllowedRoles)
{
    public string Name => Descriptor.FullName;
    public override string ToString() => Name;
}

/// <summary>
/// Every gRPC service implementation of every module (and the foundation's audit trail), found by reflection:
/// classes deriving from a generated *Base class (marked [BindServiceMethod]), so a new RPC is covered untested.
/// </summary>
public static class GrpcSurface
{
    public static readonly Assembly[] ServiceAssemblies =
    [
        typeof(Intake.IntakeModule).Assembly, typeof(Telephony.TelephonyModule).Assembly, typeof(Dispatch.DispatchModule).Assembly,
        typeof(Sla.SlaModule).Assembly, typeof(Complaints.ComplaintsModule).Assembly, typeof(Returns.ReturnsModule).Assembly,
        typeof(AuditTrailGrpcService).Assembly,
    ];

    public static IReadOnlyList<Rpc> All() => ServiceAssemblies
        .SelectMany(a => a.GetTypes())
        .Where(t => t is { IsClass: true, IsAbstract: false } && GeneratedBase(t) is not null)
        .SelectMany(RpcsOf)
        .OrderBy(r => r.Name, StringComparer.Ordinal)
        .ToList();

    private static Type? GeneratedBase(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.GetCustomAttribute<BindServiceMethodAttribute>() is not null) return t;
        return null;
    }

    private static IEnumerable<Rpc> RpcsOf(Type implementation)
    {
        var generatedBase = GeneratedBase(implementation)!;
        // The generated base is nested in a static class whose Descriptor property is the proto service.
        var service = (ServiceDescriptor)generatedBase.DeclaringType!
            .GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var classRoles = RolesOf(implementation.GetCustomAttributes<AuthorizeAttribute>(inherit: true));
        foreach (var method in service.Methods)
        {
            var clr = implementation.GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance)!;
            var methodRoles = RolesOf(clr.GetCustomAttributes<AuthorizeAttribute>(inherit: true));
            yield return new Rpc(implementation, method, Intersect(classRoles, methodRoles));
        }
    }

    /// <summary>Each [Authorize(Roles)] is its own requirement, so a caller needs a role from every one.</summary>
    private static IReadOnlySet<string>? RolesOf(IEnumerable<AuthorizeAttribute> attributes)
    {
        HashSet<string>? allowed = null;
        foreach (var attribute in attributes.Where(a => !string.IsNullOrWhiteSpace(a.Roles)))
            allowed = Intersect(allowed, attribute.Roles!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
        return allowed;
    }

    private static HashSet<string>? Intersect(IReadOnlySet<string>? a, IReadOnlySet<string>? b) =>
        a is null ? b?.ToHashSet(StringComparer.Ordinal)
        : b is null ? a.ToHashSet(StringComparer.Ordinal)
        : a.Intersect(b).ToHashSet(StringComparer.Ordinal);
}
