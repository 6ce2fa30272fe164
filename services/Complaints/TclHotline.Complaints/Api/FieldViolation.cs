namespace TclHotline.Complaints.Api;

/// <summary>One bad field of a request, named as the .proto names it; the gRPC layer answers InvalidArgument.</summary>
public sealed record FieldViolation(string Field, string Description);
