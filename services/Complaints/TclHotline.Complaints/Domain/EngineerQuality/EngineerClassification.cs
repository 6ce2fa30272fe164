namespace TclHotline.Complaints.Domain.EngineerQuality;

/// <summary>How the branch treats an engineer (rule 22), from best to worst.</summary>
public enum EngineerClassification
{
    Reliable,

    /// <summary>Coach and watch.</summary>
    WillingButSlowOrWeak,

    /// <summary>Report to the service director with the cases; replace.</summary>
    Poor,
}
