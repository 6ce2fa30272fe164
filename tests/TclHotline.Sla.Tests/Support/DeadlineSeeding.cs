using Microsoft.Extensions.DependencyInjection;
using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.Sla.Data;
using TclHotline.Sla.Domain;
using TclHotline.Testing;

namespace TclHotline.Sla.Tests.Support;

/// <summary>Stores many deadlines at once through the service's own store and timer, in one unit of work.</summary>
internal static class DeadlineSeeding
{
    /// <summary>
    /// <paramref name="count"/> deadlines with no span (their warnings and breach are all due at
    /// <paramref name="dueAt"/>), so each fires in one unit of work; <paramref name="alsoInUnit"/> runs before commit.
    /// </summary>
    public static Task<IReadOnlyList<string>> SeedAsync(
        this TestHost host, string prefix, int count, DateTimeOffset dueAt, Func<UnitOfWork, Task>? alsoInUnit = null) =>
        host.SeedAsync(prefix, Enumerable.Repeat(dueAt, count).ToList(), alsoInUnit);

    /// <summary>One deadline with no span per entry of <paramref name="dueAts"/>, stored in that order, subjects numbered alike.</summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(
        this TestHost host, string prefix, IReadOnlyList<DateTimeOffset> dueAts, Func<UnitOfWork, Task>? alsoInUnit = null)
    {
        var db = host.Services.GetRequiredService<SlaDatabase>();
        var store = host.Services.GetRequiredService<DeadlineStore>();
        var timer = host.Services.GetRequiredService<DeadlineTimer>();
        var subjects = Enumerable.Range(0, dueAts.Count).Select(i => $"{prefix}-{i:D5}").ToList();
        await using var unit = await db.BeginAsync();
        for (var i = 0; i < subjects.Count; i++)
        {
            var unseen = Deadline.Unseen(new DeadlineKey(DeadlineOwners.Dispatch, subjects[i], DeadlineKinds.OnSite));
            var set = timer.Apply(unseen, new DeadlineSet(unseen.Owner, subjects[i], unseen.Kind, "CS", dueAts[i], dueAts[i], dueAts[i]));
            await store.SaveAsync(unit, unseen, set, stored: false);
        }

        if (alsoInUnit is not null)
        {
            await alsoInUnit(unit);
        }

        await unit.CommitAsync();
        return subjects;
    }
}
