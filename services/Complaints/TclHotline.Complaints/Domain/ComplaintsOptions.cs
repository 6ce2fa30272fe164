using Microsoft.Extensions.Options;
using TclHotline.Complaints.Domain.EngineerQuality;
using TclHotline.Complaints.Domain.SystemRaised;

namespace TclHotline.Complaints.Domain;

/// <summary>The complaint service's configuration section: every number of rules 20–22 lives here.</summary>
public sealed class ComplaintsOptions
{
    public const string Section = "Complaints";

    [ValidateObjectMembers]
    public ComplaintDeadlineOptions Deadlines { get; set; } = new();
    public EscalationOptions Escalation { get; set; } = new();
    [ValidateObjectMembers]
    public SatisfactionScale Satisfaction { get; set; } = new();
    [ValidateObjectMembers]
    public SystemComplaintOptions RaisedBySystem { get; set; } = new();
    [ValidateObjectMembers]
    public EngineerQualityOptions EngineerQuality { get; set; } = new();
    [ValidateObjectMembers]
    public ComplaintListOptions Listing { get; set; } = new();
}
