namespace TclHotline.Intake.Domain;

/// <summary>One bad input field, named as the gRPC contract names it (e.g. "district_code").</summary>
public sealed record FieldError(string Field, string Message);
