namespace TclHotline.Sla.Domain;

/// <summary>Who moved a deadline: the customer (e.g. asked for a later visit) or the provider.</summary>
public enum MoveCause
{
    Customer,
    Provider,
}
