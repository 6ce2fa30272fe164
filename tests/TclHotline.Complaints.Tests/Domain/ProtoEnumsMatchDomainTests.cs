using Domain = TclHotline.Complaints.Domain;
using Proto = TclHotline.Grpc.Complaints.V1;
using Quality = TclHotline.Complaints.Domain.EngineerQuality;

namespace TclHotline.Complaints.Tests.Domain;

/// <summary>The gRPC layer maps proto enums to domain enums by name: every name must exist on both sides.</summary>
public sealed class ProtoEnumsMatchDomainTests
{
    public static TheoryData<Type, Type> Pairs => new()
    {
        { typeof(TclHotline.Complaints.Domain.ComplaintCategory), typeof(Proto.ComplaintCategory) },
        { typeof(TclHotline.Complaints.Domain.ComplaintSource), typeof(Proto.ComplaintSource) },
        { typeof(TclHotline.Complaints.Domain.ComplaintStatus), typeof(Proto.ComplaintStatus) },
        { typeof(TclHotline.Complaints.Domain.EscalationLevel), typeof(Proto.EscalationLevel) },
        { typeof(TclHotline.Complaints.Domain.EscalationTrigger), typeof(Proto.EscalationTrigger) },
        { typeof(TclHotline.Complaints.Domain.ComplaintDeadlineKind), typeof(Proto.DeadlineKind) },
        { typeof(Quality.EngineerClassification), typeof(Proto.EngineerClassification) },
        { typeof(Quality.EngineerCaseKind), typeof(Proto.EngineerCaseKind) },
        { typeof(TclHotline.Complaints.Domain.Notifications.NotificationKind), typeof(Proto.NotificationKind) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_domain_value_has_a_proto_value_of_the_same_name(Type domain, Type proto)
    {
        var protoNames = Enum.GetNames(proto).Where(n => n != "Unspecified");

        Assert.Equal(Enum.GetNames(domain).Order(), protoNames.Order());
    }

    [Fact]
    public void Escalation_levels_carry_the_same_numbers_on_the_bus_and_in_the_proto()
    {
        foreach (var level in Enum.GetValues<TclHotline.Complaints.Domain.EscalationLevel>())
        {
            Assert.Equal((int)level, (int)Enum.Parse<Proto.EscalationLevel>(level.ToString()));
        }
    }
}
