using Grpc.Core;

namespace TclHotline.ServiceDefaults.Validation;

/// <summary>
/// Collects every bad field of a request (by its proto field name) and refuses the request as a whole with
/// InvalidArgument. The status detail names each field; the trailer "invalid-fields" lists them for programs.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, string Problem)> _errors = [];

    public bool Any => _errors.Count > 0;
    public IReadOnlyList<(string Field, string Problem)> Errors => _errors;

    public FieldErrors Add(string field, string problem)
    {
        _errors.Add((field, problem));
        return this;
    }

    public void Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "is required");
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max) Add(field, $"is longer than {max} characters");
    }

    /// <summary>A count a request asks for (a page size, how many to show): 0 (the server's default) up to max.</summary>
    public void CountUpTo(string field, int value, int max)
    {
        if (value < 0) Add(field, "must not be negative");
        else if (value > max) Add(field, $"must be at most {max}");
    }

        public void ThrowIfAny()
    {
        if (_errors.Count == 0) return;
        throw new RpcException(
            new Status(StatusCode.InvalidArgument, "invalid request: " + string.Join("; ", _errors.Select(e => $"{e.Field} {e.Problem}"))),
            new Metadata { { "invalid-fields", string.Join(",", _errors.Select(e => e.Field).Distinct()) } });
    }
}
