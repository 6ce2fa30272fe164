using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Complaints.Domain;

/// <summary>Paging of ListComplaints.</summary>
public sealed class ComplaintListOptions
{
    /// <summary>Used when a request asks for no particular page size.</summary>
    [Positive]
    public int DefaultPageSize { get; set; } = 50;

    [Positive]
    public int MaxPageSize { get; set; } = 200;

    /// <summary>How many of an engineer's newest cases a record lists when the request does not say.</summary>
    [Positive]
    public int EngineerCasesShown { get; set; } = 50;

    /// <summary>The most cases a record may ask for (max_cases); more is refused.</summary>
    [Positive]
    public int MaxEngineerCases { get; set; } = 500;
}
