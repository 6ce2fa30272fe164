using TclHotline.Complaints.Domain;
using TclHotline.Complaints.Domain.EngineerQuality;
using TclHotline.Complaints.Tests.Support;
using static TclHotline.Complaints.Domain.EngineerQuality.EngineerClassification;

namespace TclHotline.Complaints.Tests.Domain;

public sealed class Rule22_EngineerRecordTests
{
    private const string Engineer = "eng-42";
    private const string Other = "eng-77";
    private static readonly DateTimeOffset Start = Desk.FiledAt;

    private static EngineerAssessment Assessment(EngineerQualityOptions? options = null) =>
        new(options ?? new EngineerQualityOptions(), Desk.Branches());

    private static UnitVisit Visit(string engineer, string serial, DateTimeOffset at, bool repaired = true) =>
        new(Guid.NewGuid(), Guid.NewGuid(), engineer, Desk.Branch, serial, at, repaired);

    /// <summary>A history with these counts: each repeat repair is another engineer's visit five days after.</summary>
    private static EngineerHistory History(int arrivals, int late, int repairs, int repeats, int complaints)
    {
        var arrivalFacts = Enumerable.Range(0, arrivals)
            .Select(i => new EngineerArrival(Guid.NewGuid(), Guid.NewGuid(), Start.AddDays(i), Start.AddDays(i).AddHours(1), OnTime: i >= late))
            .ToList();
        var own = Enumerable.Range(0, repairs).Select(i => Visit(Engineer, $"SN{i:000}", Start.AddDays(i))).ToList();
        var revisits = own.Take(repeats).Select(v => Visit(Other, v.SerialNumber, v.CompletedAt.AddDays(5))).ToList();
        var complaintFacts = Enumerable.Range(0, complaints)
            .Select(i => new ComplaintAgainstEngineer(Guid.NewGuid(), Guid.NewGuid(), ComplaintCategory.EngineerConduct, Start.AddDays(i)))
            .ToList();
        return new EngineerHistory(Engineer, arrivalFacts, [.. own, .. revisits], complaintFacts);
    }

    /// <summary>Defaults: on time below 0.95 watch, below 0.80 poor; repeat repairs above 0.05 watch, above 0.15 poor;
    /// complaints from 1 watch, from 3 poor; rates judged from 5 arrivals or repairs.</summary>
    [Theory]
    [InlineData(20, 0, 20, 0, 0, Reliable)]
    [InlineData(20, 1, 20, 0, 0, Reliable)]
    [InlineData(20, 2, 20, 0, 0, WillingButSlowOrWeak)]
    [InlineData(20, 4, 20, 0, 0, WillingButSlowOrWeak)]
    [InlineData(20, 5, 20, 0, 0, Poor)]
    [InlineData(20, 0, 20, 1, 0, Reliable)]
    [InlineData(20, 0, 20, 2, 0, WillingButSlowOrWeak)]
    [InlineData(20, 0, 20, 3, 0, WillingButSlowOrWeak)]
    [InlineData(20, 0, 20, 4, 0, Poor)]
    [InlineData(20, 0, 20, 0, 1, WillingButSlowOrWeak)]
    [InlineData(20, 0, 20, 0, 2, WillingButSlowOrWeak)]
    [InlineData(20, 0, 20, 0, 3, Poor)]
    [InlineData(4, 4, 4, 4, 0, Reliable)]
    [InlineData(5, 4, 5, 0, 0, Poor)]
    [InlineData(5, 0, 5, 1, 0, Poor)]
    [InlineData(0, 0, 0, 0, 0, Reliable)]
    [InlineData(20, 2, 20, 0, 3, Poor)]
    public void Rule22_engineers_are_classified_at_the_configured_thresholds(
        int arrivals, int late, int repairs, int repeats, int complaints, EngineerClassification expected)
    {
        var record = Assessment().Assess(History(arrivals, late, repairs, repeats, complaints));

        Assert.Equal(expected, record.Classification);
        Assert.Equal(expected == Reliable, record.Reasons.Count == 0);
        Assert.Equal((arrivals, arrivals - late, late, repairs, repeats, complaints),
            (record.Arrivals, record.OnTimeArrivals, record.LateArrivals, record.RepairedVisits, record.RepeatRepairs, record.Complaints));
    }

    [Fact]
    public void Rule22_thresholds_come_from_configuration()
    {
        var strict = new EngineerQualityOptions { WatchOnTimeRateBelow = 1m, PoorComplaintsAtLeast = 1, MinimumSample = 1 };
        var history = History(arrivals: 1, late: 0, repairs: 0, repeats: 0, complaints: 1);

        Assert.Equal(Poor, Assessment(strict).Assess(history).Classification);
        Assert.Equal(WillingButSlowOrWeak, Assessment().Assess(history).Classification);
    }

    [Fact]
    public void Rule22_a_poor_engineer_is_reported_with_every_case_oldest_first()
    {
        var history = History(arrivals: 10, late: 3, repairs: 10, repeats: 2, complaints: 3);

        var record = Assessment().Assess(history);

        Assert.Equal(Poor, record.Classification);
        Assert.Equal(
            history.Arrivals.Where(a => !a.OnTime).Select(a => a.OrderId).Order(),
            record.Cases.Where(c => c.Kind == EngineerCaseKind.LateArrival).Select(c => c.OrderId!.Value).Order());
        Assert.Equal(
            history.Visits.Where(v => v.EngineerId == Engineer).Take(2).Select(v => v.OrderId).Order(),
            record.Cases.Where(c => c.Kind == EngineerCaseKind.RepeatRepair).Select(c => c.OrderId!.Value).Order());
        Assert.Equal(
            history.Complaints.Select(c => c.ComplaintId).Order(),
            record.Cases.Where(c => c.Kind == EngineerCaseKind.Complaint).Select(c => c.ComplaintId!.Value).Order());
        Assert.Equal(record.Cases.OrderBy(c => c.OccurredAt), record.Cases);
        Assert.Equal(3, record.Reasons.Count);
    }

    /// <summary>
    /// Repaired 1 March 23:30 in Shanghai: day 1 is 2 March, day 30 is 31 March and counts whole, so a
    /// visit up to 31 March 23:59:59 local is a repeat repair and one on 1 April is not.
    /// </summary>
    [Theory]
    [InlineData("2025-03-01T23:30:00+08:00", "2025-03-31T23:59:59+08:00", 30, true)]
    [InlineData("2025-03-01T23:30:00+08:00", "2025-04-01T00:00:00+08:00", 30, false)]
    [InlineData("2025-03-01T00:10:00+08:00", "2025-03-31T23:59:59+08:00", 30, true)]
    [InlineData("2025-03-02T00:30:00+08:00", "2025-04-01T15:59:59+00:00", 30, true)]
    [InlineData("2025-03-02T00:30:00+08:00", "2025-04-01T16:00:00+00:00", 30, false)]
    [InlineData("2025-03-01T10:00:00+08:00", "2025-03-08T23:59:59+08:00", 7, true)]
    [InlineData("2025-03-01T10:00:00+08:00", "2025-03-09T00:00:00+08:00", 7, false)]
    [InlineData("2025-03-01T10:00:00+08:00", "2025-03-01T09:00:00+08:00", 30, false)]
    public void Rule22_a_repeat_repair_is_another_visit_within_the_period_counted_as_chinese_law_counts(
        string repairedAt, string revisitedAt, int days, bool repeat)
    {
        var repair = Visit(Engineer, "TCL55C8K0001", DateTimeOffset.Parse(repairedAt, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime());
        var revisit = Visit(Other, "tcl55c8k0001", DateTimeOffset.Parse(revisitedAt, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime());

        var record = Assessment(new EngineerQualityOptions { RepeatRepairWithinDays = days })
            .Assess(new EngineerHistory(Engineer, [], [repair, revisit], []));

        Assert.Equal(repeat ? 1 : 0, record.RepeatRepairs);
    }

    [Fact]
    public void Rule22_a_repeat_repair_counts_against_the_engineer_whose_repair_did_not_hold()
    {
        var repair = Visit(Engineer, "SN-A", Start);
        var revisit = Visit(Other, "SN-A", Start.AddDays(3));
        var diagnosis = Visit(Engineer, "SN-B", Start, repaired: false);
        var partsFitted = Visit(Engineer, "SN-B", Start.AddDays(2));

        var first = Assessment().Assess(new EngineerHistory(Engineer, [], [repair, revisit, diagnosis, partsFitted], []));
        var second = Assessment().Assess(new EngineerHistory(Other, [], [revisit], []));

        // A visit that repaired nothing is not a repair that failed to hold.
        Assert.Equal((3, 2, 1), (first.Visits, first.RepairedVisits, first.RepeatRepairs));
        var repeatCase = Assert.Single(first.Cases);
        Assert.Equal((EngineerCaseKind.RepeatRepair, (Guid?)repair.OrderId), (repeatCase.Kind, repeatCase.OrderId));
        Assert.Equal((1, 1, 0), (second.Visits, second.RepairedVisits, second.RepeatRepairs));
    }
}
