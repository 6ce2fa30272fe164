using Domain = TclHotline.Dispatch.Domain;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests;

/// <summary>The gRPC contract can carry every value the domain has, so mapping never loses one.</summary>
public class ContractTests
{
    public static TheoryData<Type, Type> Pairs() => new()
    {
        { typeof(Domain.Network.Skill), typeof(Proto.Skill) },
        { typeof(Domain.Network.OrderType), typeof(Proto.OrderType) },
        { typeof(Domain.Network.OutletKind), typeof(Proto.OutletKind) },
        { typeof(Domain.Planning.CommitmentBasis), typeof(Proto.CommitmentBasis) },
        { typeof(Domain.Planning.RescheduleCause), typeof(Proto.RescheduleCause) },
        { typeof(Domain.Board.CommitmentState), typeof(Proto.CommitmentState) },
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
