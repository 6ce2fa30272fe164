namespace TclHotline.Complaints.Domain;

/// <summary>Paging of ListComplaints.</summary>
public sealed class ComplaintListOptions
{
    /// <summary>Used when a request asks for no particular page size.</summary>
    public int DefaultPageSize { get; set; } = 50;

    public int MaxPageSize { get; set; } = 200;
}
