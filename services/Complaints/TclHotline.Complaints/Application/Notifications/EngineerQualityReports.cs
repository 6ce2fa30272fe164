using Microsoft.Extensions.Logging;
using TclHotline.Complaints.Data;
using TclHotline.Complaints.Domain.EngineerQuality;
using TclHotline.Complaints.Domain.Notifications;

namespace TclHotline.Complaints.Application.Notifications;

/// <summary>
/// Rule 22: once a period (a week by default, counted from a configured anchor) every branch's service
/// director receives the engineer-quality report. A branch seen for the first time starts counting from the
/// period it is in, so a new installation does not send a backlog. The period is claimed on the stored
/// last period, so one report goes out per branch and period whatever the number of instances or restarts.
/// </summary>
public sealed class EngineerQualityReports(
    ComplaintsDatabase db,
    NotificationOptions options,
    NotificationCommands commands,
    EngineerAssessment assessment,
    TimeProvider time,
    ILogger<EngineerQualityReports> logger) : RepeatedRound(time, logger)
{
    protected override TimeSpan Interval => options.EngineerQualityReport.CheckInterval;

    protected override Task RoundAsync(CancellationToken ct) => ReportDueAsync(ct);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.EngineerQualityReport.Enabled ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    /// <returns>How many reports were sent.</returns>
    internal async Task<int> ReportDueAsync(CancellationToken ct)
    {
        var schedule = options.EngineerQualityReport;
        var now = Time.GetUtcNow();
        var period = (long)Math.Floor((now - schedule.Anchor) / schedule.Every);
        IReadOnlyList<string> branches;
        await using (var unit = await db.BeginAsync(ct))
        {
            branches = [.. schedule.Branches.Concat(await NotificationStore.BranchesWithEngineersAsync(unit)).Distinct(StringComparer.Ordinal)];
        }

        var sent = 0;
        foreach (var branch in branches)
        {
            if (await ReportAsync(branch, period, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> ReportAsync(string branch, long period, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var seen = await NotificationStore.ReportedPeriodAsync(unit, branch);
        if (seen is null)
        {
            await NotificationStore.StartReportsAsync(unit, branch, period);
            await unit.CommitAsync();
            return false;
        }

        if (period <= seen || !await NotificationStore.AdvanceReportsAsync(unit, branch, seen.Value, period))
        {
            return false;
        }

        var records = new List<EngineerRecord>();
        foreach (var engineer in await NotificationStore.EngineersOfBranchAsync(unit, branch))
        {
            if (await EngineerFactStore.HistoryAsync(unit.Connection, engineer, ct, transaction: unit.Transaction) is { } known)
            {
                records.Add(assessment.Assess(known.History));
            }
        }

        var schedule = options.EngineerQualityReport;
        var from = schedule.Anchor + (schedule.Every * (period - 1));
        await commands.RaiseAsync(unit, NotificationCauses.EngineerQualityReport(branch, period, from, from + schedule.Every, records));
        await unit.CommitAsync();
        return true;
    }
}
