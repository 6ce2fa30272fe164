namespace TclHotline.Complaints.Domain.Notifications;

/// <summary>What a notification tells its owner. The names are stored and mapped to the proto enum by name.</summary>
public enum NotificationKind
{
    /// <summary>Dispatch cannot keep (or can no longer keep) an on-site commitment.</summary>
    DispatchEscalated = 1,

    /// <summary>A dispatch deadline (on-site commitment, booking) passed.</summary>
    DispatchDeadlineBreached = 2,

    ComplaintFiled = 3,
    ComplaintEscalated = 4,

    /// <summary>Rule 22: the periodic engineer-quality report.</summary>
    EngineerQualityReport = 5,
}
