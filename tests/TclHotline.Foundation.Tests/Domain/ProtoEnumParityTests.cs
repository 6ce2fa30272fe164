using Xunit;
using ComplaintsDomain = TclHotline.Complaints.Domain;
using ComplaintsProto = TclHotline.Grpc.Complaints.V1;
using DispatchDomain = TclHotline.Dispatch.Domain;
using DispatchProto = TclHotline.Grpc.Dispatch.V1;
using IntakeDomain = TclHotline.Intake.Domain;
using IntakeProto = TclHotline.Grpc.Intake.V1;
using ReturnsDomain = TclHotline.Returns.Domain;
using ReturnsProto = TclHotline.Grpc.Returns.V1;
using SlaDomain = TclHotline.Sla.Domain;
using SlaProto = TclHotline.Grpc.Sla.V1;
using TelephonyDomain = TclHotline.Telephony.Domain;
using TelephonyProto = TclHotline.Grpc.Telephony.V1;

namespace TclHotline.Foundation.Tests.Domain;

/// <summary>
/// Every proto enum a module maps to its domain enum, in one list: values cross by name (ProtoEnums.ByName),
/// so both sides must carry the same names, the proto's UNSPECIFIED aside. Where a value also crosses by its
/// number (a cast, or a number that rides on the bus), the numbers must agree as well.
/// </summary>
public sealed class ProtoEnumParityTests
{
    public enum Crossing { ByName, ByNameAndNumber }

    public static TheoryData<Type, Type, Crossing> Pairs => new()
    {
        { typeof(ComplaintsProto.ComplaintCategory), typeof(ComplaintsDomain.ComplaintCategory), Crossing.ByName },
        { typeof(ComplaintsProto.ComplaintSource), typeof(ComplaintsDomain.ComplaintSource), Crossing.ByName },
        { typeof(ComplaintsProto.ComplaintStatus), typeof(ComplaintsDomain.ComplaintStatus), Crossing.ByName },
        { typeof(ComplaintsProto.EscalationLevel), typeof(ComplaintsDomain.EscalationLevel), Crossing.ByNameAndNumber },
        { typeof(ComplaintsProto.EscalationTrigger), typeof(ComplaintsDomain.EscalationTrigger), Crossing.ByName },
        { typeof(ComplaintsProto.DeadlineKind), typeof(ComplaintsDomain.ComplaintDeadlineKind), Crossing.ByName },
        { typeof(ComplaintsProto.EngineerClassification), typeof(ComplaintsDomain.EngineerQuality.EngineerClassification), Crossing.ByName },
        { typeof(ComplaintsProto.EngineerCaseKind), typeof(ComplaintsDomain.EngineerQuality.EngineerCaseKind), Crossing.ByName },
        { typeof(ComplaintsProto.NotificationKind), typeof(ComplaintsDomain.Notifications.NotificationKind), Crossing.ByName },

        { typeof(DispatchProto.Skill), typeof(DispatchDomain.Network.Skill), Crossing.ByName },
        { typeof(DispatchProto.OrderType), typeof(DispatchDomain.Network.OrderType), Crossing.ByName },
        { typeof(DispatchProto.OutletKind), typeof(DispatchDomain.Network.OutletKind), Crossing.ByName },
        { typeof(DispatchProto.CommitmentBasis), typeof(DispatchDomain.Planning.CommitmentBasis), Crossing.ByName },
        { typeof(DispatchProto.RescheduleCause), typeof(DispatchDomain.Planning.RescheduleCause), Crossing.ByName },
        { typeof(DispatchProto.CommitmentState), typeof(DispatchDomain.Board.CommitmentState), Crossing.ByName },
        { typeof(DispatchProto.Weekday), typeof(DayOfWeek), Crossing.ByName },

        { typeof(IntakeProto.OrderType), typeof(IntakeDomain.OrderType), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.OrderStatus), typeof(IntakeDomain.OrderStatus), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.FaultCategory), typeof(IntakeDomain.FaultCategory), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.BracketSource), typeof(IntakeDomain.BracketSource), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.ComplaintCategory), typeof(IntakeDomain.ComplaintCategory), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.AreaKind), typeof(IntakeDomain.Regions.AreaKind), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.WarrantyCoverage), typeof(IntakeDomain.Warranty.WarrantyCoverage), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.WarrantyStartBasis), typeof(IntakeDomain.Warranty.WarrantyStartBasis), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.ProductionDateSource), typeof(IntakeDomain.Warranty.ProductionDateSource), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.Remedy), typeof(IntakeDomain.Warranty.Remedy), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.Proof), typeof(IntakeDomain.Warranty.Proof), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.FeeLineKind), typeof(IntakeDomain.Fees.FeeLineKind), Crossing.ByNameAndNumber },

        { typeof(ReturnsProto.Finding), typeof(ReturnsDomain.Finding), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.Attribution), typeof(ReturnsDomain.Attribution), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.CostBearer), typeof(ReturnsDomain.CostBearer), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.StockStatus), typeof(ReturnsDomain.StockStatus), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.ReturnReason), typeof(ReturnsDomain.ReturnReason), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.ReturnClass), typeof(ReturnsDomain.ReturnClass), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.ScrapStep), typeof(ReturnsDomain.ScrapStep), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.ExchangeStep), typeof(ReturnsDomain.ExchangeStep), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.ExchangeChoice), typeof(ReturnsDomain.ExchangeChoice), Crossing.ByNameAndNumber },

        { typeof(SlaProto.DeadlineState), typeof(SlaDomain.DeadlineState), Crossing.ByName },
        { typeof(SlaProto.MoveCause), typeof(SlaDomain.MoveCause), Crossing.ByName },
        { typeof(SlaProto.AtRiskLevel), typeof(SlaDomain.AtRiskLevel), Crossing.ByName },

        { typeof(TelephonyProto.CallState), typeof(TelephonyDomain.CallState), Crossing.ByName },
        { typeof(TelephonyProto.CallbackState), typeof(TelephonyDomain.CallbackState), Crossing.ByName },
        { typeof(TelephonyProto.CallbackReason), typeof(TelephonyDomain.CallbackReason), Crossing.ByName },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_proto_enum_and_its_domain_enum_carry_the_same_names(Type proto, Type domain, Crossing crossing)
    {
        Assert.Equal(Names(domain), Names(proto));
        if (crossing == Crossing.ByNameAndNumber)
        {
            Assert.Equal(Members(domain), Members(proto));
        }
    }

    private static List<string> Names(Type enumType) => [.. Enum.GetNames(enumType).Where(n => n != "Unspecified").Order(StringComparer.Ordinal)];

    private static List<(string, long)> Members(Type enumType) =>
        [.. Enum.GetValues(enumType).Cast<Enum>().Where(v => v.ToString() != "Unspecified").Select(v => (v.ToString(), Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture))).OrderBy(m => m.Item2)];
}
