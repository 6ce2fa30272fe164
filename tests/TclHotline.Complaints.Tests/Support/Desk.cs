using TclHotline.Complaints.Domain;
using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Complaints.Tests.Support;

/// <summary>A complaint desk for one Shenzhen branch, with the documented default spans unless a test says otherwise.</summary>
internal static class Desk
{
    public const string Branch = "GD-SZ";
    public const string Director = "director.shenzhen";
    public const string RegionalManager = "manager.south";
    public const string Headquarters = "hq.customer-service";
    public const string Agent = "agent-007";

    /// <summary>10:00 in Shanghai.</summary>
    public static readonly DateTimeOffset FiledAt = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);

    public static readonly Guid OrderId = Guid.Parse("0b6e3f0a-1111-4c1e-9c1a-2f4b9d6e7a01");

    /// <summary>The catalogue: the Shenzhen branch with its two owners.</summary>
    public static BranchCatalogue Branches() => new(new BranchOptions
    {
        ByCode =
        {
            [Branch] = new BranchSettings
            {
                Name = "深圳分公司服务部", TimeZone = "Asia/Shanghai", Areas = ["4403"],
                ServiceDirector = Director, RegionalServiceManager = RegionalManager,
            },
        },
    });

    public static EscalationOptions Owners() => new() { HeadquartersCustomerService = Headquarters };

    public static EscalationLadder Ladder(EscalationOptions? owners = null) => new(Branches(), owners ?? Owners());

    public static ComplaintLifecycle Lifecycle(ComplaintDeadlineOptions? spans = null, EscalationOptions? owners = null) =>
        new(new ComplaintDeadlines(spans ?? new()), Ladder(owners), new SatisfactionScale());

    public static ComplaintEscalation Escalation(EscalationOptions? owners = null) =>
        new(new ComplaintDeadlines(new()), Ladder(owners));

    public static NewComplaint Filing(
        ComplaintCategory category = ComplaintCategory.FeeDispute,
        ComplaintSource source = ComplaintSource.Agent,
        Guid? id = null) =>
        new(
            id ?? Guid.NewGuid(),
            "TS-2025-000123",
            Branch,
            category,
            source,
            new ComplaintSubject("Li Wei", "13800138000", OrderId, "WO-2025-000456", "TCL55C8K0001", "eng-42"),
            "Charged 300 yuan for a repair within warranty",
            Agent,
            FiledAt,
            []);

    public static Complaint Filed(ComplaintCategory category = ComplaintCategory.FeeDispute) =>
        Lifecycle().File(Filing(category)).Complaint;

    /// <summary>A complaint taken the ordinary way to <paramref name="status"/>, an hour per step.</summary>
    public static Complaint InStatus(ComplaintStatus status)
    {
        var lifecycle = Lifecycle();
        var complaint = Filed();
        var at = FiledAt;
        while (complaint.Status != status)
        {
            at = at.AddHours(1);
            complaint = complaint.Status switch
            {
                ComplaintStatus.Filed => lifecycle.Acknowledge(complaint, Agent, at).Complaint,
                ComplaintStatus.Acknowledged => lifecycle.StartInvestigation(complaint, Agent, at).Complaint,
                ComplaintStatus.Investigating => lifecycle.Resolve(complaint, "Fee refunded", 300m, Agent, at).Complaint,
                ComplaintStatus.Resolved => lifecycle.Close(complaint, 4, Agent, at).Complaint,
                _ => throw new InvalidOperationException($"No step leads from {complaint.Status} to {status}."),
            };
        }

        return complaint;
    }
}
