namespace TclHotline.Intake.Domain.Warranty;

/// <summary>A fault reported earlier for the same unit (by serial number).</summary>
public sealed record FaultReport(DateOnly ReportedOn, FaultCategory Category);

/// <summary>
/// One repair of the unit. <see cref="DaysInRepair"/> are the days the repairer took for its own
/// reasons, <see cref="DaysWaitingForParts"/> those spent waiting for parts (rules 5 and 9).
/// </summary>
public sealed record RepairRecord(DateOnly StartedOn, int DaysInRepair, int DaysWaitingForParts, bool InvolvedMainPart);

/// <summary>What the warranty engine needs to know about a unit and the fault reported now.</summary>
public sealed record WarrantyRequest
{
    public required TimeZoneInfo BranchTimeZone { get; init; }
    public string? SerialNumber { get; init; }
    /// <summary>The production date the agent read off the label, if any; preferred to the serial.</summary>
    public DateOnly? LabelProductionDate { get; init; }
    /// <summary>The date on the invoice; null when the customer has none.</summary>
    public DateOnly? InvoiceDate { get; init; }
    /// <summary>The date the hotline's own engineer installed the unit, if it did (rule 10).</summary>
    public DateOnly? HotlineInstallationDate { get; init; }
    /// <summary>The fault reported on this call; null for a look-up or a call that reports no fault.</summary>
    public FaultCategory? CurrentFault { get; init; }
    /// <summary>
    /// Rule 8: earlier fault reports of the unit that ended in a completed repair (or are still open); cancelled
    /// orders and visits where nothing was repaired are left out by the caller.
    /// </summary>
    public IReadOnlyList<FaultReport> PriorFaultReports { get; init; } = [];
    public IReadOnlyList<RepairRecord> Repairs { get; init; } = [];
}
