namespace TclHotline.Intake.Domain.Regions;

/// <summary>Urban addresses get the 24-hour on-site commitment, remote ones an appointment (rule 2). Numbers match the gRPC enum.</summary>
public enum AreaKind
{
    Unspecified = 0,
    Urban = 1,
    Remote = 2,
}
