using System.Globalization;
using TclHotline.Intake.Domain.Warranty;

namespace TclHotline.Intake.Domain.Fees;

/// <summary>Fees before and after a visit (rules 13–17). Plain code; money in decimal yuan.</summary>
public sealed class FeeEstimator
{
    private readonly FeeOptions options;

    public FeeEstimator(FeeOptions options)
    {
        foreach (var type in Enum.GetValues<OrderType>().Where(t => t.NeedsVisit()))
            if (!options.BaseFees.ContainsKey(type.ToString()))
                throw new InvalidOperationException($"No base fee is configured for order type {type}.");
        this.options = options;
    }

    public FeeEstimate Estimate(FeeRequest request)
    {
        if (!request.OrderType.NeedsVisit())
            return Free("No visit: the call itself is the service.", []);
        var falseInvoice = request.Invoice == InvoiceVerdict.False;
        if (request.OrderType == OrderType.Repair && request.Warranty.InWarranty && !falseInvoice)
            return request.Invoice == InvoiceVerdict.Pending
                ? Free(InWarrantyReason(request.Warranty) + " Provisional: the branch is verifying the invoice date.",
                    [DomainRule.WarrantyPeriods, DomainRule.SuspiciousInvoice]) with
                { Provisional = true }
                : Free(InWarrantyReason(request.Warranty), [DomainRule.WarrantyPeriods]);

        var rules = new SortedSet<int> { DomainRule.EstimateBeforeVisit };
        if (falseInvoice)
            rules.Add(DomainRule.SuspiciousInvoice);
        var baseFee = BaseFee(request.OrderType, request.FaultCategory);
        var lines = new List<FeeLine> { new(FeeLineKind.Base, baseFee, $"Base fee for {Describe(request)}", null) };
        if (request.DistanceKm is { } km && km > options.FreeTravelKm)
        {
            var excess = km - options.FreeTravelKm;
            lines.Add(new(FeeLineKind.Travel, Money(excess * options.TravelFeePerKm),
                $"Travel: {Km(excess)} km beyond {Km(options.FreeTravelKm)} km, one way", DomainRule.TravelExcess));
            rules.Add(DomainRule.TravelExcess);
        }
        if (request.RequestedVisitAt is { } visit && IsNight(visit, request.BranchTimeZone))
        {
            lines.Add(new(FeeLineKind.NightSurcharge, Money(baseFee * options.NightSurchargeRate),
                $"Visit asked for between {options.NightStarts:HH\\:mm} and {options.NightEnds:HH\\:mm}", DomainRule.NightVisitSurcharge));
            rules.Add(DomainRule.NightVisitSurcharge);
        }
        return new FeeEstimate(true, lines.Sum(l => l.Amount), options.Currency, lines,
            ChargeableReason(request), request.DistanceKm is not null, [.. rules]);
    }

    /// <summary>
    /// The fee at completion, against the last estimate. Rule 14: a repairable fault the customer declines costs
    /// nothing, not even the inspection. A free (in-warranty) repair stays free unless a documented exclusion is
    /// recorded. Otherwise the engineer's fee is charged; anything above the estimate is its own line with the
    /// reason and parts the engineer gave.
    /// </summary>
    public FeeSettlement SettleAtCompletion(FeeEstimate estimate, CompletionCharge completion)
    {
        if (completion.CustomerDeclined)
            return new FeeSettlement(0m, options.Currency,
                "The customer declined the repair of a repairable fault: the cause was explained and nothing is charged.",
                [DomainRule.DeclinedRepairIsFree], [], -estimate.Total);
        if (!estimate.Chargeable && completion.Exclusion is not { } exclusion)
            return new FeeSettlement(0m, options.Currency, estimate.Reason, estimate.RulesApplied, [], -estimate.Total);

        var charged = Money(completion.Charged);
        var rules = new SortedSet<int>(estimate.RulesApplied) { DomainRule.EstimateBeforeVisit };
        if (!estimate.Chargeable)
        {
            var why = options.WarrantyExclusions.GetValueOrDefault(completion.Exclusion!.Value.ToString(), completion.Exclusion.ToString()!);
            return new FeeSettlement(charged, options.Currency, $"In warranty, but charged: {why}.", [.. rules],
                [new(FeeLineKind.Exclusion, charged, why, null)], charged - estimate.Total, completion.Reason, completion.ExtraParts,
                completion.Exclusion);
        }
        var lines = new List<FeeLine>(estimate.Lines);
        var extra = charged - estimate.Total;
        if (extra != 0)
            lines.Add(new(extra > 0 ? FeeLineKind.Extra : FeeLineKind.Reduction, extra,
                extra > 0 ? $"{completion.Reason} (parts: {string.Join(", ", completion.ExtraParts)})" : "Charged less than the estimate",
                null));
        return new FeeSettlement(charged, options.Currency, estimate.Reason, [.. rules], lines, extra, completion.Reason,
            completion.ExtraParts, null);
    }

    /// <summary>Rule 17: an unrepairable panel that headquarters no longer supplies is replaced by an exchange offer.</summary>
    public static PanelExchangeDecision DecidePanelExchange(bool panelRepairable, bool panelStillSupplied) =>
        panelRepairable || panelStillSupplied
            ? new PanelExchangeDecision([], [])
            : new PanelExchangeDecision([PanelExchangeOffer.DepreciationExchange, PanelExchangeOffer.TopUpExchange],
                [DomainRule.PanelExchangeOffer]);

    private decimal BaseFee(OrderType type, FaultCategory category) =>
        options.BaseFees.TryGetValue($"{type}:{category}", out var specific) ? specific : options.BaseFees[type.ToString()];

    // Night runs over midnight by default (21:00–08:00), but a window inside one day works too.
    private bool IsNight(DateTimeOffset visit, TimeZoneInfo zone)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(visit, zone).DateTime);
        return options.NightStarts > options.NightEnds
            ? local >= options.NightStarts || local < options.NightEnds
            : local >= options.NightStarts && local < options.NightEnds;
    }

    private FeeEstimate Free(string reason, IReadOnlyList<int> rules) =>
        new(false, 0m, options.Currency, [], reason, true, rules);

    private static string InWarrantyReason(WarrantyDecision warranty) => warranty.Coverage == WarrantyCoverage.WholeUnit
        ? $"In warranty: the whole unit is covered until {ContractDate.ToText(warranty.WholeUnitEnd!.Value)}."
        : $"In warranty: the main parts are covered until {ContractDate.ToText(warranty.MainPartsEnd!.Value)}.";

    private static string ChargeableReason(FeeRequest request)
    {
        if (request.OrderType != OrderType.Repair)
            return $"{request.OrderType} is charged by the price list.";
        if (request.Invoice == InvoiceVerdict.False)
            return "Free service lost: the branch found the invoice date false. " + request.InvoiceReason;
        if (request.Warranty.Coverage == WarrantyCoverage.Undetermined)
            return "Warranty not determined, missing " + string.Join(" and ", request.Warranty.MissingProofs)
                + ": this estimate applies unless the proof is shown.";
        return "Out of warranty.";
    }

    private static string Describe(FeeRequest request) => request.FaultCategory == FaultCategory.Unspecified
        ? request.OrderType.ToString()
        : $"{request.OrderType} ({request.FaultCategory})";

    private static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static string Km(decimal km) => km.ToString("0.##", CultureInfo.InvariantCulture);
}
