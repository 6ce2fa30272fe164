using Domain = TclHotline.Dispatch.Domain;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Domain;

/// <summary>The gRPC contract can carry every value the domain has, so mapping never loses one.</summary>
public class ContractTests
{
    public static TheoryData<Type, Type> Pairs() => new()
    {
        { typeof(TclHotline.Dispatch.Domain.Network.Skill), typeof(Proto.Skill) },
        { typeof(TclHotline.Dispatch.Domain.Network.OrderType), typeof(Proto.OrderType) },
        { typeof(TclHotline.Dispatch.Domain.Network.OutletKind), typeof(Proto.OutletKind) },
        { typeof(TclHotline.Dispatch.Domain.Planning.CommitmentBasis), typeof(Proto.CommitmentBasis) },
        { typeof(TclHotline.Dispatch.Domain.Planning.RescheduleCause), typeof(Proto.RescheduleCause) },
        { typeof(TclHotline.Dispatch.Domain.Board.CommitmentState), typeof(Proto.CommitmentState) },
        { typeof(DayOfWeek), typeof(Proto.Weekday) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_domain_value_has_a_proto_value_of_the_same_name(Type domain, Type proto)
    {
        var missing = Enum.GetNames(domain).Except(Enum.GetNames(proto)).ToList();

        Assert.Empty(missing);
    }
}
