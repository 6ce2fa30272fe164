namespace TclHotline.Intake.Domain.Calls;

/// <summary>Collects every bad field of one request, so the caller hears of all of them at once.</summary>
internal sealed class FieldChecks(DateOnly today)
{
    public List<FieldError> Errors { get; } = [];

    public void Add(string field, string message) => Errors.Add(new FieldError(field, message));

    /// <summary>The trimmed text, or null when blank; a blank required field or a bad length is an error.</summary>
    public string? Text(string field, string? value, bool required, int maxLength, int minLength = 1)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            if (required)
                Add(field, "Required.");
            return null;
        }
        if (text.Length < minLength || text.Length > maxLength)
            Add(field, $"Must be {minLength} to {maxLength} characters long, not {text.Length}.");
        return text;
    }

    /// <summary>A "yyyy-MM-dd" date that is not after today in the branch's calendar; null when blank or bad.</summary>
    public DateOnly? PastDate(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!ContractDate.TryParse(value.Trim(), out var date))
        {
            Add(field, "Must be a date written yyyy-MM-dd.");
            return null;
        }
        if (date > today)
        {
            Add(field, $"Must not be in the future (today is {ContractDate.ToText(today)}).");
            return null;
        }
        return date;
    }

    /// <summary>Whether an enum value is one the contract defines.</summary>
    public bool Defined<T>(string field, T value) where T : struct, Enum
    {
        if (Enum.IsDefined(value))
            return true;
        Add(field, $"Unknown value {Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)}.");
        return false;
    }
}
