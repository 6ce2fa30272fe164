using Grpc.Core;
using TclHotline.Grpc.Audit.V1;
using TclHotline.Grpc.Returns.V1;
using TclHotline.Messages.Returns;
using TclHotline.Returns.Tests.Support;
using TclHotline.ServiceDefaults.Security;
using static TclHotline.Returns.Tests.Functional.Refusals;

namespace TclHotline.Returns.Tests.Functional;

/// <summary>
/// Rule 24: a whole unit's scrap (整机报废) needs the branch service director's approval and moves through its
/// steps in order until written off, every step audited; a step out of order is refused naming the field.
/// </summary>
public sealed class Rule24_ScrapTests(ReturnsHost returns) : IClassFixture<ReturnsHost>
{
    private Task<Scrap> DeclareAsync(string serial) => returns.Staff().DeclareScrapAsync(new DeclareScrapRequest
    {
        SerialNumber = serial, BranchCode = ReturnsHost.Changsha, ProductModel = "55C8K", Reason = "屏与主板均损坏，维修价值低于残值",
    }).ResponseAsync;

    private static AdvanceScrapRequest Step(Scrap scrap, ScrapStep step) => new() { ScrapId = scrap.ScrapId, Step = step };

    [Fact]
    public async Task Rule24_a_scrap_is_declared_approved_by_the_director_collected_and_written_off_each_step_audited()
    {
        var serial = await returns.DeliverAsync(ReturnsHost.Gome, returns.Today.AddDays(-100));
        var scrap = await DeclareAsync(serial);

        await returns.Director().AdvanceScrapAsync(Step(scrap, ScrapStep.Approved));
        await returns.Staff().AdvanceScrapAsync(Step(scrap, ScrapStep.Collected));
        var done = await returns.Staff().AdvanceScrapAsync(Step(scrap, ScrapStep.WrittenOff));

        Assert.Equal(ScrapStep.WrittenOff, done.Step);
        Assert.Equal(["Declared", "Approved", "Collected", "WrittenOff"], done.Steps.Select(s => s.Step));
        Assert.Equal("test-user", done.Steps[1].DoneBy);
        Assert.Equal(StockStatus.Scrapped, (await returns.Staff().GetDealerUnitAsync(new GetDealerUnitRequest { SerialNumber = serial })).Status);
        var written = Assert.Single(await returns.PublishedAsync<UnitScrapped>(), m => m.ScrapId.ToString("D") == scrap.ScrapId);
        Assert.Equal(serial, written.SerialNumber);
        var audit = await new AuditTrail.AuditTrailClient(returns.Host.ChannelAs(HotlineRoles.Administrator))
            .ListAuditEntriesAsync(new ListAuditEntriesRequest { Service = "returns", SubjectId = scrap.ScrapId, PageSize = 50 });
        Assert.Equal(
            ["returns.scrap.Approved", "returns.scrap.Collected", "returns.scrap.Declared", "returns.scrap.WrittenOff"],
            audit.Entries.Select(e => e.Action).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Rule24_a_step_out_of_order_is_refused_naming_the_field_and_nothing_changes()
    {
        var scrap = await DeclareAsync(ReturnsHost.NewSerial());

        var early = await InvalidFieldAsync("step", () => returns.Staff().AdvanceScrapAsync(Step(scrap, ScrapStep.WrittenOff)).ResponseAsync);
        Assert.Contains("next step is Approved", early.Status.Detail);
        await InvalidFieldAsync("step", () => returns.Staff().AdvanceScrapAsync(Step(scrap, ScrapStep.Collected)).ResponseAsync);
        await returns.Director().AdvanceScrapAsync(Step(scrap, ScrapStep.Approved));
        var twice = await InvalidFieldAsync("step", () => returns.Director().AdvanceScrapAsync(Step(scrap, ScrapStep.Approved)).ResponseAsync);
        Assert.Contains("already done", twice.Status.Detail);
        await InvalidFieldAsync("step", () => returns.Staff().AdvanceScrapAsync(Step(scrap, ScrapStep.Declared)).ResponseAsync);
        await InvalidFieldAsync("step", () => returns.Staff().AdvanceScrapAsync(Step(scrap, (ScrapStep)9)).ResponseAsync);

        var now = await returns.Staff().GetScrapAsync(new GetScrapRequest { ScrapId = scrap.ScrapId });
        Assert.Equal(ScrapStep.Approved, now.Step);
        Assert.Equal(2, now.Steps.Count);
    }

    [Fact]
    public async Task Rule24_only_the_branch_service_director_approves()
    {
        var scrap = await DeclareAsync(ReturnsHost.NewSerial());

        await RefusedAsync(StatusCode.PermissionDenied, () => returns.Staff().AdvanceScrapAsync(Step(scrap, ScrapStep.Approved)).ResponseAsync);
        await RefusedAsync(StatusCode.PermissionDenied, () => returns.As(HotlineRoles.Administrator).AdvanceScrapAsync(Step(scrap, ScrapStep.Approved)).ResponseAsync);
        await RefusedAsync(StatusCode.PermissionDenied, () => returns.Director(ReturnsHost.Wuhan).AdvanceScrapAsync(Step(scrap, ScrapStep.Approved)).ResponseAsync);

        Assert.Equal(ScrapStep.Declared, (await returns.Staff().GetScrapAsync(new GetScrapRequest { ScrapId = scrap.ScrapId })).Step);
    }

    [Fact]
    public async Task Rule24_a_declaration_without_a_reason_or_of_a_unit_already_being_scrapped_is_refused()
    {
        var serial = ReturnsHost.NewSerial();
        await InvalidFieldAsync("reason", () => returns.Staff().DeclareScrapAsync(new DeclareScrapRequest
        {
            SerialNumber = serial, BranchCode = ReturnsHost.Changsha, ProductModel = "55C8K",
        }).ResponseAsync);
        Assert.Equal(0, await returns.CountAsync("scraps", "serial_number = @Serial", new { Serial = serial }));

        await DeclareAsync(serial);
        await InvalidFieldAsync("serial_number", () => DeclareAsync(serial));
        Assert.Equal(1, await returns.CountAsync("scraps", "serial_number = @Serial", new { Serial = serial }));
    }
}
