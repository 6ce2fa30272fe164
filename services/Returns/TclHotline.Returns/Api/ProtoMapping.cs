using Google.Protobuf.WellKnownTypes;
using TclHotline.Returns.Data;
using TclHotline.Returns.Domain;
using TclHotline.ServiceDefaults.Grpc;
using V1 = TclHotline.Grpc.Returns.V1;

namespace TclHotline.Returns.Api;

/// <summary>Rows and domain values to proto. The proto enums carry the domain enums' names and numbers.</summary>
internal static class ProtoMapping
{
    public static TProto ToProto<TDomain, TProto>(string? stored)
        where TDomain : struct, System.Enum
        where TProto : struct, System.Enum =>
        stored is not null && System.Enum.TryParse<TDomain>(stored, out var value) ? value.ByName<TProto>() : default;

    public static V1.PreSaleReport ToProto(PreSaleReportRow r, IEnumerable<AttributionChangeRow> changes)
    {
        var pb = new V1.PreSaleReport
        {
            ReportId = r.Id.ToString("D"),
            BranchCode = r.BranchCode,
            DealerCode = r.DealerCode,
            SerialNumber = r.SerialNumber,
            ProductModel = r.ProductModel,
            Finding = ToProto<Finding, V1.Finding>(r.Finding),
            Description = r.Description,
            ReportedBy = r.ReportedBy,
            ReportedAt = Timestamp.FromDateTimeOffset(r.ReportedAt),
            OrderId = r.OrderId?.ToString("D") ?? "",
            OrderNumber = r.OrderNumber ?? "",
        };
        if (r.InspectedAt is { } inspectedAt)
        {
            pb.Inspection = new V1.Inspection
            {
                Attribution = ToProto<Attribution, V1.Attribution>(r.Attribution),
                CostBearer = ToProto<CostBearer, V1.CostBearer>(r.CostBearer),
                Note = r.InspectionNote ?? "",
                InspectedBy = r.InspectedBy ?? "",
                InspectedAt = Timestamp.FromDateTimeOffset(inspectedAt),
            };
            pb.Inspection.EvidencePhotoIds.AddRange(SplitList(r.EvidencePhotoIds));
        }
        pb.AttributionChanges.AddRange(changes.Select(c => new V1.AttributionChange
        {
            From = ToProto<Attribution, V1.Attribution>(c.FromAttribution),
            To = ToProto<Attribution, V1.Attribution>(c.ToAttribution),
            Reason = c.Reason,
            ChangedBy = c.ChangedBy,
            ChangedAt = Timestamp.FromDateTimeOffset(c.ChangedAt),
        }));
        return pb;
    }

    public static V1.DealerUnit ToProto(DealerUnitRow u, StockAging aging, DateOnly today)
    {
        var inStock = u.Status == nameof(StockStatus.InStock);
        return new V1.DealerUnit
        {
            SerialNumber = u.SerialNumber,
            ProductModel = u.ProductModel,
            DealerCode = u.DealerCode,
            BranchCode = u.BranchCode,
            DeliveredOn = ReturnsCalendar.Format(u.DeliveredOn),
            Status = ToProto<StockStatus, V1.StockStatus>(u.Status),
            DaysInStock = inStock ? Math.Max(0, LegalPeriod.DayNumber(u.DeliveredOn, today)) : 0,
            Aging = inStock && aging.IsAging(u.DeliveredOn, today),
            AgingSince = ReturnsCalendar.Format(aging.AgingFrom(u.DeliveredOn)),
        };
    }

    public static V1.StepRecord ToProto(StepRow s) => new()
    {
        Step = s.Step,
        DoneBy = s.DoneBy,
        DoneAt = Timestamp.FromDateTimeOffset(s.DoneAt),
        Note = s.Note,
    };

    public static string Money(decimal? value) => value?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static IEnumerable<string> SplitList(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
