using Microsoft.Extensions.DependencyInjection;
using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.Sla.Domain;
using TclHotline.Sla.Storage;
using TclHotline.Testing;

namespace TclHotline.Sla.Tests.Integration;

/// <summary>Stores many deadlines at once through the service's own store and timer, in one unit of work.</summary>
internal static class DeadlineSeeding
{
    /// <summary>
    /// <paramref name="count"/> deadlines with no span (their warnings and breach are all due at
    /// <paramref name="dueAt"/>), so each fires in one unit of work; <paramref name="alsoInUnit"/> runs before commit.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(
        this TestHost host, string prefix, int count, DateTimeOffset dueAt, Func<UnitOfWork, Task>? alsoInUnit = null)
    {
        var db = host.Services.GetRequiredService<SlaDatabase>();
        var store = host.Services.GetRequiredService<DeadlineStore>();
        var timer = host.Services.GetRequiredService<DeadlineTimer>();
        var subjects = Enumerable.Range(0, count).Select(i => $"{prefix}-{i:D5}").ToList();
        await using var unit = await db.BeginAsync();
        foreach (var subject in subjects)
        {
            var unseen = Deadline.Unseen(new DeadlineKey(DeadlineOwners.Dispatch, subject, DeadlineKinds.OnSite));
            var set = timer.Apply(unseen, new DeadlineSet(unseen.Owner, subject, unseen.Kind, "CS", dueAt, dueAt, dueAt));
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
