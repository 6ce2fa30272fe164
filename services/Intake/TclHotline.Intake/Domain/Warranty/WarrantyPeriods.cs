namespace TclHotline.Intake.Domain.Warranty;

/// <summary>The last days of the whole-unit and main-parts periods, extensions included.</summary>
internal sealed record WarrantyPeriods(DateOnly WholeUnitEnd, DateOnly MainPartsEnd)
{
    /// <summary>Whether something on <paramref name="date"/> falls in the period that covers it.</summary>
    public bool Covers(DateOnly date, bool mainPart) => date <= (mainPart ? MainPartsEnd : WholeUnitEnd);

    public WarrantyCoverage CoverageOn(DateOnly date) =>
        date <= WholeUnitEnd ? WarrantyCoverage.WholeUnit
        : date <= MainPartsEnd ? WarrantyCoverage.MainPartsOnly
        : WarrantyCoverage.Expired;

    /// <summary>
    /// Rule 5: days in repair or waiting for parts are added to the end of the period. A repair
    /// counts when it starts by the end as extended so far, so the repairs are taken in date order.
    /// </summary>
    public static (DateOnly End, int Days) Extend(DateOnly end, IEnumerable<RepairRecord> repairs)
    {
        var days = 0;
        foreach (var repair in repairs.OrderBy(r => r.StartedOn))
        {
            if (repair.StartedOn > end)
                break;
            var added = repair.DaysInRepair + repair.DaysWaitingForParts;
            end = end.AddDays(added);
            days += added;
        }
        return (end, days);
    }
}
