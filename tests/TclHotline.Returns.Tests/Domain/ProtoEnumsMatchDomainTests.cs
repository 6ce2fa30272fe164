using V1 = TclHotline.Grpc.Returns.V1;
using D = TclHotline.Returns.Domain;

namespace TclHotline.Returns.Tests.Domain;

/// <summary>The proto enums are mapped to the domain's by number: every name must stand at the same number in both.</summary>
public sealed class ProtoEnumsMatchDomainTests
{
    public static TheoryData<Type, Type> Pairs() => new()
    {
        { typeof(V1.Finding), typeof(D.Finding) },
        { typeof(V1.Attribution), typeof(D.Attribution) },
        { typeof(V1.CostBearer), typeof(D.CostBearer) },
        { typeof(V1.StockStatus), typeof(D.StockStatus) },
        { typeof(V1.ReturnReason), typeof(D.ReturnReason) },
        { typeof(V1.ReturnClass), typeof(D.ReturnClass) },
        { typeof(V1.ScrapStep), typeof(D.ScrapStep) },
        { typeof(V1.ExchangeStep), typeof(D.ExchangeStep) },
        { typeof(V1.ExchangeChoice), typeof(D.ExchangeChoice) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Same_names_at_the_same_numbers(Type proto, Type domain)
    {
        var protoValues = Enum.GetValues(proto).Cast<object>().ToDictionary(v => Enum.GetName(proto, v)!, Convert.ToInt32);
        var domainValues = Enum.GetValues(domain).Cast<object>().ToDictionary(v => Enum.GetName(domain, v)!, Convert.ToInt32);

        Assert.Equal(domainValues.OrderBy(p => p.Value), protoValues.OrderBy(p => p.Value));
    }
}
