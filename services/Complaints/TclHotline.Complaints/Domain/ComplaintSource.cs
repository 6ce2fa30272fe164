namespace TclHotline.Complaints.Domain;

/// <summary>Who raised the complaint: an agent, or the system by itself (rule 21).</summary>
public enum ComplaintSource
{
    Agent,
    CommitmentBreached,
    RepeatCalls,
}
