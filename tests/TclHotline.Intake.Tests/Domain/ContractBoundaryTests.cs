using System.Reflection;
using TclHotline.Intake.Api;

// In the root namespace: a TclHotline.Intake.Tests.Domain namespace would hide TclHotline.Intake.Domain from the tests here.
namespace TclHotline.Intake.Tests;

/// <summary>
/// The gRPC contract's types stop at Api/: the use cases, the domain and the storage speak the domain's types, so a
/// change of the contract is a change of the mapping only. Compiler-made types (closures, async state machines)
/// are scanned too, so a contract type held in a local of an async method is found as well.
/// </summary>
public sealed class ContractBoundaryTests
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly string[] DomainSide = ["TclHotline.Intake.Application", "TclHotline.Intake.Data", "TclHotline.Intake.Domain"];

    [Fact]
    public void Application_data_and_domain_use_no_type_of_the_grpc_contract()
    {
        var scanned = TypesIn(DomainSide).ToList();
        Assert.Contains(typeof(Intake.Application.CallRegistrar), scanned);
        Assert.Contains(typeof(Intake.Data.ServiceOrderRow), scanned);
        Assert.Contains(typeof(Intake.Domain.Warranty.WarrantyDecision), scanned);

        Assert.Empty(scanned.SelectMany(ContractUses).Distinct());
    }

    [Fact]
    public void The_scan_finds_the_contract_where_it_belongs_in_the_api()
    {
        var uses = TypesIn(["TclHotline.Intake.Api"]).SelectMany(ContractUses).ToList();
        Assert.Contains(uses, u => u.StartsWith(nameof(IntakeGrpcService) + ".", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith(nameof(IntakeContract) + ".", StringComparison.Ordinal));
    }

    private static IEnumerable<Type> TypesIn(IReadOnlyList<string> namespaces) =>
        typeof(IntakeModule).Assembly.GetTypes().Where(t => t.Namespace is { } ns
            && namespaces.Any(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal)));

    /// <summary>"Type.member: contract type" for every base, interface, field, property, method and constructor signature.</summary>
    private static IEnumerable<string> ContractUses(Type type)
    {
        var signatures = new List<(string Member, Type Type)>();
        if (type.BaseType is { } baseType)
            signatures.Add(("(base)", baseType));
        signatures.AddRange(type.GetInterfaces().Select(i => ("(interface)", i)));
        signatures.AddRange(type.GetFields(Everything).Select(f => (f.Name, f.FieldType)));
        signatures.AddRange(type.GetProperties(Everything).Select(p => (p.Name, p.PropertyType)));
        foreach (var method in type.GetMethods(Everything))
        {
            signatures.Add((method.Name, method.ReturnType));
            signatures.AddRange(method.GetParameters().Select(p => (method.Name, p.ParameterType)));
            if (method.IsGenericMethodDefinition)
                signatures.AddRange(method.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()).Select(c => (method.Name, c)));
        }
        foreach (var constructor in type.GetConstructors(Everything))
            signatures.AddRange(constructor.GetParameters().Select(p => (".ctor", p.ParameterType)));
        return signatures.SelectMany(s => Contract(s.Type).Select(c => $"{Name(type)}.{s.Member}: {c.FullName}"));
    }

    private static string Name(Type type) => type.DeclaringType is { } outer ? Name(outer) + "+" + type.Name : type.Name;

    /// <summary>The contract types a signature type names, through arrays, references, nullables and generic arguments.</summary>
    private static IEnumerable<Type> Contract(Type type)
    {
        if (type.HasElementType)
            return Contract(type.GetElementType()!);
        var found = type.IsGenericType ? type.GetGenericArguments().SelectMany(Contract) : [];
        return type.Namespace?.StartsWith("TclHotline.Grpc", StringComparison.Ordinal) == true ? found.Prepend(type) : found;
    }
}
