using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Calls;
using TclHotline.Intake.Domain.Fees;
using TclHotline.Intake.Domain.Warranty;
using TclHotline.Intake.Storage;
using V1 = TclHotline.Grpc.Intake.V1;

namespace TclHotline.Intake.Grpc;

/// <summary>
/// Between the domain and the gRPC contract. The domain enums share the contract's numbers, so enums
/// convert by value. Decisions are stored as the contract's JSON and read back unchanged.
/// </summary>
public static class IntakeContract
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static string ToJson(IMessage message) => Json.Format(message);

    public static T FromJson<T>(string json) where T : IMessage<T>, new() => JsonParser.Default.Parse<T>(json);

    public static RegisterCallInput ToInput(V1.RegisterCallRequest r) => new()
    {
        IdempotencyKey = r.IdempotencyKey,
        CallId = r.CallId,
        AgentId = r.AgentId,
        CallerNumber = r.CallerNumber,
        CustomerName = r.CustomerName,
        ProvinceCode = r.ProvinceCode,
        CityCode = r.CityCode,
        DistrictCode = r.DistrictCode,
        StreetAddress = r.StreetAddress,
        OrderType = (OrderType)r.OrderType,
        BracketSource = (BracketSource)r.BracketSource,
        ProductModel = r.ProductModel,
        SerialNumber = r.SerialNumber,
        PurchaseDate = r.PurchaseDate,
        InvoiceNumber = r.InvoiceNumber,
        InvoiceDate = r.InvoiceDate,
        HasWarrantyCard = r.HasWarrantyCard,
        InstallationDate = r.InstallationDate,
        InstalledThroughHotline = r.InstalledThroughHotline,
        ProductionDate = r.ProductionDate,
        FaultCategory = (FaultCategory)r.FaultCategory,
        FaultDescription = r.FaultDescription,
        RequestedVisitAt = r.RequestedVisitAt?.ToDateTimeOffset(),
        ComplaintCategory = (ComplaintCategory)r.ComplaintCategory,
        ComplaintDescription = r.ComplaintDescription,
        RelatedOrderNumber = r.RelatedOrderNumber,
    };

    public static V1.WarrantyDecision ToContract(WarrantyDecision d)
    {
        var pb = new V1.WarrantyDecision
        {
            AsOf = ContractDate.ToText(d.AsOf),
            Coverage = (V1.WarrantyCoverage)d.Coverage,
            InWarranty = d.InWarranty,
            StartDate = Text(d.StartDate),
            StartBasis = (V1.WarrantyStartBasis)d.StartBasis,
            InvoiceDate = Text(d.InvoiceDate),
            InstallationDate = Text(d.InstallationDate),
            ProductionFirstDay = Text(d.Production?.FirstDay),
            ProductionLastDay = Text(d.Production?.LastDay),
            ProductionSource = (V1.ProductionDateSource)(d.Production?.Source ?? ProductionDateSource.Unspecified),
            WholeUnitEnd = Text(d.WholeUnitEnd),
            MainPartsEnd = Text(d.MainPartsEnd),
            WholeUnitExtensionDays = d.WholeUnitExtensionDays,
            MainPartsExtensionDays = d.MainPartsExtensionDays,
            ExchangeEligible = d.ExchangeEligible,
            FaultReportsInPeriod = d.FaultReportsInPeriod,
            InvoiceNeedsVerification = d.InvoiceNeedsVerification,
        };
        pb.Remedies.AddRange(d.Remedies.Select(r => (V1.Remedy)r));
        pb.MissingProofs.AddRange(d.MissingProofs.Select(p => (V1.Proof)p));
        pb.RulesApplied.AddRange(d.RulesApplied);
        return pb;
    }

    public static V1.FeeEstimate ToContract(FeeEstimate f)
    {
        var pb = new V1.FeeEstimate
        {
            Chargeable = f.Chargeable,
            Total = Money(f.Total, f.Currency),
            Reason = f.Reason,
            TravelIncluded = f.TravelIncluded,
        };
        pb.Lines.AddRange(f.Lines.Select(l => new V1.FeeLine
        {
            Kind = (V1.FeeLineKind)l.Kind,
            Amount = Money(l.Amount, f.Currency),
            Description = l.Description,
            Rule = l.Rule ?? 0,
        }));
        pb.RulesApplied.AddRange(f.RulesApplied);
        return pb;
    }

    public static V1.ServiceOrder ToContract(ServiceOrderRow o) => new()
    {
        OrderId = o.OrderId.ToString(),
        OrderNumber = o.OrderNumber,
        Status = (V1.OrderStatus)o.Status,
        OrderType = (V1.OrderType)o.OrderType,
        BranchCode = o.BranchCode,
        BranchName = o.BranchName,
        Area = o.IsUrban ? V1.AreaKind.Urban : V1.AreaKind.Remote,
        ProvinceCode = o.ProvinceCode,
        CityCode = o.CityCode,
        DistrictCode = o.DistrictCode,
        DistrictName = o.DistrictName,
        StreetAddress = o.StreetAddress ?? "",
        CustomerName = o.CustomerName,
        CallerNumber = o.CallerNumber,
        ProductModel = o.ProductModel ?? "",
        SerialNumber = o.SerialNumber ?? "",
        FaultCategory = (V1.FaultCategory)o.FaultCategory,
        FaultDescription = o.FaultDescription ?? "",
        BracketSource = (V1.BracketSource)o.BracketSource,
        RegisteredAt = Timestamp.FromDateTimeOffset(o.RegisteredAt),
        RequestedVisitAt = o.RequestedVisitAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        CallId = o.CallId ?? "",
        AgentId = o.AgentId,
        Warranty = FromJson<V1.WarrantyDecision>(o.WarrantyDecision),
        Fee = FromJson<V1.FeeEstimate>(o.FeeEstimate),
        RepeatCallCount = o.RepeatCallCount,
        CancelReason = o.CancelReason ?? "",
        CancelledAt = o.CancelledAt is { } c ? Timestamp.FromDateTimeOffset(c) : null,
    };

    public static V1.Customer ToContract(CustomerRow c) => new()
    {
        CustomerId = c.CustomerId.ToString(),
        Name = c.Name,
        CallerNumber = c.CallerNumber,
        ProvinceCode = c.ProvinceCode,
        CityCode = c.CityCode,
        DistrictCode = c.DistrictCode,
        StreetAddress = c.StreetAddress ?? "",
    };

    public static V1.Unit ToContract(UnitRow u, int repairCount, WarrantyDecision warranty) => new()
    {
        SerialNumber = u.SerialNumber,
        ProductModel = u.ProductModel ?? "",
        PurchaseDate = Text(u.PurchaseDate),
        InvoiceDate = Text(u.InvoiceDate),
        ProductionDate = Text(u.ProductionDate),
        RepairCount = repairCount,
        Warranty = ToContract(warranty),
    };

    public static V1.CallSummary ToContract(CallRow c) => new()
    {
        CallRecordId = c.CallRecordId.ToString(),
        CallId = c.CallId ?? "",
        CalledAt = Timestamp.FromDateTimeOffset(c.CalledAt),
        OrderType = (V1.OrderType)c.OrderType,
        OrderNumber = c.OrderNumber ?? "",
        RepeatCall = c.RepeatCall,
        AgentId = c.AgentId,
    };

    /// <summary>A contract date text ("yyyy-MM-dd"), null when blank; false when it is not a date.</summary>
    public static bool TryDate(string text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!ContractDate.TryParse(text.Trim(), out var parsed))
            return false;
        date = parsed;
        return true;
    }

    private static string Text(DateOnly? date) => date is { } d ? ContractDate.ToText(d) : "";

    private static V1.Money Money(decimal amount, string currency)
    {
        var units = decimal.Truncate(amount);
        return new V1.Money
        {
            CurrencyCode = currency,
            Units = (long)units,
            Nanos = (int)decimal.Round((amount - units) * 1_000_000_000m),
        };
    }
}
