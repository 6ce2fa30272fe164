using Xunit;
using Complaints = TclHotline.Complaints.Domain;
using ComplaintsProto = TclHotline.Grpc.Complaints.V1;
using Dispatch = TclHotline.Dispatch.Domain;
using DispatchProto = TclHotline.Grpc.Dispatch.V1;
using Intake = TclHotline.Intake.Domain;
using IntakeProto = TclHotline.Grpc.Intake.V1;
using Returns = TclHotline.Returns.Domain;
using ReturnsProto = TclHotline.Grpc.Returns.V1;
using Sla = TclHotline.Sla.Domain;
using SlaProto = TclHotline.Grpc.Sla.V1;
using Telephony = TclHotline.Telephony.Domain;
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
        { typeof(ComplaintsProto.ComplaintCategory), typeof(Complaints.ComplaintCategory), Crossing.ByName },
        { typeof(ComplaintsProto.ComplaintSource), typeof(Complaints.ComplaintSource), Crossing.ByName },
        { typeof(ComplaintsProto.ComplaintStatus), typeof(Complaints.ComplaintStatus), Crossing.ByName },
        { typeof(ComplaintsProto.EscalationLevel), typeof(Complaints.EscalationLevel), Crossing.ByNameAndNumber },
        { typeof(ComplaintsProto.EscalationTrigger), typeof(Complaints.EscalationTrigger), Crossing.ByName },
        { typeof(ComplaintsProto.DeadlineKind), typeof(Complaints.ComplaintDeadlineKind), Crossing.ByName },
        { typeof(ComplaintsProto.EngineerClassification), typeof(Complaints.EngineerQuality.EngineerClassification), Crossing.ByName },
        { typeof(ComplaintsProto.EngineerCaseKind), typeof(Complaints.EngineerQuality.EngineerCaseKind), Crossing.ByName },
        { typeof(ComplaintsProto.NotificationKind), typeof(Complaints.Notifications.NotificationKind), Crossing.ByName },

        { typeof(DispatchProto.Skill), typeof(Dispatch.Network.Skill), Crossing.ByName },
        { typeof(DispatchProto.OrderType), typeof(Dispatch.Network.OrderType), Crossing.ByName },
        { typeof(DispatchProto.OutletKind), typeof(Dispatch.Network.OutletKind), Crossing.ByName },
        { typeof(DispatchProto.CommitmentBasis), typeof(Dispatch.Planning.CommitmentBasis), Crossing.ByName },
        { typeof(DispatchProto.RescheduleCause), typeof(Dispatch.Planning.RescheduleCause), Crossing.ByName },
        { typeof(DispatchProto.CommitmentState), typeof(Dispatch.Board.CommitmentState), Crossing.ByName },
        { typeof(DispatchProto.Weekday), typeof(DayOfWeek), Crossing.ByName },

        { typeof(IntakeProto.OrderType), typeof(Intake.OrderType), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.OrderStatus), typeof(Intake.OrderStatus), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.FaultCategory), typeof(Intake.FaultCategory), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.BracketSource), typeof(Intake.BracketSource), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.ComplaintCategory), typeof(Intake.ComplaintCategory), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.AreaKind), typeof(Intake.Regions.AreaKind), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.WarrantyCoverage), typeof(Intake.Warranty.WarrantyCoverage), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.WarrantyStartBasis), typeof(Intake.Warranty.WarrantyStartBasis), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.ProductionDateSource), typeof(Intake.Warranty.ProductionDateSource), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.Remedy), typeof(Intake.Warranty.Remedy), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.Proof), typeof(Intake.Warranty.Proof), Crossing.ByNameAndNumber },
        { typeof(IntakeProto.FeeLineKind), typeof(Intake.Fees.FeeLineKind), Crossing.ByNameAndNumber },

        { typeof(ReturnsProto.Finding), typeof(Returns.Finding), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.Attribution), typeof(Returns.Attribution), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.CostBearer), typeof(Returns.CostBearer), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.StockStatus), typeof(Returns.StockStatus), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.ReturnReason), typeof(Returns.ReturnReason), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.ReturnClass), typeof(Returns.ReturnClass), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.ScrapStep), typeof(Returns.ScrapStep), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.ExchangeStep), typeof(Returns.ExchangeStep), Crossing.ByNameAndNumber },
        { typeof(ReturnsProto.ExchangeChoice), typeof(Returns.ExchangeChoice), Crossing.ByNameAndNumber },

        { typeof(SlaProto.DeadlineState), typeof(Sla.DeadlineState), Crossing.ByName },
        { typeof(SlaProto.MoveCause), typeof(Sla.MoveCause), Crossing.ByName },
        { typeof(SlaProto.AtRiskLevel), typeof(Sla.AtRiskLevel), Crossing.ByName },

        { typeof(TelephonyProto.CallState), typeof(Telephony.CallState), Crossing.ByName },
        { typeof(TelephonyProto.CallbackState), typeof(Telephony.CallbackState), Crossing.ByName },
        { typeof(TelephonyProto.CallbackReason), typeof(Telephony.CallbackReason), Crossing.ByName },
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
        [.. Enum.GetValues(enumType).Cast<Enum>().Select(v => (v.ToString(), Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture))).OrderBy(m => m.Item2)];
}
