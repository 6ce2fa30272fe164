using TclHotline.Messages;
using TclHotline.Sla.Domain;
using static TclHotline.Sla.Tests.Domain.DeadlineEvents;

namespace TclHotline.Sla.Tests.Domain;

public class AtRiskTests
{
    private static readonly SlaOptions Options = new() { AtRiskDefaultPageSize = 50, AtRiskMaxPageSize = 500 };

    public static TheoryData<string, Func<Deadline>, AtRiskLevel?> Deadlines() => new()
    {
        { "pending, no warning yet", () => ApplyAll(Set()), null },
        { "warned at 50%", () => FiredAt(ApplyAll(Set()), 13), AtRiskLevel.Warned },
        { "warned, then paused", () => DefaultTimer.Apply(FiredAt(ApplyAll(Set()), 13), Pause(14)), AtRiskLevel.Warned },
        { "breached and open", () => FiredAt(ApplyAll(Set()), 25), AtRiskLevel.Breached },
        { "warned, then met", () => DefaultTimer.Apply(FiredAt(ApplyAll(Set()), 13), Met(14)), null },
        { "breached, then met late", () => DefaultTimer.Apply(FiredAt(ApplyAll(Set()), 25), Met(26)), null },
        { "breached, then cancelled", () => DefaultTimer.Apply(FiredAt(ApplyAll(Set()), 25), Cancel(26)), null },
        { "awaiting its set", () => ApplyAll(Move(2, 1)), null },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void LevelOf_counts_only_open_warned_or_breached_deadlines(string name, Func<Deadline> deadline, AtRiskLevel? expected)
    {
        Assert.True(expected == AtRiskQuery.LevelOf(deadline()), name);
    }

    [Fact]
    public void Includes_filters_by_branch_and_kind()
    {
        var query = Query(branch: "CS", kinds: [DeadlineKinds.OnSite]);
        var warned = FiredAt(ApplyAll(Set()), 13);

        Assert.True(query.Includes(warned));
        Assert.False(query.Includes(warned with { BranchCode = "WH" }));
        Assert.False(query.Includes(warned with { Kind = DeadlineKinds.Resolve }));
        Assert.True(Query(branch: "", kinds: []).Includes(warned with { BranchCode = "WH", Kind = DeadlineKinds.Resolve }));
    }

    [Fact]
    public void Pages_oldest_first_without_skipping_or_repeating()
    {
        var deadlines = new[] { 5.0, 1, 3, 1, 4 }
            .Select((startsAt, i) => FiredAt(ApplyAll(Set(startsAt, dueAt: startsAt + 2, setAt: startsAt)), 40) with { SubjectId = $"SO-{i}" })
            .ToList();
        var pages = new List<List<string>>();
        string? token = null;
        do
        {
            var query = Query(pageSize: 2, pageToken: token);
            var page = deadlines.Where(query.Includes).OrderBy(AtRiskPosition.Of).Take(query.PageSize).ToList();
            pages.Add(page.Select(d => d.SubjectId).ToList());
            token = page.Count == query.PageSize ? AtRiskPosition.Of(page[^1]).ToPageToken() : null;
        }
        while (token is not null);

        Assert.Equal([["SO-1", "SO-3"], ["SO-2", "SO-4"], ["SO-0"]], pages);
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(20, 20)]
    [InlineData(10_000, 500)]
    public void PageSize_defaults_and_is_capped(int requested, int expected)
    {
        Assert.Equal(expected, Query(pageSize: requested).PageSize);
    }

    [Fact]
    public void From_bad_fields_names_each_one()
    {
        var (query, errors) = AtRiskQuery.From("CS", ["on-site", " "], -1, "not-a-token", Options);

        Assert.Null(query);
        Assert.Equal(["kinds", "page_size", "page_token"], errors.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void PageToken_round_trips()
    {
        var position = new AtRiskPosition(At(3), "dispatch", "SO|1", "on-site");

        Assert.Equal(position, AtRiskPosition.FromPageToken(position.ToPageToken()));
    }

    private static AtRiskQuery Query(string? branch = null, string[]? kinds = null, int pageSize = 0, string? pageToken = null)
    {
        var (query, errors) = AtRiskQuery.From(branch, kinds ?? [], pageSize, pageToken, Options);
        Assert.Empty(errors.Errors);
        return query!;
    }

    private static Deadline FiredAt(Deadline d, double hours) => DefaultTimer.Fire(d, At(hours)).Deadline;
}
