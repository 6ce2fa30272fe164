namespace TclHotline.Intake.Domain.Regions;

/// <summary>The regional service department that owns every unit used in its districts (rule 1).</summary>
public sealed record Branch(string Code, string Name, TimeZoneInfo TimeZone);
