using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Complaints.Domain.EngineerQuality;

/// <summary>
/// Rule 22: an engineer judged by what the customer saw — commitments kept, repairs that held,
/// complaints — and classified with the cases attached.
/// </summary>
public sealed class EngineerAssessment(EngineerQualityOptions options, BranchCatalogue branches)
{
    public EngineerRecord Assess(EngineerHistory history)
    {
        var own = history.Visits.Where(v => v.EngineerId == history.EngineerId).ToList();
        var repaired = own.Where(v => v.Repaired).ToList();
        var late = history.Arrivals.Where(a => !a.OnTime).ToList();
        var repeats = repaired
            .Select(repair => (Repair: repair, Revisit: Revisit(repair, history.Visits)))
            .Where(pair => pair.Revisit is not null)
            .ToList();

        List<EngineerCase> cases =
        [
            .. late.Select(a => new EngineerCase(
                EngineerCaseKind.LateArrival, a.OrderId, null, a.ArrivedAt, $"Arrived {a.ArrivedAt:u}, commitment due {a.CommitmentDue:u}")),
            .. repeats.Select(p => new EngineerCase(
                EngineerCaseKind.RepeatRepair,
                p.Repair.OrderId,
                null,
                p.Revisit!.CompletedAt,
                $"Unit {p.Repair.SerialNumber} repaired {p.Repair.CompletedAt:u}, visited again {p.Revisit.CompletedAt:u} on order {p.Revisit.OrderId}")),
            .. history.Complaints.Select(c => new EngineerCase(
                EngineerCaseKind.Complaint, c.OrderId, c.ComplaintId, c.FiledAt, $"{c.Category} complaint")),
        ];

        var findings = Judge(history.Arrivals.Count, late.Count, repaired.Count, repeats.Count, history.Complaints.Count).ToList();
        return new EngineerRecord(
            history.EngineerId,
            own.Count,
            history.Arrivals.Count,
            history.Arrivals.Count - late.Count,
            late.Count,
            repaired.Count,
            repeats.Count,
            history.Complaints.Count,
            findings.Count == 0 ? EngineerClassification.Reliable : findings.Max(f => f.Class),
            [.. findings.Select(f => f.Reason)],
            [.. cases.OrderBy(c => c.OccurredAt)]);
    }

    /// <summary>The first later visit to the repaired unit within the repeat-repair period, by anyone.</summary>
    private UnitVisit? Revisit(UnitVisit repair, IReadOnlyList<UnitVisit> visits)
    {
        var periodEnd = LegalPeriod.EndOfDays(repair.CompletedAt, options.RepeatRepairWithinDays, branches.TimeZoneOf(repair.BranchCode));
        return visits
            .Where(v => v.VisitId != repair.VisitId
                && string.Equals(v.SerialNumber, repair.SerialNumber, StringComparison.OrdinalIgnoreCase)
                && v.CompletedAt > repair.CompletedAt
                && v.CompletedAt < periodEnd)
            .MinBy(v => v.CompletedAt);
    }

    private IEnumerable<(EngineerClassification Class, string Reason)> Judge(
        int arrivals, int lateArrivals, int repairs, int repeatRepairs, int complaints)
    {
        if (arrivals >= options.MinimumSample)
        {
            var onTime = (decimal)(arrivals - lateArrivals) / arrivals;
            if (onTime < options.PoorOnTimeRateBelow)
            {
                yield return (EngineerClassification.Poor, $"on time in {onTime:0.###} of {arrivals} arrivals, below {options.PoorOnTimeRateBelow}");
            }
            else if (onTime < options.WatchOnTimeRateBelow)
            {
                yield return (EngineerClassification.WillingButSlowOrWeak, $"on time in {onTime:0.###} of {arrivals} arrivals, below {options.WatchOnTimeRateBelow}");
            }
        }

        if (repairs >= options.MinimumSample)
        {
            var repeatRate = (decimal)repeatRepairs / repairs;
            if (repeatRate > options.PoorRepeatRepairRateAbove)
            {
                yield return (EngineerClassification.Poor, $"{repeatRate:0.###} of {repairs} repairs needed another visit, above {options.PoorRepeatRepairRateAbove}");
            }
            else if (repeatRate > options.WatchRepeatRepairRateAbove)
            {
                yield return (EngineerClassification.WillingButSlowOrWeak, $"{repeatRate:0.###} of {repairs} repairs needed another visit, above {options.WatchRepeatRepairRateAbove}");
            }
        }

        if (complaints >= options.PoorComplaintsAtLeast)
        {
            yield return (EngineerClassification.Poor, $"{complaints} complaints, at least {options.PoorComplaintsAtLeast}");
        }
        else if (complaints >= options.WatchComplaintsAtLeast)
        {
            yield return (EngineerClassification.WillingButSlowOrWeak, $"{complaints} complaint(s), at least {options.WatchComplaintsAtLeast}");
        }
    }
}
