using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Complaints.Domain;

/// <summary>Rule 20: how long the owner has to acknowledge and to resolve, by category.</summary>
public sealed class ComplaintDeadlineOptions
{
    [Positive]
    public TimeSpan AcknowledgeWithin { get; set; } = TimeSpan.FromHours(2);
    [Positive]
    public TimeSpan ResolveWithin { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Per-category overrides of the two spans above; a category not listed uses them.</summary>
    public Dictionary<ComplaintCategory, CategoryDeadlineOptions> ByCategory { get; set; } = [];
}

public sealed class CategoryDeadlineOptions
{
    public TimeSpan? AcknowledgeWithin { get; set; }
    public TimeSpan? ResolveWithin { get; set; }
}
