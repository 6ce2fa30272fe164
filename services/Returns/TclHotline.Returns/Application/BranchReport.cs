using System.Globalization;
using TclHotline.Returns.Application;
using TclHotline.Returns.Domain;
using TclHotline.ServiceDefaults.Modules;
using V1 = TclHotline.Grpc.Returns.V1;

namespace TclHotline.Returns.Application;

/// <summary>The branch report's settings, bound from <c>Returns:Report</c>.</summary>
public sealed class BranchReportOptions
{
    public const string Section = "Returns:Report";

    /// <summary>Months shown by the charts that follow a figure over time, the chosen month last.</summary>
    [Positive]
    public int Months { get; set; } = 6;

    /// <summary>Dealers drawn in the aging stock chart, those with the most aging units.</summary>
    [Positive]
    public int AgingDealersShown { get; set; } = 12;
}

/// <summary>One chart of the page: what it shows, a sentence with its figures, the SVG.</summary>
public sealed record ReportChart(string Id, string Title, string Summary, string Svg);

public sealed record ReportView(string Branch, string Month, string AsOf, IReadOnlyList<ReportChart> Charts);

/// <summary>
/// The branch report: commitments kept (dispatch's arrivals and breaches, projected here), merchant returns by
/// class (rule 19), pre-sale damage by attribution (rule 18) and dealers' aging stock (rule 23), each figure
/// read from where the service keeps it and drawn by <see cref="StackedBarChart"/>.
/// </summary>
public sealed class BranchReport(
    ReturnsDatabase db, ReturnsCalendar calendar, PreSaleReports preSale, DealerStock stock, MerchantReturns returns, BranchReportOptions options)
{
    private static readonly ChartSeries Kept = new("kept", "kept", "#2e7d32");
    private static readonly ChartSeries Missed = new("missed", "missed", "#c62828");
    private static readonly ChartSeries Commercial = new("commercial", "commercial", "#1f6fb2");
    private static readonly ChartSeries Service = new("service", "service (counts against the branch)", "#e07b00");
    private static readonly ChartSeries Aging = new("aging", "aging (滞销机)", "#c62828");
    private static readonly ChartSeries Fresh = new("fresh", "in stock", "#90a4ae");
    private static readonly ChartSeries NotInspected = new("not-inspected", "not inspected yet", "#cfd8dc");

    private static readonly IReadOnlyDictionary<V1.Attribution, ChartSeries> AttributionSeries = new Dictionary<V1.Attribution, ChartSeries>
    {
        [V1.Attribution.Logistics] = new("logistics", "logistics", "#6a1b9a"),
        [V1.Attribution.Dealer] = new("dealer", "dealer", "#ef6c00"),
        [V1.Attribution.User] = new("user", "user", "#00838f"),
    };

    private static readonly IReadOnlyDictionary<V1.Finding, string> DamageNames = new Dictionary<V1.Finding, string>
    {
        [V1.Finding.CrackedPanel] = "cracked panel 屏裂",
        [V1.Finding.ScratchedPanel] = "scratched panel 屏划伤",
        [V1.Finding.ScratchedCase] = "scratched case 外壳划伤",
    };

    /// <summary>The report of <paramref name="branch"/> for <paramref name="month"/> (yyyy-MM), the current month when null.</summary>
    public async Task<ReportView> ReadAsync(string branch, string? month, CancellationToken ct)
    {
        var today = calendar.Today;
        var chosen = month is null ? new DateOnly(today.Year, today.Month, 1) : ReturnsCalendar.Month(month)!.Value.From;
        var months = Enumerable.Range(0, Math.Max(1, options.Months)).Select(i => chosen.AddMonths(i - options.Months + 1)).ToList();
        var label = ReturnsCalendar.MonthOf(chosen);
        return new ReportView(branch, label, ReturnsCalendar.Format(today),
        [
            await CommitmentsAsync(branch, months, ct),
            await ReturnsByClassAsync(branch, months, ct),
            await DamageAsync(branch, label, ct),
            await AgingStockAsync(branch, ct),
        ]);
    }

    private async Task<ReportChart> CommitmentsAsync(string branch, IReadOnlyList<DateOnly> months, CancellationToken ct)
    {
        IReadOnlyList<CommitmentOutcome> outcomes;
        await using (var c = await db.OpenAsync(ct))
            outcomes = await CommitmentOutcomes.ReadAsync(c, branch, StartOf(months[0]), StartOf(months[^1].AddMonths(1)), ct);
        var bars = months.Select(m =>
        {
            var inMonth = outcomes.Where(o => calendar.DateOf(o.DueAt) is var d && d.Year == m.Year && d.Month == m.Month).ToList();
            var kept = inMonth.Count(o => o.Kept);
            return new ChartBar(ReturnsCalendar.MonthOf(m), [kept, inMonth.Count - kept], Percent(kept, inMonth.Count));
        }).ToList();
        var last = bars[^1];
        var summary = last.Values.Sum() == 0
            ? $"{last.Label}: no on-site commitment fell due."
            : $"{last.Label}: {last.Values[0]} of {last.Values.Sum()} on-site commitments kept ({last.Note}).";
        return Chart("commitments", "Commitments kept (on-site, by month due)", summary, [Kept, Missed], bars, "No on-site commitments fell due in these months.");
    }

    private async Task<ReportChart> ReturnsByClassAsync(string branch, IReadOnlyList<DateOnly> months, CancellationToken ct)
    {
        var bars = new List<ChartBar>();
        foreach (var m in months)
        {
            var rates = await returns.RatesAsync(branch, ReturnsCalendar.MonthOf(m), ct);
            bars.Add(new ChartBar(ReturnsCalendar.MonthOf(m), [rates.Branch.Commercial, rates.Branch.Service]));
        }

        var last = bars[^1];
        var summary = $"{last.Label}: {last.Values[0]} commercial and {last.Values[1]} service-class merchant returns.";
        return Chart("returns-by-class", "Merchant returns by class (商返机)", summary, [Commercial, Service], bars, "No merchant returns in these months.");
    }

    private async Task<ReportChart> DamageAsync(string branch, string month, CancellationToken ct)
    {
        var stats = await preSale.StatisticsAsync(branch, month, ct);
        var attributions = AttributionSeries.Keys.ToList();
        var bars = DamageNames.Select(kind =>
        {
            var split = stats.ByKindAndAttribution.FirstOrDefault(k => k.Finding == kind.Key);
            var counts = attributions.Select(a => split?.ByAttribution.FirstOrDefault(s => s.Attribution == a)?.Count ?? 0).ToList();
            var total = stats.DamageByKind.FirstOrDefault(k => k.Finding == kind.Key)?.Count ?? 0;
            return new ChartBar(kind.Value, [.. counts, Math.Max(0, total - counts.Sum())]);
        }).ToList();
        var shares = string.Join(", ", stats.ByAttribution.Select(s => $"{AttributionSeries[s.Attribution].Name} {s.Percent.ToString("0.##", CultureInfo.InvariantCulture)} %"));
        var summary = stats.Inspected == 0
            ? $"{month}: no inspected pre-sale damage."
            : $"{month}: {stats.Inspected} inspected damage reports by attribution: {shares}.";
        return Chart("damage-by-attribution", $"Pre-sale damage by attribution, {month}", summary,
            [.. attributions.Select(a => AttributionSeries[a]), NotInspected], bars, "No pre-sale damage reported this month.");
    }

    private async Task<ReportChart> AgingStockAsync(string branch, CancellationToken ct)
    {
        var aging = await stock.AgingAsync(branch, ct);
        // The dealers with the most aging units first: a branch has more dealers than a chart has room for.
        var shown = aging.ByDealer.OrderByDescending(d => d.AgingUnits).ThenByDescending(d => d.InStockUnits)
            .ThenBy(d => d.DealerCode, StringComparer.Ordinal).Take(options.AgingDealersShown).ToList();
        var bars = shown.Select(d => new ChartBar(d.DealerCode, [d.AgingUnits, d.InStockUnits - d.AgingUnits])).ToList();
        var summary = $"{aging.Units.Count} units in dealers' stock more than {aging.AgingMonths} months after delivery, as of {aging.AsOf}"
            + (shown.Count < aging.ByDealer.Count ? $"; the {shown.Count} of {aging.ByDealer.Count} dealers with the most aging units shown." : ".");
        return Chart("aging-stock", "Dealer stock and aging units (滞销机)", summary, [Aging, Fresh], bars, "No units in dealers' stock.");
    }

    private DateTimeOffset StartOf(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), calendar.Zone), TimeSpan.Zero);

    private static string Percent(int part, int whole) =>
        whole == 0 ? "–" : (100m * part / whole).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static ReportChart Chart(string id, string title, string summary, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartBar> bars, string empty) =>
        new(id, title, summary, new StackedBarChart(id, title, series, bars, empty).ToSvg());
}
