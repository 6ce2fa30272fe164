namespace TclHotline.Complaints.Domain;

public static class ComplaintActors
{
    /// <summary>Who acts when no person does: complaints raised and escalations caused by the system.</summary>
    public const string System = "system";
}
