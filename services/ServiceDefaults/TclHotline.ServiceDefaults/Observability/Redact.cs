using System.Data.Common;
using System.Text.RegularExpressions;

namespace TclHotline.ServiceDefaults.Observability;

/// <summary>
/// Masks customer data before it reaches logs, traces, metric labels or error messages.
/// Phone: keep the first 3 and last 2 digits; name: the first character; street address: nothing.
/// Database errors: the values they quote (duplicate keys, truncated or unconvertible values), long digit
/// runs and Chinese text; their codes, constraints, tables and columns stay, so the log still says what broke.
/// </summary>
public static partial class Redact
{
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        var digits = phone.Where(char.IsDigit).ToArray();
        if (digits.Length <= 5) return new string('*', digits.Length);
        return new string(digits, 0, 3) + new string('*', digits.Length - 5) + new string(digits, digits.Length - 2, 2);
    }

    public static string Name(string? name) =>
        string.IsNullOrEmpty(name) ? "" : name[..1] + new string('*', Math.Max(1, name.Length - 1));

    public static string Address(string? address) =>
        string.IsNullOrEmpty(address) ? "" : "***";

    /// <summary>
    /// A database engine's error text with the data it quotes masked. SQL Server quotes the key of a
    /// duplicate (2627, 2601: "The duplicate key value is (…)"), the cut value (2628: "Truncated value: '…'")
    /// and unconvertible values (245: "the nvarchar value '…'"); SQLite quotes what it could not parse.
    /// </summary>
    public static string DatabaseMessage(string? message)
    {
        if (string.IsNullOrEmpty(message)) return "";
        var masked = DuplicateKeyValue().Replace(message, "${lead}***${tail}");
        masked = QuotedValue().Replace(masked, "${lead}***'");
        masked = DigitRun().Replace(masked, m => Phone(m.Value));
        return HanRun().Replace(masked, m => Name(m.Value));
    }

    /// <summary>
    /// What to hand a logger for an exception: itself when no database error is in it, else a copy whose
    /// messages (the database error's and every one around it) are masked, keeping types, codes and stack traces.
    /// </summary>
    public static Exception DatabaseErrors(Exception exception) =>
        Chain(exception).Any(e => e is DbException) ? new RedactedException(exception) : exception;

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException) yield return e;
    }

    [GeneratedRegex(@"(?<lead>duplicate key value is \()[^\r\n]*(?<tail>\))", RegexOptions.IgnoreCase)]
    private static partial Regex DuplicateKeyValue();

    [GeneratedRegex(@"(?<lead>\bvalue:? ')[^'\r\n]*(?:'(?!\s|\.|,|$)[^'\r\n]*)*'", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"\d{7,}")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}]+")]
    private static partial Regex HanRun();

    /// <summary>An exception as logged: the original's type and error code in the message, masked, its stack trace as is.</summary>
    public sealed class RedactedException : Exception
    {
        private readonly string? _stackTrace;

        internal RedactedException(Exception original)
            : base(Describe(original), original.InnerException is { } inner ? new RedactedException(inner) : null)
        {
            _stackTrace = original.StackTrace;
            OriginalType = original.GetType().FullName ?? original.GetType().Name;
            HResult = original.HResult;
        }

        public string OriginalType { get; }

        public override string? StackTrace => _stackTrace;

        private static string Describe(Exception e)
        {
            var code = e switch
            {
                Microsoft.Data.SqlClient.SqlException sql => $" (error {sql.Number})",
                Microsoft.Data.Sqlite.SqliteException sqlite => $" (SQLite error {sqlite.SqliteErrorCode})",
                DbException db => $" (error {db.ErrorCode})",
                _ => "",
            };
            return $"{e.GetType().FullName}{code}: {DatabaseMessage(e.Message)}";
        }
    }
}
