namespace TclHotline.ServiceDefaults.Grpc;

/// <summary>A thing named in a request does not exist: NotFound.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The request is well formed but not allowed in the current state: FailedPrecondition.</summary>
public sealed class RuleViolationException(string message) : Exception(message);

/// <summary>The caller may not do this (role, branch, own visits): PermissionDenied.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
