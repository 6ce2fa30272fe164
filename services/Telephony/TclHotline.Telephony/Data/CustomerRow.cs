namespace TclHotline.Telephony.Data;

public sealed class CustomerRow
{
    public string Phone { get; init; } = "";
    public string Name { get; init; } = "";
}
