namespace TclHotline.Sla.Domain;

/// <summary>What identifies a deadline: the owner's subject and the kind of promise.</summary>
public readonly record struct DeadlineKey(string Owner, string SubjectId, string Kind)
{
    public override string ToString() => $"{Owner}/{SubjectId}/{Kind}";
}
