using TclHotline.Complaints.Domain.EngineerQuality;
using TclHotline.Complaints.Domain.SystemRaised;

namespace TclHotline.Complaints.Domain;

/// <summary>The complaint service's configuration section: every number of rules 20–22 lives here.</summary>
public sealed class ComplaintsOptions
{
    public const string Section = "Complaints";

    public ComplaintDeadlineOptions Deadlines { get; set; } = new();
    public EscalationOptions Escalation { get; set; } = new();
    public SatisfactionScale Satisfaction { get; set; } = new();
    public SystemComplaintOptions RaisedBySystem { get; set; } = new();
    public EngineerQualityOptions EngineerQuality { get; set; } = new();
    public ComplaintListOptions Listing { get; set; } = new();
}
