using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TclHotline.ServiceDefaults.Grpc;

namespace TclHotline.ServiceDefaults.Validation;

/// <summary>One bad field of a request, named as the contract names it (e.g. "district_code"), and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Problem);

/// <summary>
/// Collects every bad field of a request (by its proto field name) and refuses the request as a whole with
/// InvalidArgument. The status detail names each field; the trailer "invalid-fields" lists them for programs.
/// Every service words its problems through these checks, so a caller reads the same phrase for the same fault.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;
    public IReadOnlyList<FieldError> Errors => _errors;

    public FieldErrors Add(string field, string problem)
    {
        _errors.Add(new FieldError(field, problem));
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

    /// <summary>
    /// The trimmed text, or null when blank. A blank required field, or one shorter than
    /// <paramref name="minLength"/> or longer than <paramref name="maxLength"/> (after trimming), is an error.
    /// </summary>
    public string? Text(string field, string? value, bool required, int maxLength, int minLength = 1)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            if (required) Add(field, "is required");
            return null;
        }

        if (text.Length > maxLength) Add(field, $"is longer than {maxLength} characters");
        else if (text.Length < minLength) Add(field, $"is shorter than {minLength} characters");
        return text;
    }

    /// <summary>A count a request asks for (a page size, how many to show): 0 (the server's default) up to max.</summary>
    public void CountUpTo(string field, int value, int max)
    {
        if (value < 0) Add(field, "must not be negative");
        else if (value > max) Add(field, $"must be at most {max}");
    }

    public void NotNegative(string field, long value)
    {
        if (value < 0) Add(field, "must not be negative");
    }

    /// <summary>A required id (a GUID in any of its usual spellings); Guid.Empty when missing or bad.</summary>
    public Guid Id(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "is required");
        else if (Guid.TryParse(value, out var id)) return id;
        else Add(field, "is not an id");
        return Guid.Empty;
    }

    /// <summary>An id that may be left empty (null then); anything else must be an id.</summary>
    public Guid? OptionalId(string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (Guid.TryParse(value, out var id)) return id;
        Add(field, "is not an id");
        return null;
    }

    /// <summary>A required instant; default when missing.</summary>
    public DateTimeOffset Instant(string field, Timestamp? timestamp)
    {
        if (timestamp is null)
        {
            Add(field, "is required");
            return default;
        }

        return timestamp.ToDateTimeOffset();
    }

    /// <summary>Whether an enum value is one the contract defines (an unknown number arrives as itself, not as an error).</summary>
    public bool Defined(string field, System.Enum value)
    {
        if (System.Enum.IsDefined(value.GetType(), value)) return true;
        Add(field, $"{Convert.ToInt64(value, CultureInfo.InvariantCulture)} is not a known value");
        return false;
    }

    /// <summary>A proto enum value that must be set and known, as the domain's value of the same name; default when not.</summary>
    public TDomain RequiredEnum<TDomain>(string field, System.Enum value) where TDomain : struct, System.Enum
    {
        if (Convert.ToInt64(value, CultureInfo.InvariantCulture) == 0) Add(field, "is required");
        else if (Defined(field, value)) return value.ByName<TDomain>();
        return default;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count == 0) return;
        throw new RpcException(
            new Status(StatusCode.InvalidArgument, "invalid request: " + string.Join("; ", _errors.Select(e => $"{e.Field} {e.Problem}"))),
            new Metadata { { "invalid-fields", string.Join(",", _errors.Select(e => e.Field).Distinct()) } });
    }
}
