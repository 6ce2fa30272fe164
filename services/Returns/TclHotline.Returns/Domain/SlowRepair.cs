namespace TclHotline.Returns.Domain;

/// <summary>What the bus said about one service order, as rule 9 needs it.</summary>
public sealed record OrderFacts(
    Guid OrderId,
    string OrderNumber,
    string BranchCode,
    string SerialNumber,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? CompletedAt,
    int? DaysInRepair,
    int? DaysWaitingForParts,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? SlowRepairDecidedAt = null);

/// <summary>Which rule-9 threshold an order crossed, by how many days.</summary>
public sealed record SlowRepairFinding(string SlowBy, int Days, int ThresholdDays)
{
    public const string RepairerDelay = "REPAIRER_DELAY";
    public const string PartsWait = "PARTS_WAIT";

    /// <summary>Intake made the unit exchange-eligible under rule 9 at this order's completion (from the unit's repair records).</summary>
    public const string DecidedByIntake = "DECIDED_BY_INTAKE";
}

/// <summary>
/// Rule 9: a repair longer than the repairer's allowance for its own reasons, or a wait for parts longer than
/// the parts allowance, is slow. A finished repair is judged by its recorded days; an order still open by the
/// days since it was registered (the registration day not counted), which all count against the repairer.
/// Intake's own rule-9 decision for the order (ExchangeEligibilityDecided) counts as slow too.
/// </summary>
public sealed class SlowRepair(SlowRepairOptions options, TimeZoneInfo zone)
{
    public SlowRepairFinding? Judge(OrderFacts order, DateTimeOffset now)
    {
        if (order.CancelledAt is not null)
            return null;
        if (order.CompletedAt is not null)
        {
            if (order.DaysWaitingForParts is { } waited && waited > options.PartsWaitDays)
                return new SlowRepairFinding(SlowRepairFinding.PartsWait, waited, options.PartsWaitDays);
            if (order.DaysInRepair is { } repaired && repaired > options.RepairerDelayDays)
                return new SlowRepairFinding(SlowRepairFinding.RepairerDelay, repaired, options.RepairerDelayDays);
            return order.SlowRepairDecidedAt is null ? null
                : new SlowRepairFinding(SlowRepairFinding.DecidedByIntake, order.DaysInRepair ?? 0, options.RepairerDelayDays);
        }
        var open = LegalPeriod.DayNumber(LegalPeriod.LocalDate(order.RegisteredAt, zone), LegalPeriod.LocalDate(now, zone));
        return open > options.RepairerDelayDays
            ? new SlowRepairFinding(SlowRepairFinding.RepairerDelay, open, options.RepairerDelayDays)
            : null;
    }
}
